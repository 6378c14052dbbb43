import type { MailAddress } from './address';
import type { Credentials } from './credentials';
import { isProxied, webmailEndpoint } from './endpoints';
import { LauncherError, msg } from './errors';
import { localeParam, withLocaleFallback } from './locale';
import { type LoginRequest, proxiedWebmailLoginRequest, webmailLoginRequest } from './login';
import type { TransportOptions } from './transport';
import { callUapi, postUapi } from './uapi';

export interface SessionOptions extends TransportOptions {
  /** Lower-case locale for the new session, e.g. `en` or `pt_br`; the account's own locale when absent. */
  locale?: string;
}

/**
 * Where the Webmail of this account opens: behind cPanel's proxy subdomains (account on
 * `cpanel.example.com:443`) always `webmail.example.com`; otherwise the response's hostname, else the
 * account's host, on 2096.
 */
function webmailLogin(data: unknown, credentials: Credentials): LoginRequest {
  const endpoint = webmailEndpoint(credentials.host, credentials.port);
  if (isProxied(endpoint)) return proxiedWebmailLoginRequest(data, endpoint.host);
  return webmailLoginRequest(data, credentials.host);
}

/** Session::create_webmail_session_for_self: the cPanel account's own mailbox. */
export async function createWebmailSessionForSelf(
  credentials: Credentials,
  options: SessionOptions = {},
): Promise<LoginRequest> {
  const data = await withLocaleFallback(localeParam(options.locale), (locale) =>
    callUapi(credentials, 'Session', 'create_webmail_session_for_self', { locale }, options),
  );
  return webmailLogin(data, credentials);
}

/** Session::create_webmail_session_for_mail_user: any mailbox the account owns, without its password. */
export async function createWebmailSessionForMailUser(
  credentials: Credentials,
  address: MailAddress,
  options: SessionOptions = {},
): Promise<LoginRequest> {
  const data = await withLocaleFallback(localeParam(options.locale), (locale) =>
    callUapi(
      credentials,
      'Session',
      'create_webmail_session_for_mail_user',
      { login: address.login, domain: address.domain, locale },
      options,
    ),
  );
  return webmailLogin(data, credentials);
}

const MAX_PASSWORD_LENGTH = 4096;

/**
 * Session::create_webmail_session_for_mail_user_check_password: a mailbox whose password the user typed.
 * The password travels in a POST body, never in the URL, and never appears in an error.
 */
export async function createWebmailSessionWithPassword(
  credentials: Credentials,
  address: MailAddress,
  password: string,
  options: SessionOptions = {},
): Promise<LoginRequest> {
  if (typeof password !== 'string' || password.length === 0) {
    throw new LauncherError('bad_input', msg('error_password_missing'));
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new LauncherError('bad_input', msg('error_password_too_long'));
  }
  let data: unknown;
  try {
    data = await withLocaleFallback(localeParam(options.locale), (locale) =>
      postUapi(
        credentials,
        'Session',
        'create_webmail_session_for_mail_user_check_password',
        { login: address.login, domain: address.domain, password, locale },
        options,
      ),
    );
  } catch (error) {
    throw redactPassword(error, password);
  }
  return webmailLogin(data, credentials);
}

/**
 * A server that echoed the password into its error text must not carry it into the UI or a log. The two
 * texts the UI tells apart keep a form it still recognises, even when a short password occurs in them.
 */
function redactPassword(error: unknown, password: string): unknown {
  if (!(error instanceof LauncherError)) return error;
  const texts = error.key ? error.args : [error.message];
  if (!texts.some((text) => text.includes(password))) return error;
  const kind = classifySessionError(error);
  if (kind === 'wrong_password') return new LauncherError(error.code, CPANEL_WRONG_PASSWORD);
  if (kind === 'suspended') return new LauncherError(error.code, CPANEL_SUSPENDED);
  const redact = (text: string) => text.split(password).join('…');
  if (error.key)
    return new LauncherError(error.code, { key: error.key, args: error.args.map(redact) }, error.origin);
  return new LauncherError(error.code, redact(error.message));
}

export type SessionErrorKind = 'wrong_password' | 'suspended';

// Stand-ins for the server's own words, shown as they are like the texts they replace (not translated).
const CPANEL_WRONG_PASSWORD = 'The provided password is incorrect.';
const CPANEL_SUSPENDED = 'Logins for “this mailbox” are suspended.';

// cPanel's own texts (examples.json); the suspended one names the mailbox, so it is matched by pattern.
const WRONG_PASSWORD = /\bThe provided password is incorrect\b/;
const LOGINS_SUSPENDED = /\bLogins for [“"][^”"]+[”"] are suspended\b/;

/**
 * Recognises the two failures of a password sign-in that deserve their own advice. Takes a LauncherError
 * or its `{code, message}` form as it arrives over the message contract.
 */
export function classifySessionError(error: unknown): SessionErrorKind | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code !== undefined && code !== 'api_error') return undefined;
  if (typeof message !== 'string') return undefined;
  if (WRONG_PASSWORD.test(message)) return 'wrong_password';
  if (LOGINS_SUSPENDED.test(message)) return 'suspended';
  return undefined;
}
