import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HTTP_TEXT, type RunningEmulator, startEmulator } from '../../emulator/index';
import { call, cookieOf, DEMO_AUTH, postLogin, uapi, whm } from './helpers';

let clock = 1_700_000_000_000;
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ address: '127.0.0.205', now: () => clock });
});
afterAll(() => emu.close());
beforeEach(() => {
  clock += 3_600_000;
});

async function webmailSession(login = 'info'): Promise<{ token: string; session: string }> {
  const result = await uapi(emu, 'Session/create_webmail_session_for_mail_user', {
    domain: 'example.com',
    login,
  });
  return result.data;
}

async function userSession(
  params: Record<string, string>,
): Promise<{ token: string; session: string; url: string }> {
  const { data } = await whm(emu, 'create_user_session', params);
  return { token: data.cp_security_token, session: data.session, url: data.url };
}

// The login page's notices by msg_code (Cpanel/Template/Unauthenticated.pm) and its marker comment
// (base/unprotected/cpanel/templates/login.tmpl).
const NOTICES = {
  invalid_login: HTTP_TEXT.loginInvalid,
  expired_session: 'Your session has expired. Please log in again.',
  invalid_session: 'Your session cookie is invalid. Please log in again.',
} as const;

function expectLoginFailure(
  reply: { status: number; headers: Record<string, unknown>; body: string },
  title: string,
  msgCode: keyof typeof NOTICES = 'invalid_login',
): void {
  expect(reply.status).toBe(401);
  expect(String(reply.headers['content-type'])).toMatch(/^text\/html/);
  expect(reply.body).toContain(`<title>${title}</title>`);
  expect(reply.body).toContain('data-testid="login-failure"');
  expect(reply.body).toContain(`msg_code:[${msgCode}]`);
  expect(reply.body).toContain(NOTICES[msgCode]);
  expect(reply.headers['set-cookie']).toBeUndefined();
}

