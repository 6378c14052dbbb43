// The HTML the emulator serves: login page, login failure, and the landing pages after a login. They look
// enough like the product (header bar, user, inbox or tools) that screenshots read as the real thing; the
// data-testid elements are what tests read.
import { HTTP_TEXT } from './messages';
import type { Service } from './types';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Inline on purpose: these are server pages, one request each, nothing else to fetch.
const STYLE = `<style>
:root { --webmail: #1d6fa5; --cpanel: #ff6c2c; --whm: #2a3f54; --ink: #1f2933; --muted: #6b7785; --line: #e3e8ee; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f4f6f9; }
.bar { display: flex; align-items: center; gap: 16px; height: 52px; padding: 0 20px; color: #fff; background: var(--accent); }
.brand { font-size: 19px; font-weight: 700; letter-spacing: .2px; }
.who { margin-left: auto; display: flex; gap: 6px; align-items: baseline; opacity: .95; }
.who > div { display: inline; font-weight: 600; }
.logout { padding: 4px 10px; border: 1px solid rgba(255,255,255,.5); border-radius: 4px; font-size: 13px; }
.layout { display: flex; min-height: calc(100vh - 52px); }
.side { width: 200px; padding: 16px 0; background: #fff; border-right: 1px solid var(--line); }
.side a { display: flex; justify-content: space-between; padding: 8px 20px; color: var(--ink); text-decoration: none; }
.side a.on { background: #eaf2f8; font-weight: 600; border-left: 3px solid var(--accent); padding-left: 17px; }
.count { color: var(--muted); font-weight: 400; }
.content { flex: 1; padding: 20px 24px; }
h1 { margin: 0 0 4px; font-size: 22px; font-weight: 600; }
.sub { margin: 0 0 16px; color: var(--muted); }
.mail { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid var(--line); }
.mail td { padding: 10px 12px; border-bottom: 1px solid var(--line); white-space: nowrap; }
.mail tr.unread td { font-weight: 600; }
.mail td.subject { width: 100%; white-space: normal; }
.mail td.date { color: var(--muted); text-align: right; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 12px; }
.tile { padding: 14px; background: #fff; border: 1px solid var(--line); border-radius: 6px; }
.tile b { display: block; color: var(--accent); }
.tile span { color: var(--muted); font-size: 12px; }
.panel { padding: 24px; background: #fff; border: 1px solid var(--line); border-radius: 6px; color: var(--muted); }
.meta { margin-top: 18px; color: var(--muted); font-size: 12px; display: flex; gap: 6px; }
.login { max-width: 340px; margin: 12vh auto; padding: 28px; background: #fff; border: 1px solid var(--line); border-radius: 8px; }
.login h1 { text-align: center; margin-bottom: 18px; color: var(--accent); }
.login label { display: block; margin-bottom: 12px; color: var(--muted); }
.login input { display: block; width: 100%; margin-top: 4px; padding: 8px; border: 1px solid var(--line); border-radius: 4px; font: inherit; }
.login button { width: 100%; padding: 9px; border: 0; border-radius: 4px; color: #fff; background: var(--accent); font: inherit; font-weight: 600; }
.error-notice { margin-bottom: 14px; padding: 8px 10px; color: #8a1c1c; background: #fdecec; border-radius: 4px; }
</style>`;

const ACCENT: Readonly<Record<Service, string>> = {
  webmaild: 'var(--webmail)',
  cpaneld: 'var(--cpanel)',
  whostmgrd: 'var(--whm)',
};

