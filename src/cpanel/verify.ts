import * as v from 'valibot';
import type { Credentials } from './credentials';
import { listMailboxes } from './email';
import { LauncherError, msg } from './errors';
import { whmVersionSchema } from './schemas';
import type { TransportOptions } from './transport';
import { callWhm } from './whm';

/**
 * Proves a token works with one harmless read: Email::list_pops for a cPanel token, WHM `version` for a
 * WHM token. Resolves to a short description of what answered.
 */
export async function verifyCredentials(
  credentials: Credentials,
  options: TransportOptions = {},
): Promise<string> {
  if (credentials.kind === 'cpanel') {
    const mailboxes = await listMailboxes(credentials, options);
    return `${mailboxes.length} mailbox${mailboxes.length === 1 ? '' : 'es'}`;
  }
  const parsed = v.safeParse(whmVersionSchema, await callWhm(credentials, 'version', {}, options));
  if (!parsed.success) throw new LauncherError('invalid_response', msg('error_whm_version_malformed'));
  return `WHM ${parsed.output.version}`;
}
