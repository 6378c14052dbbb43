// /cpsessN/login (session string -> cookie + 302) and the landing pages behind that cookie.
import type { ServerResponse } from 'node:http';
import { cpanelAppAt, whmAppAt } from './apps';
import type { EmulatorContext } from './context';
import { redirect, sendHtml, sendText } from './http';
import { HTTP_TEXT } from './messages';
import { cpanelPage, type LoginMsgCode, loginFailurePage, loginPage, webmailPage, whmPage } from './pages';
import { isRoundcubePath, serveRoundcube } from './roundcube';
import type { RedeemFailure } from './sessions';
import type { IssuedSession, Service } from './types';

/**
 * Where a fresh login lands. `goto_uri` (below the security token) wins when it is a plain path; a stock
 * server writes cPanel's without a leading slash (`frontend/jupiter/…`, Cpanel/Themes.pm), WHM's with one.
 * The session's `app` plays no part: only the goto_uri of WHM's data.url carries it (Whostmgr/API/1/Session.pm).
 */
export function landingPath(issued: IssuedSession, gotoUri: string | null): string {
  const path = gotoUri && !gotoUri.startsWith('/') ? `/${gotoUri}` : gotoUri;
  if (path && /^\/(?!\/)[^\\]*$/.test(path) && !path.includes('..')) return `${issued.token}${path}`;
  switch (issued.service) {
    case 'webmaild':
      return `${issued.token}/webmail/jupiter/index.html`;
    case 'cpaneld':
      return `${issued.token}/frontend/jupiter/index.html`;
    case 'whostmgrd':
      return `${issued.token}/`;
  }
}

/** POST (form body) or GET (`?session=`, the WHM url form) of /cpsessN/login or /login/. */
export function handleLogin(
  ctx: EmulatorContext,
  service: Service,
  pathToken: string | null,
  params: URLSearchParams,
  res: ServerResponse,
): void {
  const session = params.get('session');
  const result = session
    ? ctx.sessions.redeem(session, service, pathToken, (issued) => mayLogIn(ctx, issued))
    : null;
  if (!result?.ok) {
    sendHtml(res, 401, loginFailurePage(service, msgCode(result?.reason)));
    return;
  }
  const { cookie, issued } = result;
  redirect(res, landingPath(issued, params.get('goto_uri')), {
    // Exactly cPanel's attributes: no SameSite, so the cookie follows the cross-site POST from the extension.
    'Set-Cookie': `${cookie.cookieName}=${cookie.id}; HttpOnly; path=/; secure`,
  });
}

/**
 * A mailbox whose login is suspended gets a session from plain create_webmail_session_for_mail_user
 * (Cpanel/API/Session.pm checks suspension only in the _check_password variant), but cpsrvd refuses its
 * login. What cpsrvd shows then is not in the tree: "The login is invalid." is a guess.
 */
function mayLogIn(ctx: EmulatorContext, issued: IssuedSession): boolean {
  if (issued.service !== 'webmaild' || !issued.user.includes('@')) return true;
  return ctx.directory.findMailbox(issued.user)?.mailbox.suspendedLogin !== true;
}

/**
 * The login page's msg_code (Cpanel/Template/Unauthenticated.pm): an expired session string shows
 * `expired_session`; a used or unknown one `invalid_session` (which of the two cpsrvd picks for a used one is
 * a guess); anything else the plain "The login is invalid.".
 */
function msgCode(reason: RedeemFailure | undefined): LoginMsgCode {
  if (reason === 'expired') return 'expired_session';
  if (reason === 'used' || reason === 'unknown') return 'invalid_session';
  return 'invalid_login';
}

/** GET /cpsessN/… on a service port: the page for a signed-in browser, else the login page. */
export function handleLanding(
  ctx: EmulatorContext,
  service: Service,
  token: string,
  rest: string,
  cookies: Map<string, string>,
  res: ServerResponse,
  query: URLSearchParams = new URLSearchParams(),
): void {
  const browser = ctx.sessions.browserSession(cookies, service, token);
  if (!browser) {
    sendHtml(res, 200, loginPage(service));
    return;
  }
  if (service === 'webmaild' && isRoundcubePath(rest)) {
    serveRoundcube(res, token, query, browser.user);
    return;
  }
  const html = landingHtml(service, rest, browser.user, browser.locale);
  if (html === null) sendText(res, 404, HTTP_TEXT.notFound);
  else sendHtml(res, 200, html);
}

function landingHtml(service: Service, rest: string, user: string, locale: string | null): string | null {
  switch (service) {
    case 'webmaild':
      if (['/', '/webmail/jupiter/', '/webmail/jupiter/index.html'].includes(rest))
        return webmailPage(user, locale);
      return null;
    case 'cpaneld': {
      if (['/', '/frontend/jupiter/', '/frontend/jupiter/index.html'].includes(rest))
        return cpanelPage(user, null);
      const app = cpanelAppAt(rest);
      return app ? cpanelPage(user, app) : null;
    }
    case 'whostmgrd': {
      if (rest === '/') return whmPage(user, null);
      const app = whmAppAt(rest);
      return app ? whmPage(user, app) : null;
    }
  }
}
