import * as v from 'valibot';
import type { Credentials } from './credentials';
import { listMailboxes } from './email';
import { LauncherError, msg } from './errors';
import { whmVersionSchema } from './schemas';
import type { TransportOptions } from './transport';
import { callWhm } from './whm';

/** What answered a token check: the mailboxes a cPanel token sees, or the WHM version. */
export type Verified = { mailboxes: number } | { whmVersion: string };

/**
 * Proves a token works with one harmless read: Email::list_pops for a cPanel token, WHM `version` for a
 * WHM token.
 */
export async function verifyCredentials(
  credentials: Credentials,
  options: TransportOptions = {},
): Promise<Verified> {
  if (credentials.kind === 'cpanel') {
    return { mailboxes: (await listMailboxes(credentials, options)).length };
  }
  const parsed = v.safeParse(whmVersionSchema, await callWhm(credentials, 'version', {}, options));
  if (!parsed.success) throw new LauncherError('invalid_response', msg('error_whm_version_malformed'));
  return { whmVersion: parsed.output.version };
}
