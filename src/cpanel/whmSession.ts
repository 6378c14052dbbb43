import * as v from 'valibot';
import { parseAddress } from './address';
import type { Credentials } from './credentials';
import { isProxied, SERVICE_PORT, serviceEndpoint, type WhmService } from './endpoints';
import { LauncherError, msg } from './errors';
import { isValidHost } from './host';
import { localeParam } from './locale';
import { invalidLogin, type LoginRequest, loginRequest } from './login';
import { whmUserSessionSchema } from './schemas';
import type { TransportOptions } from './transport';
import { callWhm } from './whm';

export { SERVICE_PORT, type WhmService } from './endpoints';

// WHM's `app` names (Email_Accounts, Site_Software_*, …): a plain token, never a path or a URL.
const APP_NAME = /^[A-Za-z0-9_*-]{1,64}$/;
// cPanel and WHM user names; a mailbox is given as its address instead.
const USER_NAME = /^[a-z][a-z0-9_-]{0,31}$/i;
// The docs show the token both with and without its leading slash.
const BARE_TOKEN = /^cpsess\d+$/;

/**
 * Turns the `data` of WHM create_user_session into a login request. The host comes from `data.url` (that is
 * how `preferred_domain` reaches us) when it is a safe https URL, else `serverHost`; the port follows
 * `data.service`. `data.url` itself is never opened: it carries the session in its query string, which
 * would leave it in history and logs. Its `app` parameter becomes an extra form field.
 */
export function whmLoginRequest(data: unknown, serverHost: string): LoginRequest {
  return buildLogin(data, serverHost, undefined);
}

/** With `apiPort`, an API reached through a proxy subdomain opens the service on its own subdomain. */
function buildLogin(data: unknown, serverHost: string, apiPort: number | undefined): LoginRequest {
  const parsed = v.safeParse(whmUserSessionSchema, data);
  if (!parsed.success) throw invalidLogin('error_login_whm_shape');
  const { cp_security_token: rawToken, service, session, url } = parsed.output;
  const link = readSessionUrl(url);
  const proxy = apiPort === undefined ? undefined : serviceEndpoint(serverHost, apiPort, service);
  const request =
    proxy && isProxied(proxy)
      ? loginRequest(proxy.host, proxy.port, securityToken(rawToken), session)
      : loginRequest(link.host ?? serverHost, SERVICE_PORT[service], securityToken(rawToken), session);
  if (link.app !== undefined) {
    if (!APP_NAME.test(link.app)) throw invalidLogin('error_login_app');
    request.fields = { app: link.app };
  }
  return request;
}

function securityToken(token: string): string {
  return BARE_TOKEN.test(token) ? `/${token}` : token;
}

/** The parts of `data.url` we trust: its host (https and a valid name only) and its `app` parameter. */
function readSessionUrl(text: string): { host?: string; app?: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {};
  }
  const result: { host?: string; app?: string } = {};
  // The host as written, not as parsed: the parser turns `0x7f000001` into `127.0.0.1`.
  const written = /^https:\/\/(?:[^/?#@]*@)?(\[[^\]]*\]|[^/?#:@[\]]*)(?:[/?#:]|$)/i
    .exec(text)?.[1]
    ?.toLowerCase();
  if (url.protocol === 'https:' && written === url.hostname && isValidHost(written)) result.host = written;
  const app = url.searchParams.get('app');
  if (app) result.app = app;
  return result;
}

export interface UserSessionParams {
  /** A cPanel or WHM user name, or a mailbox address (Webmail). */
  user: string;
  service: WhmService;
  /** A cPanel or WHM application to land in, e.g. `Email_Accounts`. */
  app?: string;
  locale?: string;
  /** The host name the server should put into its `url`; the server's hostname when absent. */
  preferredDomain?: string;
}

/** WHM create_user_session: a one-time sign-in to cPanel, WHM or Webmail for a user this token may manage. */
export async function createUserSession(
  credentials: Credentials,
  params: UserSessionParams,
  options: TransportOptions = {},
): Promise<LoginRequest> {
  if (!Object.hasOwn(SERVICE_PORT, params.service)) {
    throw new LauncherError('bad_input', msg('error_service_invalid'));
  }
  const app = params.app || undefined;
  if (app !== undefined && !APP_NAME.test(app)) {
    throw new LauncherError('bad_input', msg('error_app_invalid', app));
  }
  const preferredDomain = params.preferredDomain?.toLowerCase() || undefined;
  if (preferredDomain !== undefined && !isValidHost(preferredDomain)) {
    throw new LauncherError('bad_input', msg('error_preferred_domain_invalid'));
  }
  const data = await callWhm(
    credentials,
    'create_user_session',
    {
      user: userParam(params.user),
      service: params.service,
      app,
      locale: localeParam(params.locale),
      preferred_domain: preferredDomain,
    },
    options,
  );
  const request = buildLogin(data, credentials.host, credentials.port);
  // A session for another service than asked would sign the user in somewhere they did not choose.
  if ((data as { service?: unknown }).service !== params.service) {
    throw invalidLogin('error_login_service');
  }
  return request;
}

function userParam(user: string): string {
  const text = typeof user === 'string' ? user.trim() : '';
  if (USER_NAME.test(text)) return text;
  if (text.includes('@')) {
    const { login, domain } = parseAddress(text);
    return `${login}@${domain}`;
  }
  throw new LauncherError('bad_input', msg('error_user_invalid', text));
}
