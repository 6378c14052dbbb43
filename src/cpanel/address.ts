import { LauncherError, msg } from './errors';
import { isValidHost } from './host';

export interface MailAddress {
  /** The local part only: cPanel's `login` parameter. */
  login: string;
  domain: string;
}

// Deliberately plain: cPanel mailboxes are made of these characters, and anything else is a typo.
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}$/i;

/** Splits `name@domain` into cPanel's separate `login` and `domain` parameters. */
export function parseAddress(input: string): MailAddress {
  const text = input.trim().toLowerCase();
  const at = text.lastIndexOf('@');
  const login = text.slice(0, at);
  const domain = text.slice(at + 1);
  if (at < 1 || !LOCAL_PART.test(login) || !isValidHost(domain) || !domain.includes('.')) {
    throw new LauncherError('bad_input', msg('error_not_an_address', input.trim()));
  }
  return { login, domain };
}

/** Finds the first email address in free text (a selection, a mailto: link). */
export function findAddress(text: string): string | undefined {
  const match = /[a-z0-9!#$%&'*+/=?^_`{|}~.-]+@[a-z0-9-]+(\.[a-z0-9-]+)+/i.exec(text);
  return match?.[0].toLowerCase();
}
