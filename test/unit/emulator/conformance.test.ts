// Every response in the vendor's examples.json, reproduced against the emulator in the matching situation.
// Volatile values (tokens, session strings, temp users) are checked against their formats, then replaced by
// placeholders; everything else — key sets and order, types, texts — must then be identical.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixture, type RunningEmulator, STOCK_LOCALES, startEmulator } from '../../emulator/index';
import { call, cookieOf, cpanelAuth, postLogin, query, SESSION_RE, TOKEN_RE, whmAuth } from './helpers';

interface Examples {
  uapi_flat: Record<string, unknown>;
  whm_api1: Record<string, unknown>;
}
const examples = JSON.parse(
  readFileSync(new URL('../../fixtures/cpanel-api/examples.json', import.meta.url), 'utf8'),
) as Examples;

const TOKENS = {
  username: 'USERNAMETOKEN0000000000000000001',
  nofeat: 'NOFEATTOKEN000000000000000000002',
  locked: 'LOCKEDTOKEN000000000000000000003',
  root: 'ROOTTOKEN00000000000000000000004',
  reseller: 'RESELLERTOKEN0000000000000000005',
};

// Names chosen to match the examples, so data can be compared exactly.
const fixture: Fixture = {
  accounts: [
    {
      user: 'username',
      password: 'pw',
      tokens: [TOKENS.username],
      mainDomain: 'example.com',
      addonDomains: ['addondomain.com'],
      subDomains: ['subdomain.example.com'],
      parkedDomains: ['parkeddomain.com'],
      mailboxes: [{ email: 'mail@example.com', password: 'mail-pw' }],
    },
    {
      user: 'someone',
      password: 'pw',
      tokens: [],
      mainDomain: 'someone.test',
      mailboxes: [],
      suspended: true,
    },
    {
      user: 'nofeat',
      password: 'pw',
      tokens: [TOKENS.nofeat],
      mainDomain: 'nofeat.test',
      mailboxes: [],
      disabledFeatures: ['popaccts'],
    },
    {
      user: 'locked',
      password: 'pw',
      tokens: [TOKENS.locked],
      mainDomain: 'locked.test',
      mailboxes: [],
      sessionCreationDisabled: true,
    },
  ],
  whmUsers: [
    { user: 'root', tokens: [TOKENS.root], owns: 'all' },
    { user: 'reseller', tokens: [TOKENS.reseller], owns: [] },
  ],
};

let remote: RunningEmulator; // UAPI `hostname` set (the for_self example)
let local: RunningEmulator; // UAPI `hostname` null; clock at 1,700,000,000 s (the WHM `expires` example)

beforeAll(async () => {
  [remote, local] = await Promise.all([
    startEmulator({ address: '127.0.0.210', fixture, hostname: 'hostname.example.com' }),
    startEmulator({ address: '127.0.0.211', fixture, now: () => 1_700_000_000_000 }),
  ]);
});
afterAll(() => Promise.all([remote.close(), local.close()]));

interface Outcome {
  status: number;
  contentType: string;
  body: unknown;
}

async function get(
  emu: RunningEmulator,
  port: number,
  path: string,
  headers: Record<string, string>,
): Promise<Outcome> {
  const reply = await call(emu, port, path, { headers });
  return {
    status: reply.status,
    contentType: String(reply.headers['content-type']),
    body: JSON.parse(reply.body),
  };
}

const uapiAs =
  (user: keyof typeof TOKENS, fn: string, params: Record<string, string> = {}, emu?: () => RunningEmulator) =>
  () =>
    get((emu ?? (() => local))(), 2083, `/execute/${fn}${query(params)}`, {
      Authorization: cpanelAuth(user, TOKENS[user]),
    });

const whmAs =
  (user: 'root' | 'reseller', fn: string, params: Record<string, string> = {}) =>
  () =>
    get(local, 2087, `/json-api/${fn}${query({ 'api.version': '1', ...params })}`, {
      Authorization: whmAuth(user, TOKENS[user]),
    });

/** Adds a mailbox to `username` for one scenario (the fixture is live). */
async function withMailbox(
  email: string,
  suspendedLogin: boolean,
  run: () => Promise<Outcome>,
): Promise<Outcome> {
  const account = local.fixture.accounts[0];
  if (!account) throw new Error('fixture');
  account.mailboxes.push({ email, password: 'mail-pw', suspendedLogin });
  try {
    return await run();
  } finally {
    account.mailboxes.pop();
  }
}