describe('Webmail login (2096)', () => {
  it('redirects to Webmail with a webmailsession cookie, and the landing page shows the mailbox', async () => {
    const { token, session } = await webmailSession();
    const reply = await postLogin(emu, 2096, token, session);
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe(`${token}/webmail/jupiter/index.html`);
    const setCookie = reply.headers['set-cookie'] ?? [];
    expect(setCookie).toHaveLength(1);
    expect(setCookie[0]).toMatch(/^webmailsession=[A-Za-z0-9]+; HttpOnly; path=\/; secure$/);
    expect(setCookie[0]).not.toMatch(/samesite/i);

    const page = await call(emu, 2096, String(reply.headers.location), {
      headers: { Cookie: cookieOf(reply) },
    });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Webmail - info@example.com</title>');
    expect(page.body).toContain('<div data-testid="signed-in-user">info@example.com</div>');
    expect(emu.sessions.get(session)?.used).toBe(true);
  });

  it('accepts /login/ with a trailing slash', async () => {
    const { token, session } = await webmailSession();
    const reply = await call(emu, 2096, `${token}/login/`, {
      method: 'POST',
      body: `session=${encodeURIComponent(session)}`,
    });
    expect(reply.status).toBe(302);
  });

  it('lands the cPanel user of for_self in its own Webmail', async () => {
    const { data } = await uapi(emu, 'Session/create_webmail_session_for_self');
    const reply = await postLogin(emu, 2096, data.token, data.session);
    const page = await call(emu, 2096, String(reply.headers.location), {
      headers: { Cookie: cookieOf(reply) },
    });
    expect(page.body).toContain('<div data-testid="signed-in-user">demo</div>');
  });

  it('honours goto_uri (Roundcube)', async () => {
    const { token, session } = await webmailSession();
    const reply = await postLogin(emu, 2096, token, session, { goto_uri: '/3rdparty/roundcube/index.php' });
    expect(reply.headers.location).toBe(`${token}/3rdparty/roundcube/index.php`);
    const page = await call(emu, 2096, String(reply.headers.location), {
      headers: { Cookie: cookieOf(reply) },
    });
    expect(page.body).toContain('data-testid="webmail-client">roundcube');
  });

  it('ignores a goto_uri that leaves the server', async () => {
    const { token, session } = await webmailSession();
    const reply = await postLogin(emu, 2096, token, session, { goto_uri: '//evil.test/' });
    expect(reply.headers.location).toBe(`${token}/webmail/jupiter/index.html`);
  });

  it('is single use: the second POST of the same session fails', async () => {
    const { token, session } = await webmailSession();
    expect((await postLogin(emu, 2096, token, session)).status).toBe(302);
    expectLoginFailure(await postLogin(emu, 2096, token, session), 'Webmail Login', 'invalid_session');
  });

  it('expires an unused session after 300 s of the injected clock', async () => {
    const fresh = await webmailSession();
    clock += 300_000;
    expect((await postLogin(emu, 2096, fresh.token, fresh.session)).status).toBe(302);
    const stale = await webmailSession();
    clock += 300_001;
    expectLoginFailure(
      await postLogin(emu, 2096, stale.token, stale.session),
      'Webmail Login',
      'expired_session',
    );
  });

  it('expireAllSessions() expires every issued, unused session (and leaves used ones alone)', async () => {
    const used = await webmailSession();
    const used302 = await postLogin(emu, 2096, used.token, used.session);
    const pending = await webmailSession();
    emu.expireAllSessions();
    expect(emu.sessions.get(pending.session)?.expired).toBe(true);
    expect(emu.sessions.get(used.session)?.expired).toBe(false);
    expectLoginFailure(
      await postLogin(emu, 2096, pending.token, pending.session),
      'Webmail Login',
      'expired_session',
    );
    // The browser session made before is still alive.
    const page = await call(emu, 2096, String(used302.headers.location), {
      headers: { Cookie: cookieOf(used302) },
    });
    expect(page.status).toBe(200);
    expect(page.body).toContain('signed-in-user');
  });

  it('rejects a session posted under another security token, without burning it', async () => {
    const a = await webmailSession();
    const b = await webmailSession();
    expectLoginFailure(await postLogin(emu, 2096, b.token, a.session), 'Webmail Login');
    expect((await postLogin(emu, 2096, a.token, a.session)).status).toBe(302);
  });

  it('rejects a Webmail session on the cPanel or WHM port', async () => {
    const { token, session } = await webmailSession();
    expectLoginFailure(await postLogin(emu, 2083, token, session), 'cPanel Login');
    expectLoginFailure(await postLogin(emu, 2087, token, session), 'cPanel Login');
    expect((await postLogin(emu, 2096, token, session)).status).toBe(302);
  });

  it('rejects unknown and empty sessions', async () => {
    expectLoginFailure(
      await postLogin(emu, 2096, '/cpsess1234567890', 'demo:AAAAAAAAAAAAAAAA:X,00'),
      'Webmail Login',
      'invalid_session',
    );
    expectLoginFailure(
      await call(emu, 2096, '/cpsess1234567890/login', { method: 'POST', body: '' }),
      'Webmail Login',
    );
  });

  it('accepts the WHM url form (GET /cpsessN/login/?session=…), and records it', async () => {
    const { url, session } = await userSession({ user: 'sales@example.com', service: 'webmaild' });
    const path = new URL(url).pathname + new URL(url).search;
    const reply = await call(emu, 2096, path);
    expect(reply.status).toBe(302);
    expect(emu.requests.some((r) => r.port === 2096 && r.method === 'GET' && r.path === path)).toBe(true);
    expect(emu.requests.some((r) => r.path.includes(encodeURIComponent(session).slice(0, 20)))).toBe(true);
  });

  it('answers a bare /login/ (no /cpsessN) with the 401 login page, and leaves the session unused', async () => {
    const { token, session } = await webmailSession();
    for (const path of ['/login/', '/login']) {
      const reply = await call(emu, 2096, path, {
        method: 'POST',
        body: new URLSearchParams({ session }).toString(),
      });
      expect(reply.status).toBe(401);
      expect(reply.body).toContain('<title>Webmail Login</title>');
      expect(reply.headers['set-cookie']).toBeUndefined();
    }
    expect((await call(emu, 2096, '/login/')).status).toBe(401);
    expect((await postLogin(emu, 2096, token, session)).status).toBe(302);
  });

  it('gives a suspended mailbox its session, then refuses its login (cpsrvd checks, the API does not)', async () => {
    const { token, session } = await webmailSession('frozen');
    expect(token).toMatch(/^\/cpsess\d{10}$/);
    expectLoginFailure(await postLogin(emu, 2096, token, session), 'Webmail Login', 'invalid_login');
    // The refusal used it up, as any login attempt that reached the user check.
    expectLoginFailure(await postLogin(emu, 2096, token, session), 'Webmail Login', 'invalid_session');
  });
});