function page(title: string, service: Service, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
${STYLE}
</head>
<body style="--accent: ${ACCENT[service]}">
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

function loginHeading(service: Service): string {
  return `<h1>${service === 'webmaild' ? 'Webmail' : service === 'whostmgrd' ? 'WHM' : 'cPanel'}</h1>`;
}

/** What a browser gets from cPanel without credentials (200, where an API client expected JSON). */
export function loginPage(service: Service): string {
  return page(
    loginTitle(service),
    service,
    `<main class="login" data-testid="login-page">
${loginHeading(service)}
${loginForm()}
</main>`,
  );
}

/** The login page's notices (Cpanel/Template/Unauthenticated.pm `_get_locale_string_for_msg_code`). */
export type LoginMsgCode = 'invalid_login' | 'expired_session' | 'invalid_session';
const LOGIN_NOTICE: Readonly<Record<LoginMsgCode, string>> = {
  invalid_login: HTTP_TEXT.loginInvalid,
  expired_session: HTTP_TEXT.expiredSession,
  invalid_session: HTTP_TEXT.invalidSession,
};

/**
 * Served with 401 when a session string is unknown, used, expired, or meant for another port/token. The
 * marker comment and the notice's id follow base/unprotected/cpanel/templates/login.tmpl.
 */
export function loginFailurePage(service: Service, msgCode: LoginMsgCode = 'invalid_login'): string {
  return page(
    loginTitle(service),
    service,
    `<!-- Do not remove msg_code as it is needed for automated testing - msg_code:[${msgCode}]  -->
<main class="login" data-testid="login-page">
${loginHeading(service)}
<div id="login-status" class="error-notice" role="alert" data-testid="login-failure" data-msg-code="${msgCode}"><div id="login-status-message">${escapeHtml(LOGIN_NOTICE[msgCode])}</div></div>
${loginForm()}
</main>`,
  );
}

/**
 * What cpsrvd serves instead of any page or API answer while the server's license is invalid: the
 * template base/unprotected/lisc/licenseerror_cpanel.tmpl (texts verbatim; `[% error %]` and the status
 * code come from cpsrvd, which is not in the tree: a guess).
 */
export function licenseErrorPage(): string {
  return `<!DOCTYPE html>
<html>
    <head>
    <meta http-equiv="Content-type" content="text/html; charset=utf-8">
    <meta http-equiv="Cache-control" content="no-cache">
    <title>${escapeHtml(HTTP_TEXT.licenseTitle)}</title>
    <link rel="stylesheet" href="/unprotected/lisc/error.css" type="text/css" media="screen,projection" title="Main Style" />
    </head>
    <body>
        <div class="container">
            <section class="response-info">
                <span class="status-reason">${escapeHtml(HTTP_TEXT.licenseError)}</span>
            </section>
            <section class="reason-text">
                ${escapeHtml(HTTP_TEXT.licenseReason)}
            </section>
        </div>
        <section class="additional-info">
            <div class="container">
                <div class="additional-info-items">
                    <ul>
                        <li>
                            <img src="/img-sys/server_misconfigured.png" class="info-image" />
                            <div class="info-message">${escapeHtml(HTTP_TEXT.licenseContact)}</div>
                        </li>
                    </ul>
                </div>
            </div>
        </section>
    </body>
</html>
`;
}

/** The header bar every signed-in page shares: product name, who is signed in, a log-out button. */
function bar(brand: string, user: string): string {
  return `<header class="bar">
<span class="brand">${escapeHtml(brand)}</span>
<div class="who">Signed in as <div data-testid="signed-in-user">${escapeHtml(user)}</div></div>
<span class="logout">Log out</span>
</header>`;
}

export function landing(title: string, service: Service, brand: string, user: string, body: string): string {
  return page(
    title,
    service,
    `<main data-testid="landing" data-service="${escapeHtml(service)}">
${bar(brand, user)}
${body}
</main>`,
  );
}

const INBOX: ReadonlyArray<{ from: string; subject: string; date: string; unread?: boolean }> = [
  { from: 'Billing', subject: 'Your invoice for this month is ready', date: '09:41', unread: true },
  { from: 'Alex Morgan', subject: 'Re: Launch checklist', date: '08:15', unread: true },
  { from: 'cPanel on server', subject: 'Disk usage warning: 80% of quota', date: 'Yesterday' },
  { from: 'Sam Lee', subject: 'Photos from the offsite', date: 'Mon' },
  { from: 'Newsletter', subject: 'Five tips for a faster website', date: 'Sun' },
];

function mailbox(user: string, extra: string): string {
  const rows = INBOX.map(
    (mail) =>
      `<tr${mail.unread ? ' class="unread"' : ''}><td>${escapeHtml(mail.from)}</td><td class="subject">${escapeHtml(mail.subject)}</td><td class="date">${escapeHtml(mail.date)}</td></tr>`,
  ).join('\n');
  return `<div class="layout">
<nav class="side">
<a class="on" href="#inbox">Inbox <span class="count">2</span></a>
<a href="#sent">Sent</a>
<a href="#drafts">Drafts</a>
<a href="#spam">Spam</a>
<a href="#trash">Trash</a>
</nav>
<section class="content">
<h1>Inbox</h1>
<p class="sub">${escapeHtml(user)}</p>
<table class="mail">
${rows}
</table>${extra}
</section>
</div>`;
}

export function webmailPage(user: string, locale: string | null): string {
  return landing(
    `Webmail - ${user}`,
    'webmaild',
    'Webmail',
    user,
    mailbox(
      user,
      `\n<div class="meta">Language: <div data-testid="session-locale">${escapeHtml(locale ?? '')}</div></div>`,
    ),
  );
}

export function roundcubePage(user: string): string {
  return landing(
    `Roundcube Webmail - ${user}`,
    'webmaild',
    'Roundcube Webmail',
    user,
    mailbox(user, '\n<div class="meta">Client: <div data-testid="webmail-client">roundcube</div></div>'),
  );
}

const CPANEL_TOOLS: ReadonlyArray<[string, string]> = [
  ['Email Accounts', 'Create and manage mailboxes'],
  ['Forwarders', 'Send a copy of mail elsewhere'],
  ['Autoresponders', 'Reply while you are away'],
  ['Spam Filters', 'Keep junk out of the inbox'],
  ['File Manager', 'Browse the site’s files'],
  ['Domains', 'Addon, sub and parked domains'],
  ['MySQL Databases', 'Databases and users'],
  ['Backup', 'Download or restore backups'],
];

function tiles(tools: ReadonlyArray<[string, string]>): string {
  const items = tools.map(
    ([name, text]) => `<div class="tile"><b>${escapeHtml(name)}</b><span>${escapeHtml(text)}</span></div>`,
  );
  return `<div class="tiles">\n${items.join('\n')}\n</div>`;
}

export function cpanelPage(user: string, app: string | null): string {
  const shown = app ?? 'Home';
  const heading = shown.replace(/_/g, ' ');
  const sub = app === null ? `Tools for the account ${user}` : `Home › ${heading}`;
  const body =
    app === null
      ? tiles(CPANEL_TOOLS)
      : `<div class="panel">The emulator opened ${escapeHtml(heading)} directly, as cPanel does for this app.</div>`;
  return landing(
    `cPanel - ${shown}`,
    'cpaneld',
    'cPanel',
    user,
    `<section class="content">
<h1>${escapeHtml(heading)}</h1>
<p class="sub">${escapeHtml(sub)}</p>
${body}
<div class="meta">App: <div data-testid="cpanel-app">${escapeHtml(shown)}</div></div>
</section>`,
  );
}

const WHM_MENU = [
  'Server Configuration',
  'Account Information',
  'Account Functions',
  'Email',
  'DNS Functions',
  'Security Center',
];

export function whmPage(user: string, app: string | null = null): string {
  const heading = app === null ? 'Home' : app.replace(/_/g, ' ');
  const menu = WHM_MENU.map((item, i) => `<a${i === 0 ? ' class="on"' : ''} href="#">${item}</a>`).join('\n');
  return landing(
    'WHM',
    'whostmgrd',
    'WHM',
    user,
    `<div class="layout">
<nav class="side">
${menu}
</nav>
<section class="content">
<h1>${escapeHtml(heading)}</h1>
<p class="sub">WebHost Manager</p>
<div class="meta">App: <div data-testid="whm-app">${escapeHtml(app ?? 'Home')}</div></div>
${tiles([
  ['List Accounts', '3 accounts'],
  ['Create a New Account', 'A cPanel account'],
  ['Manage Account Suspension', '1 suspended'],
  ['Service Status', 'All services up'],
])}
</section>
</div>`,
  );
}
