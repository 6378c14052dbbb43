// /cpsessN/login (session string -> cookie + 302) and the landing pages behind that cookie.
import type { ServerResponse } from 'node:http';
import { cpanelAppAt, cpanelAppPath } from './apps';
import type { EmulatorContext } from './context';
import { redirect, sendHtml, sendText } from './http';
import { HTTP_TEXT } from './messages';
import { cpanelPage, loginFailurePage, loginPage, webmailPage, whmPage } from './pages';
import { isRoundcubePath, serveRoundcube } from './roundcube';
import type { IssuedSession, Service } from './types';

/** Where a fresh login lands. `goto_uri` (below the security token) wins when it is a plain path. */
export function landingPath(issued: IssuedSession, gotoUri: string | null): string {
  if (gotoUri && /^\/(?!\/)[^\\]*$/.test(gotoUri) && !gotoUri.includes('..'))
    return `${issued.token}${gotoUri}`;
  switch (issued.service) {
    case 'webmaild':
      return `${issued.token}/webmail/jupiter/index.html`;
    case 'cpaneld': {
      const appPath = cpanelAppPath(issued.app);
      return `${issued.token}/frontend/jupiter/${appPath ? `${appPath}/` : ''}index.html`;
    }
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
  const result = session ? ctx.sessions.redeem(session, service, pathToken) : null;
  if (!result?.ok) {
    sendHtml(res, 401, loginFailurePage(service));
    return;
  }
  const { cookie, issued } = result;
  redirect(res, landingPath(issued, params.get('goto_uri')), {
    // Exactly cPanel's attributes: no SameSite, so the cookie follows the cross-site POST from the extension.
    'Set-Cookie': `${cookie.cookieName}=${cookie.id}; HttpOnly; path=/; secure`,
  });
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
      const appPath = /^\/frontend\/jupiter\/(.+?)\/(?:index\.html)?$/.exec(rest)?.[1];
      const app = appPath ? cpanelAppAt(appPath) : null;
      return app ? cpanelPage(user, app) : null;
    }
    case 'whostmgrd':
      return rest === '/' ? whmPage(user) : null;
  }
}