describe('landing pages', () => {
  it('show the login page without the cookie, or with a cookie for another token', async () => {
    const { token, session } = await webmailSession();
    const reply = await postLogin(emu, 2096, token, session);
    const noCookie = await call(emu, 2096, `${token}/webmail/jupiter/index.html`);
    expect(noCookie.status).toBe(200);
    expect(noCookie.body).toContain('<title>Webmail Login</title>');
    expect(noCookie.body).not.toContain('signed-in-user');
    const otherToken = await call(emu, 2096, '/cpsess1111111111/webmail/jupiter/index.html', {
      headers: { Cookie: cookieOf(reply) },
    });
    expect(otherToken.body).not.toContain('signed-in-user');
  });

  it('end a browser session after 15 minutes of inactivity', async () => {
    const { token, session } = await webmailSession();
    const reply = await postLogin(emu, 2096, token, session);
    const get = () =>
      call(emu, 2096, `${token}/webmail/jupiter/index.html`, { headers: { Cookie: cookieOf(reply) } });
    clock += 899_000;
    expect((await get()).body).toContain('signed-in-user');
    clock += 899_000; // activity above reset the idle timer
    expect((await get()).body).toContain('signed-in-user');
    clock += 900_001;
    expect((await get()).body).not.toContain('signed-in-user');
  });

  it('answer 404 for unknown pages inside a session', async () => {
    const { token, session } = await webmailSession();
    const reply = await postLogin(emu, 2096, token, session);
    expect(
      (await call(emu, 2096, `${token}/nope.html`, { headers: { Cookie: cookieOf(reply) } })).status,
    ).toBe(404);
  });
});

