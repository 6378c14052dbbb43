import type { MailAddress } from './address';
import type { Credentials } from './credentials';
import { LauncherError } from './errors';
import { type LoginRequest, webmailLoginRequest } from './login';
import type { TransportOptions } from './transport';
import { callUapi } from './uapi';

export interface SessionOptions extends TransportOptions {
  /** Lower-case locale for the new session, e.g. `en` or `pt_br`; the account's own locale when absent. */
  locale?: string;
}

const LOCALE = /^[a-z]{2,3}(_[a-z0-9]{2,8})*$/;

function localeParam(locale: string | undefined): string | undefined {
  if (locale === undefined) return undefined;
  const lower = locale.toLowerCase().replace(/-/g, '_');
  if (!LOCALE.test(lower)) throw new LauncherError('bad_input', `“${locale}” is not a locale name.`);
  return lower;
}

/** Session::create_webmail_session_for_self: the cPanel account's own mailbox. */
export async function createWebmailSessionForSelf(
  credentials: Credentials,
  options: SessionOptions = {},
): Promise<LoginRequest> {
  const data = await callUapi(
    credentials,
    'Session',
    'create_webmail_session_for_self',
    { locale: localeParam(options.locale) },
    options,
  );
  return webmailLoginRequest(data, credentials.host);
}

/** Session::create_webmail_session_for_mail_user: any mailbox the account owns, without its password. */
export async function createWebmailSessionForMailUser(
  credentials: Credentials,
  address: MailAddress,
  options: SessionOptions = {},
): Promise<LoginRequest> {
  const data = await callUapi(
    credentials,
    'Session',
    'create_webmail_session_for_mail_user',
    { login: address.login, domain: address.domain, locale: localeParam(options.locale) },
    options,
  );
  return webmailLoginRequest(data, credentials.host);
}
