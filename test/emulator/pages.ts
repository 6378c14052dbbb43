// The HTML the emulator serves: login page, login failure, and the landing pages after a login.
import { HTTP_TEXT } from './messages';
import type { Service } from './types';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body>
${body}
</body>
</html>
`;
}

export function loginTitle(service: Service): string {
  return service === 'webmaild' ? 'Webmail Login' : 'cPanel Login';
}

function loginForm(): string {
  return `<form id="login_form" method="post" action="/login/">
  <label>Username <input id="user" name="user" type="text" autocomplete="username"></label>
  <label>Password <input id="pass" name="pass" type="password" autocomplete="current-password"></label>
  <button id="login_submit" type="submit">Log in</button>
</form>`;
}

/** What a browser gets from cPanel without credentials (200, where an API client expected JSON). */
export function loginPage(service: Service): string {
  return page(loginTitle(service), `<main data-testid="login-page">\n${loginForm()}\n</main>`);
}

/** Served with 401 when a session string is unknown, used, expired, or meant for another port/token. */
export function loginFailurePage(service: Service): string {
  return page(
    loginTitle(service),
    `<main data-testid="login-page">
<div id="login-status" class="error-notice" role="alert" data-testid="login-failure">${escapeHtml(HTTP_TEXT.loginInvalid)}</div>
${loginForm()}
</main>`,
  );
}

function landing(title: string, service: string, user: string, extra = ''): string {
  return page(
    title,
    `<main data-testid="landing" data-service="${escapeHtml(service)}">
<div data-testid="signed-in-user">${escapeHtml(user)}</div>${extra}
</main>`,
  );
}

export function webmailPage(user: string, locale: string | null): string {
  return landing(
    `Webmail - ${user}`,
    'webmaild',
    user,
    `\n<div data-testid="session-locale">${escapeHtml(locale ?? '')}</div>`,
  );
}

export function roundcubePage(user: string): string {
  return landing(
    `Roundcube Webmail - ${user}`,
    'webmaild',
    user,
    '\n<div data-testid="webmail-client">roundcube</div>',
  );
}

export function cpanelPage(user: string, app: string | null): string {
  const shown = app ?? 'Home';
  return landing(
    `cPanel - ${shown}`,
    'cpaneld',
    user,
    `\n<div data-testid="cpanel-app">${escapeHtml(shown)}</div>`,
  );
}

export function whmPage(user: string): string {
  return landing('WHM', 'whostmgrd', user);
}