describe('cPanel login (2083)', () => {
  it('lands on cPanel Home with a cpsession cookie', async () => {
    const { token, session } = await userSession({ user: 'demo', service: 'cpaneld' });
    const reply = await postLogin(emu, 2083, token, session);
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe(`${token}/frontend/jupiter/index.html`);
    expect(reply.headers['set-cookie']?.[0]).toMatch(/^cpsession=[A-Za-z0-9]+; HttpOnly; path=\/; secure$/);
    const page = await call(emu, 2083, String(reply.headers.location), {
      headers: { Cookie: cookieOf(reply) },
    });
    expect(page.body).toContain('<div data-testid="signed-in-user">demo</div>');
    expect(page.body).toContain('<div data-testid="cpanel-app">Home</div>');
  });

  it('lands on the requested app through the goto_uri of data.url, never through the session alone', async () => {
    const { token, session, url } = await userSession({
      user: 'demo',
      service: 'cpaneld',
      app: 'Email_Accounts',
    });
    const gotoUri = new URL(url).searchParams.get('goto_uri');
    // Cpanel/Themes.pm get_users_links: theme path + the dynamicui url, no leading slash.
    expect(gotoUri).toBe('frontend/jupiter/email_accounts/index.html');
    const home = await userSession({ user: 'demo', service: 'cpaneld', app: 'Email_Accounts' });
    expect((await postLogin(emu, 2083, home.token, home.session)).headers.location).toBe(
      `${home.token}/frontend/jupiter/index.html`,
    );
    const reply = await postLogin(emu, 2083, token, session, { goto_uri: gotoUri ?? '' });
    expect(reply.headers.location).toBe(`${token}/frontend/jupiter/email_accounts/index.html`);
    const page = await call(emu, 2083, String(reply.headers.location), {
      headers: { Cookie: cookieOf(reply) },
    });
    expect(page.body).toContain('<div data-testid="cpanel-app">Email_Accounts</div>');
  });

  it('lands on Home for an unknown app (data.url has no goto_uri then)', async () => {
    const { token, session, url } = await userSession({
      user: 'demo',
      service: 'cpaneld',
      app: 'No_Such_App',
    });
    expect(new URL(url).searchParams.has('goto_uri')).toBe(false);
    expect(url).not.toContain('app=');
    const reply = await postLogin(emu, 2083, token, session);
    expect(reply.headers.location).toBe(`${token}/frontend/jupiter/index.html`);
  });

  it('lands WHM on the app its dynamicui.conf names (goto_uri with a leading slash)', async () => {
    const { token, session, url } = await userSession({
      user: 'root',
      service: 'whostmgrd',
      app: 'list_accounts',
    });
    const gotoUri = new URL(url).searchParams.get('goto_uri') ?? '';
    expect(gotoUri).toBe('/scripts4/listaccts');
    const reply = await postLogin(emu, 2087, token, session, { goto_uri: gotoUri });
    expect(reply.headers.location).toBe(`${token}/scripts4/listaccts`);
    const page = await call(emu, 2087, String(reply.headers.location), {
      headers: { Cookie: cookieOf(reply) },
    });
    expect(page.body).toContain('<div data-testid="whm-app">list_accounts</div>');
  });

  it('rejects a cPanel session on the Webmail port', async () => {
    const { token, session } = await userSession({ user: 'demo', service: 'cpaneld' });
    expectLoginFailure(await postLogin(emu, 2096, token, session), 'Webmail Login');
  });

  it('Session::create_temp_user creates a temporary user inside the session only', async () => {
    const { token, session } = await userSession({ user: 'demo', service: 'cpaneld' });
    const cookie = cookieOf(await postLogin(emu, 2083, token, session));
    const inside = await call(emu, 2083, `${token}/execute/Session/create_temp_user`, {
      headers: { Cookie: cookie },
    });
    const result = JSON.parse(inside.body);
    expect(result).toMatchObject({ errors: null, messages: null, metadata: {}, status: 1, warnings: null });
    expect(Object.keys(result.data)).toEqual(['created', 'session_temp_user']);
    expect(result.data.created).toBe(1);
    expect(result.data.session_temp_user).toMatch(/^cpses_[A-Za-z0-9]{10}$/);

    // The cookie only counts under its own token; a token header outside the session creates nothing.
    const wrongToken = await call(emu, 2083, '/cpsess1111111111/execute/Session/create_temp_user', {
      headers: { Cookie: cookie, Authorization: DEMO_AUTH },
    });
    expect(JSON.parse(wrongToken.body).data).toEqual({ created: 0 });
    const noAuth = await call(emu, 2083, '/cpsess1111111111/execute/Session/create_temp_user', {
      headers: { Cookie: cookie },
    });
    expect(noAuth.body).toContain('<title>cPanel Login</title>');
  });
});

describe('WHM login (2087)', () => {
  it('lands on /cpsessN/ with a whostmgrsession cookie', async () => {
    const { token, session } = await userSession({ user: 'root', service: 'whostmgrd' });
    const reply = await postLogin(emu, 2087, token, session);
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe(`${token}/`);
    expect(reply.headers['set-cookie']?.[0]).toMatch(
      /^whostmgrsession=[A-Za-z0-9]+; HttpOnly; path=\/; secure$/,
    );
    const page = await call(emu, 2087, `${token}/`, { headers: { Cookie: cookieOf(reply) } });
    expect(page.body).toContain('<div data-testid="signed-in-user">root</div>');
    // The WHM browser session can call the API without a token.
    const api = await call(emu, 2087, `${token}/json-api/version?api.version=1`, {
      headers: { Cookie: cookieOf(reply) },
    });
    expect(JSON.parse(api.body).data.version).toBe('11.136.0.4');
  });

  it('rejects a WHM session on the cPanel port', async () => {
    const { token, session } = await userSession({ user: 'root', service: 'whostmgrd' });
    expectLoginFailure(await postLogin(emu, 2083, token, session), 'cPanel Login');
  });
});
