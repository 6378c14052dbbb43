import * as v from 'valibot';
import { SECURITY_TOKEN_PATTERN } from '../rules';
import { LauncherError, msg } from './errors';
import { isValidHost } from './host';
import { checkServerChosenHost } from './internalHost';
import type { MessageKey } from './messageKey';
import { type WebmailSession, webmailSessionSchema } from './schemas';

/** What the launch page needs to sign in: a URL to POST to and the session for the form body. */
export interface LoginRequest {
  url: string;
  session: string;
  /**
   * Extra form fields to POST along with `session`: only `goto_uri` (from a WHM create_user_session url),
   * present only when there is one.
   */
  fields?: Record<string, string>;
}

/** Webmail 2096, cPanel 2083, WHM 2087, or 443 behind cPanel's service subdomains. */
export const LOGIN_PORTS = [2096, 2083, 2087, 443] as const;

// Printable ASCII without spaces: what cPanel session strings are made of, and nothing a form could mangle.
const SESSION_STRING = /^[\x21-\x7e]{1,4096}$/;

/** invalid_response with a detail that never quotes the server's values (they may carry a session). */
export function invalidLogin(detail: MessageKey): LauncherError {
  return new LauncherError('invalid_response', msg(detail));
}

/**
 * Builds `https://HOST:PORT/cpsessN/login` from parts that each passed a strict check. Every login URL the
 * extension opens is made here, so this is the one place that decides what is safe.
 */
export function loginRequest(host: string, port: number, token: unknown, session: unknown): LoginRequest {
  const hostname = typeof host === 'string' ? host.toLowerCase() : '';
  if (!isValidHost(hostname)) throw invalidLogin('error_login_host');
  if (!(LOGIN_PORTS as readonly number[]).includes(port)) throw invalidLogin('error_login_port');
  if (typeof token !== 'string' || !SECURITY_TOKEN_PATTERN.test(token))
    throw invalidLogin('error_login_token');
  if (typeof session !== 'string' || !SESSION_STRING.test(session)) throw invalidLogin('error_login_session');
  const authority = port === 443 ? hostname : `${hostname}:${port}`;
  return { url: `https://${authority}${token}/login`, session };
}

/**
 * Turns the `data` of a Session::create_webmail_session_* result into a login request. With `hostname`
 * null the Webmail server is the one that answered the API call, so `serverHost` is used.
 */
export function webmailLoginRequest(data: unknown, serverHost: string, port = 2096): LoginRequest {
  const { hostname, session, token } = parseWebmailSession(data);
  // An empty hostname means the same as null: the server that answered is the Webmail server.
  if (hostname) checkServerChosenHost(hostname.toLowerCase(), serverHost);
  return loginRequest(hostname || serverHost, port, token, session);
}

/**
 * The same for Webmail behind a proxy subdomain (`webmail.example.com` on 443): `hostname` then names the
 * server's own hostname:2096, which is what the proxy hides from the user, so the proxy host always wins.
 */
export function proxiedWebmailLoginRequest(data: unknown, proxyHost: string): LoginRequest {
  const { session, token } = parseWebmailSession(data);
  return loginRequest(proxyHost, 443, token, session);
}

function parseWebmailSession(data: unknown): WebmailSession {
  const parsed = v.safeParse(webmailSessionSchema, data);
  if (!parsed.success) throw invalidLogin('error_login_webmail_shape');
  return parsed.output;
}