const scenarios: Record<string, Record<string, () => Promise<Outcome>>> = {
  uapi_flat: {
    'Session::create_webmail_session_for_self': uapiAs(
      'username',
      'Session/create_webmail_session_for_self',
      {},
      () => remote,
    ),
    'Session::create_webmail_session_for_mail_user': () =>
      withMailbox(
        'info@example.com',
        false,
        uapiAs('username', 'Session/create_webmail_session_for_mail_user', {
          domain: 'example.com',
          login: 'info',
        }),
      ),
    'Session::create_webmail_session_for_mail_user (missing domain)': uapiAs(
      'username',
      'Session/create_webmail_session_for_mail_user',
      { login: 'mail' },
    ),
    'Session::create_webmail_session_for_mail_user_check_password (bad password)': uapiAs(
      'username',
      'Session/create_webmail_session_for_mail_user_check_password',
      { domain: 'example.com', login: 'mail', password: 'wrong' },
    ),
    'Session::create_webmail_session_for_mail_user_check_password (suspended)': () =>
      withMailbox(
        'info@example.com',
        true,
        uapiAs('username', 'Session/create_webmail_session_for_mail_user_check_password', {
          domain: 'example.com',
          login: 'info',
          password: 'mail-pw',
        }),
      ),
    'Session::create_temp_user (inside a cpsess session)': async () => {
      const created = (await whmAs('root', 'create_user_session', { user: 'username', service: 'cpaneld' })())
        .body as {
        data: { cp_security_token: string; session: string };
      };
      const { cp_security_token: token, session } = created.data;
      const login = await postLogin(local, 2083, token, session);
      return get(local, 2083, `${token}/execute/Session/create_temp_user`, { Cookie: cookieOf(login) });
    },
    'Session::create_temp_user (outside a session)': uapiAs('username', 'Session/create_temp_user'),
    'Email::list_pops': uapiAs('username', 'Email/list_pops'),
    'DomainInfo::list_domains': uapiAs('username', 'DomainInfo/list_domains'),
    'unknown function': uapiAs('username', 'Session/nope'),
    'feature not enabled': uapiAs('nofeat', 'Email/list_pops'),
    'session API disabled by the host': uapiAs('locked', 'Session/create_webmail_session_for_self'),
  },
  whm_api1: {
    'create_user_session (webmaild)': () =>
      withMailbox(
        'user@example.com',
        false,
        whmAs('root', 'create_user_session', {
          user: 'user@example.com',
          service: 'webmaild',
          preferred_domain: 'example.com',
        }),
      ),
    'create_user_session (unknown user)': whmAs('root', 'create_user_session', {
      user: 'nobody',
      service: 'cpaneld',
    }),
    'create_user_session (not owned)': whmAs('reseller', 'create_user_session', {
      user: 'someone',
      service: 'cpaneld',
    }),
    'create_user_session (suspended)': whmAs('root', 'create_user_session', {
      user: 'someone',
      service: 'cpaneld',
    }),
    version: whmAs('root', 'version'),
    'auth failure (HTTP 403, text/plain body)': () =>
      get(local, 2087, '/json-api/version?api.version=1', {
        Authorization: whmAuth('root', 'WRONGTOKEN0000000000000000000000'),
      }),
  },
};

const TEMP_USER_RE = /^cpses_[A-Za-z0-9]{10}$/;
const URL_RE = /^https:\/\/([^/:]+):(\d+)(\/cpsess\d{10})\/login\/\?session=([^&]+)$/;

function normalizeSession(session: string): string {
  const match = SESSION_RE.exec(session);
  expect(match, `session format: ${session}`).not.toBeNull();
  return `${match?.[1]}:<random>:${match?.[2]},<hex>`;
}

/** Checks volatile values against their formats and replaces them by placeholders. */
function normalize(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => normalize(v));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v, k)]));
  }
  if (typeof value !== 'string') return value;
  if (key === 'token' || key === 'cp_security_token') {
    expect(value).toMatch(TOKEN_RE);
    return '<token>';
  }
  if (key === 'session') return normalizeSession(value);
  if (key === 'session_temp_user') {
    expect(value).toMatch(TEMP_USER_RE);
    return '<temp user>';
  }
  if (key === 'url') {
    const match = URL_RE.exec(value);
    expect(match, `url format: ${value}`).not.toBeNull();
    const encoded = match?.[4] ?? '';
    // cPanel escapes with lowercase hex (%3a, %2c).
    expect(encoded).not.toMatch(/%[0-9A-F]?[A-F]/);
    return `https://${match?.[1]}:${match?.[2]}/<token>/login/?session=${normalizeSession(decodeURIComponent(encoded))}`;
  }
  return value;
}

