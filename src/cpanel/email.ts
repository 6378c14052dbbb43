import * as v from 'valibot';
import type { Credentials } from './credentials';
import { LauncherError, msg } from './errors';
import { listPopsSchema } from './schemas';
import type { TransportOptions } from './transport';
import { callUapi } from './uapi';

export interface Mailbox {
  email: string;
  /** True for the cPanel account's own mailbox ("Main Account"), whose `email` is the user name. */
  main?: boolean;
  suspended?: boolean;
  /** On a WHM account: the cPanel user that owns the mailbox. */
  user?: string;
}

/** Email::list_pops: every mailbox of the account, the main account included. */
export async function listMailboxes(
  credentials: Credentials,
  options: TransportOptions = {},
): Promise<Mailbox[]> {
  const data = await callUapi(credentials, 'Email', 'list_pops', {}, options);
  const parsed = v.safeParse(listPopsSchema, data);
  if (!parsed.success) {
    throw new LauncherError('invalid_response', msg('error_mailbox_list_shape'));
  }
  return parsed.output.map((pop) => {
    const mailbox: Mailbox = { email: pop.email };
    if (pop.login === 'Main Account') mailbox.main = true;
    if (Number(pop.suspended_login) === 1) mailbox.suspended = true;
    return mailbox;
  });
}
