import * as v from 'valibot';
import { parseAddress } from './address';
import type { Credentials } from './credentials';
import { isProxied, SERVICE_PORT, serviceEndpoint, type WhmService } from './endpoints';
import { LauncherError, msg } from './errors';
import { isValidHost } from './host';
import { checkServerChosenHost } from './internalHost';
import { localeParam, withLocaleFallback } from './locale';
import { invalidLogin, type LoginRequest, loginRequest } from './login';
import { whmUserSessionSchema } from './schemas';
import type { TransportOptions } from './transport';
import { callWhm } from './whm';

export { SERVICE_PORT, type WhmService } from './endpoints';

// WHM's `app` names (Email_Accounts, Site_Software_*, …): a plain token, never a path or a URL.
// The server itself takes only /^[0-9a-z-_]+$/i (Whostmgr/API/1/Session.pm).
const APP_NAME = /^[A-Za-z0-9_*-]{1,64}$/;
// cPanel and WHM user names; a mailbox is given as its address instead.
const USER_NAME = /^[a-z][a-z0-9_-]{0,31}$/i;
// The docs show the token both with and without its leading slash.
const BARE_TOKEN = /^cpsess\d+$/;

/**
 * Turns the `data` of WHM create_user_session into a login request. The host is the account's own
 * (`serverHost`), or `preferredDomain` when the call asked for one: a stock server puts its public IP into
 * `data.url` whenever its hostname does not resolve to it (Whostmgr/API/1/Session.pm, `_public_ip`), and a
 * browser does not trust a certificate for an IP. The port follows `data.service`. `data.url` itself is
 * never opened (it carries the session in its query string, which would leave it in history and logs); its
 * `goto_uri` (what the server looked up for `app`) becomes the one extra form field.
 */
export function whmLoginRequest(data: unknown, serverHost: string, preferredDomain?: string): LoginRequest {
  return buildLogin(data, serverHost, undefined, preferredDomain);
}

/** With `apiPort`, an API reached through a proxy subdomain opens the service on its own subdomain. */
function buildLogin(
  data: unknown,
  serverHost: string,
  apiPort: number | undefined,
  preferredDomain: string | undefined,
): LoginRequest {
  const parsed = v.safeParse(whmUserSessionSchema, data);
  if (!parsed.success) throw invalidLogin('error_login_whm_shape');
  const { cp_security_token: rawToken, service, session, url } = parsed.output;
  const link = readSessionUrl(url);
  if (link.host !== undefined) checkServerChosenHost(link.host, serverHost);
  const proxy = apiPort === undefined ? undefined : serviceEndpoint(serverHost, apiPort, service);
  const request =
    proxy && isProxied(proxy)
      ? loginRequest(proxy.host, proxy.port, securityToken(rawToken), session)
      : loginRequest(preferredDomain ?? serverHost, SERVICE_PORT[service], securityToken(rawToken), session);
  if (link.gotoUri !== undefined) {
    if (!isRelativeGotoUri(link.gotoUri)) throw invalidLogin('error_login_goto');
    request.fields = { goto_uri: link.gotoUri };
  }
  return request;
}

function securityToken(token: string): string {
  return BARE_TOKEN.test(token) ? `/${token}` : token;
}

// A path below the security token, as the stock server writes it: `frontend/jupiter/email_accounts/index.html`
// (cPanel, Cpanel/Themes.pm `get_users_links`) or `/scripts7/canary`, `/scripts/dialog?dialog=quotas` (WHM,
// whostmgr/docroot/themes/x/dynamicui.conf). No scheme, no host, no `..`, no fragment, nothing to decode.
const GOTO_URI = /^\/?[A-Za-z0-9_~.-]+(?:\/[A-Za-z0-9_~.-]*)*(?:\?[A-Za-z0-9_~.=&-]*)?$/;

export function isRelativeGotoUri(text: string): boolean {
  return text.length <= 512 && GOTO_URI.test(text) && !text.split(/[/?]/).some((part) => part === '..');
}

/** The parts of `data.url` we look at: its host (to refuse an internal one) and its `goto_uri` parameter. */
function readSessionUrl(text: string): { host?: string; gotoUri?: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {};
  }
  const result: { host?: string; gotoUri?: string } = {};
  // The host as written, not as parsed: the parser turns `0x7f000001` into `127.0.0.1`.
  const written = /^https:\/\/(?:[^/?#@]*@)?(\[[^\]]*\]|[^/?#:@[\]]*)(?:[/?#:]|$)/i
    .exec(text)?.[1]
    ?.toLowerCase();
  if (url.protocol === 'https:' && written === url.hostname && isValidHost(written)) result.host = written;
  const gotoUri = url.searchParams.get('goto_uri');
  if (gotoUri) result.gotoUri = gotoUri;
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
  const user = userParam(params.user);
  const data = await withLocaleFallback(localeParam(params.locale), (locale) =>
    callWhm(
      credentials,
      'create_user_session',
      { user, service: params.service, app, locale, preferred_domain: preferredDomain },
      options,
    ),
  );
  const request = buildLogin(data, credentials.host, credentials.port, preferredDomain);
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