/** The type skeleton: same keys, same JSON types, recursively. */
function shape(value: unknown): unknown {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.map(shape);
  if (typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  return typeof value;
}

describe('examples.json conformance', () => {
  it('has a scenario for every example (and no stale ones)', () => {
    for (const group of ['uapi_flat', 'whm_api1'] as const) {
      expect(Object.keys(scenarios[group] ?? {}).sort()).toEqual(Object.keys(examples[group]).sort());
    }
  });

  it('uses formats that the examples themselves satisfy', () => {
    const selfExample = examples.uapi_flat['Session::create_webmail_session_for_self'] as {
      data: { session: string; token: string };
    };
    expect(selfExample.data.session).toMatch(SESSION_RE);
    expect(selfExample.data.token).toMatch(TOKEN_RE);
    const whmExample = examples.whm_api1['create_user_session (webmaild)'] as { data: { url: string } };
    expect(whmExample.data.url).toMatch(URL_RE);
  });

  for (const group of ['uapi_flat', 'whm_api1'] as const) {
    for (const [name, expected] of Object.entries(examples[group])) {
      it(`${group}: ${name}`, async () => {
        const run = scenarios[group]?.[name];
        if (!run) throw new Error(`no scenario for ${name}`);
        const outcome = await run();
        if (name.startsWith('auth failure')) {
          expect(outcome.status).toBe(403);
          expect(outcome.contentType).toMatch(/^text\/plain/);
        } else {
          expect(outcome.status).toBe(200);
          expect(outcome.contentType).toMatch(/^application\/json/);
        }
        expect(shape(outcome.body)).toEqual(shape(expected));
        const actual = normalize(outcome.body);
        const wanted = normalize(expected);
        expect(actual).toEqual(wanted);
        // Key order too, as the vendor prints it.
        expect(JSON.stringify(actual)).toBe(JSON.stringify(wanted));
      });
    }
  }
});

// Behaviour examples.json does not show, each as the stock 11.120 tree gives it (file named per case).
describe('stock tree conformance', () => {
  const envelope = (errors: string[]) => ({
    data: null,
    errors,
    messages: null,
    metadata: {},
    status: 0,
    warnings: null,
  });

  it.each(['en_gb', 'zh_cn', 'sk', 'pt_BR'])(
    'UAPI refuses the locale %s (Cpanel/Admin/Modules/Cpanel/session_call.pm)',
    async (locale) => {
      const outcome = await uapiAs('username', 'Session/create_webmail_session_for_self', { locale })();
      expect(JSON.stringify(outcome.body)).toBe(
        JSON.stringify(envelope([`“${locale}” does not refer to any of this system’s locales.`])),
      );
    },
  );

  it('UAPI takes every installed locale: en + Cpanel/Locale/*.pm (Cpanel/Locale/Utils/Display.pm)', async () => {
    for (const locale of STOCK_LOCALES) {
      const outcome = await uapiAs('username', 'Session/create_webmail_session_for_self', { locale })();
      expect((outcome.body as { status: number }).status, locale).toBe(1);
    }
    expect(STOCK_LOCALES).toHaveLength(33);
  });

  it('UAPI names an unknown mailbox as UserNotFound does (Cpanel/Exception/UserNotFound.pm)', async () => {
    const outcome = await uapiAs('username', 'Session/create_webmail_session_for_mail_user', {
      domain: 'example.com',
      login: 'nobody',
    })();
    expect(outcome.body).toEqual(envelope(['You do not have a user named “nobody@example.com”.']));
  });

  it('UAPI creates a session for a suspended mailbox without the password check (Cpanel/API/Session.pm)', async () => {
    const outcome = await withMailbox(
      'info@example.com',
      true,
      uapiAs('username', 'Session/create_webmail_session_for_mail_user', {
        domain: 'example.com',
        login: 'info',
      }),
    );
    expect(shape(outcome.body)).toEqual(
      shape(examples.uapi_flat['Session::create_webmail_session_for_mail_user']),
    );
    const { token, session } = (outcome.body as { data: { token: string; session: string } }).data;
    // …and cpsrvd then refuses the login (a guess at its page: "The login is invalid.").
    const reply = await withMailbox('info@example.com', true, async () => {
      const login = await postLogin(local, 2096, token, session);
      return { status: login.status, contentType: String(login.headers['content-type']), body: login.body };
    });
    expect(reply.status).toBe(401);
    expect(reply.body).toContain('msg_code:[invalid_login]');
  });

  it('UAPI _check_password checks suspension before the password (Cpanel/API/Session.pm)', async () => {
    const outcome = await withMailbox(
      'info@example.com',
      true,
      uapiAs('username', 'Session/create_webmail_session_for_mail_user_check_password', {
        domain: 'example.com',
        login: 'info',
        password: 'wrong',
      }),
    );
    expect(outcome.body).toEqual(envelope(['Logins for “info@example.com” are suspended.']));
  });

  it('WHM getdomainowner answers result 1, user null, for a domain nobody visible has (Whostmgr/API/1/Accounts.pm)', async () => {
    for (const [user, domain] of [
      ['root', 'nowhere.test'],
      ['reseller', 'example.com'],
    ] as const) {
      const outcome = await whmAs(user, 'getdomainowner', { domain })();
      expect(JSON.stringify(outcome.body)).toBe(
        JSON.stringify({
          data: { user: null },
          metadata: { command: 'getdomainowner', reason: 'OK', result: 1, version: 1 },
        }),
      );
    }
  });

  it('WHM create_user_session puts goto_uri and locale, never app, into data.url (Whostmgr/API/1/Session.pm)', async () => {
    const outcome = await whmAs('root', 'create_user_session', {
      user: 'username',
      service: 'cpaneld',
      app: 'Email_Accounts',
      locale: 'de',
    })();
    const data = (outcome.body as { data: Record<string, unknown> }).data;
    expect(Object.keys(data)).toEqual([
      'cp_security_token',
      'expires',
      'locale',
      'service',
      'session',
      'url',
    ]);
    expect(data.locale).toBe('de');
    const url = new URL(String(data.url));
    expect(url.pathname).toBe(`${data.cp_security_token}/login/`);
    // Cpanel/HTTP/QueryString.pm make_query_string: sorted keys; Cpanel/Themes.pm get_users_links.
    expect([...url.searchParams.keys()]).toEqual(['goto_uri', 'locale', 'session']);
    expect(url.searchParams.get('goto_uri')).toBe('frontend/jupiter/email_accounts/index.html');
    expect(String(data.url)).not.toContain('app=');
  });

  it('WHM create_user_session names the public IP when the hostname does not resolve (`_public_ip`)', async () => {
    const natted = await startEmulator({ address: '127.0.0.212', fixture, publicIp: '198.51.100.4' });
    try {
      const reply = await call(
        natted,
        2087,
        `/json-api/create_user_session${query({ 'api.version': '1', user: 'username', service: 'cpaneld' })}`,
        {
          headers: { Authorization: whmAuth('root', TOKENS.root) },
        },
      );
      const { data } = JSON.parse(reply.body) as { data: { url: string } };
      expect(new URL(data.url).host).toBe('198.51.100.4:2083');
    } finally {
      await natted.close();
    }
  });

  it.each([
    [{ service: 'cpaneld' }, 'The “user” parameter is required.'],
    [{ user: 'username' }, 'The “service” parameter is required.'],
    [
      { user: 'username', service: 'ftpd' },
      'The “service” parameter is invalid. The only supported services for this API call are “cpaneld”, “webmaild”, and “whostmgrd”.',
    ],
  ])(
    'WHM create_user_session %o fails with the tree’s reason (Whostmgr/API/1/Session.pm)',
    async (params, reason) => {
      const outcome = await whmAs('root', 'create_user_session', params)();
      expect((outcome.body as { metadata: { reason: string; result: number } }).metadata).toMatchObject({
        result: 0,
        reason,
      });
    },
  );

  it('2096 login: an expired session shows msg_code expired_session, a used one invalid_session (Cpanel/Template/Unauthenticated.pm)', async () => {
    const created = await uapiAs('username', 'Session/create_webmail_session_for_self')();
    const { token, session } = (created.body as { data: { token: string; session: string } }).data;
    expect((await postLogin(local, 2096, token, session)).status).toBe(302);
    const used = await postLogin(local, 2096, token, session);
    expect(used.status).toBe(401);
    expect(used.body).toContain('msg_code:[invalid_session]');
    expect(used.body).toContain('Your session cookie is invalid. Please log in again.');
    const stale = (await uapiAs('username', 'Session/create_webmail_session_for_self')()).body as {
      data: { token: string; session: string };
    };
    local.expireAllSessions();
    const expired = await postLogin(local, 2096, stale.data.token, stale.data.session);
    expect(expired.status).toBe(401);
    expect(expired.body).toContain('msg_code:[expired_session]');
    expect(expired.body).toContain('Your session has expired. Please log in again.');
  });

  it('2096 login: a bare /login/ without /cpsessN is the login page with 401', async () => {
    const reply = await call(local, 2096, '/login/', { method: 'POST', body: 'session=x' });
    expect(reply.status).toBe(401);
    expect(reply.body).toContain('<title>Webmail Login</title>');
  });
});
