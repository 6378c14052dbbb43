import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cloneFixture,
  demoFixture,
  type Fixture,
  makeMailboxes,
  type RunningEmulator,
  SHOP_TOKEN,
  startEmulator,
  UAPI_TEXT,
} from '../../emulator/index';
import { call, cpanelAuth, DEMO_AUTH, type Json, SESSION_RE, TOKEN_RE, uapi } from './helpers';

let emu: RunningEmulator;

// The demo fixture plus an account with `popaccts` off, one whose host forbids sessions, and a big one.
const fixture: Fixture = cloneFixture(demoFixture);
fixture.accounts.push(
  {
    user: 'nofeat',
    password: 'x',
    tokens: ['NOFEATTOKEN000000000000000000000'],
    mainDomain: 'nofeat.test',
    mailboxes: [],
    disabledFeatures: ['popaccts'],
  },
  {
    user: 'locked',
    password: 'x',
    tokens: ['LOCKEDTOKEN000000000000000000000'],
    mainDomain: 'locked.test',
    mailboxes: [{ email: 'a@locked.test', password: 'p' }],
    sessionCreationDisabled: true,
  },
  {
    user: 'big',
    password: 'x',
    tokens: ['BIGTOKEN000000000000000000000000'],
    mainDomain: 'big.test',
    mailboxes: makeMailboxes('big.test', 10_000),
  },
);

beforeAll(async () => {
  emu = await startEmulator({ address: '127.0.0.203', fixture });
});
afterAll(() => emu.close());

const envelopeKeys = ['data', 'errors', 'messages', 'metadata', 'status', 'warnings'];

function expectError(result: Json, text: string): void {
  expect(Object.keys(result)).toEqual(envelopeKeys);
  expect(result).toEqual({
    data: null,
    errors: [text],
    messages: null,
    metadata: {},
    status: 0,
    warnings: null,
  });
}

describe('Session::create_webmail_session_for_self', () => {
  it('creates a Webmail session for the cPanel user itself', async () => {
    const result = await uapi(emu, 'Session/create_webmail_session_for_self');
    expect(Object.keys(result)).toEqual(envelopeKeys);
    expect(result).toMatchObject({
      errors: null,
      messages: null,
      metadata: { transformed: 1 },
      status: 1,
      warnings: null,
    });
    expect(Object.keys(result.data)).toEqual(['hostname', 'session', 'token']);
    expect(result.data.hostname).toBeNull();
    expect(result.data.token).toMatch(TOKEN_RE);
    const [, user, tag] = SESSION_RE.exec(result.data.session) ?? [];
    expect(user).toBe('demo');
    expect(tag).toBe('CREATE_WEBMAIL_SESSION_FOR_SELF');
    const issued = emu.sessions.get(result.data.session);
    expect(issued).toMatchObject({
      service: 'webmaild',
      user: 'demo',
      token: result.data.token,
      used: false,
      locale: 'en',
    });
  });

  it('keeps the requested locale and accepts POST form bodies', async () => {
    const reply = await call(emu, 2083, '/execute/Session/create_webmail_session_for_self', {
      method: 'POST',
      headers: { Authorization: DEMO_AUTH, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'locale=fr&remote_address=192.0.2.1',
    });
    const result = JSON.parse(reply.body);
    expect(result.status).toBe(1);
    expect(emu.sessions.get(result.data.session)?.locale).toBe('fr');
  });

  it('hands out a fresh token and session every time', async () => {
    const a = await uapi(emu, 'Session/create_webmail_session_for_self');
    const b = await uapi(emu, 'Session/create_webmail_session_for_self');
    expect(a.data.token).not.toBe(b.data.token);
    expect(a.data.session).not.toBe(b.data.session);
  });

  it('fails when the host forbids session creation', async () => {
    const result = await uapi(
      emu,
      'Session/create_webmail_session_for_self',
      {},
      cpanelAuth('locked', 'LOCKEDTOKEN000000000000000000000'),
    );
    expectError(result, UAPI_TEXT.sessionCreationNotPermitted);
    expect(UAPI_TEXT.sessionCreationNotPermitted).toBe('Session creation is not permitted.');
  });
});

describe('Session::create_webmail_session_for_mail_user', () => {
  const fn = 'Session/create_webmail_session_for_mail_user';

  it.each([
    ['info', 'example.com', 'info@example.com'],
    ['support', 'example.net', 'support@example.net'],
    ['SALES', 'EXAMPLE.COM', 'sales@example.com'],
  ])('creates a session for %s@%s (an owned domain)', async (login, domain, email) => {
    const result = await uapi(emu, fn, { domain, login });
    expect(result.status).toBe(1);
    expect(result.metadata).toEqual({});
    expect(result.data.hostname).toBeNull();
    expect(result.data.token).toMatch(TOKEN_RE);
    const [, user, tag] = SESSION_RE.exec(result.data.session) ?? [];
    expect(user).toBe(email);
    expect(tag).toBe('CREATE_WEBMAIL_SESSION_FOR_MAIL_USER');
  });

  it.each(['domain', 'login'])('requires “%s”', async (missing) => {
    const params: Record<string, string> = { domain: 'example.com', login: 'info' };
    delete params[missing];
    expectError(await uapi(emu, fn, params), `Provide the “${missing}” argument.`);
  });

  it('treats an empty argument as missing', async () => {
    expectError(await uapi(emu, fn, { domain: '', login: 'info' }), UAPI_TEXT.missingArgument('domain'));
  });

  it('takes `login` literally: a full address is looked up as login@domain and not found', async () => {
    const result = await uapi(emu, fn, { domain: 'example.com', login: 'info@example.com' });
    expectError(result, UAPI_TEXT.mailUserNotFound('info@example.com@example.com'));
    // Cpanel/Exception/UserNotFound.pm
    expect(result.errors[0]).toBe('You do not have a user named “info@example.com@example.com”.');
  });

  it.each([
    ['an unknown mailbox', 'nobody', 'example.com'],
    ["another account's mailbox", 'orders', 'shop.test'],
    ['an unknown domain', 'info', 'elsewhere.test'],
  ])('fails for %s', async (_label, login, domain) => {
    expectError(await uapi(emu, fn, { domain, login }), UAPI_TEXT.mailUserNotFound(`${login}@${domain}`));
  });

  it('still creates a session for a mailbox whose logins are suspended (only _check_password checks)', async () => {
    const result = await uapi(emu, fn, { domain: 'example.com', login: 'frozen' });
    expect(result.status).toBe(1);
    expect(result.data.token).toMatch(/^\/cpsess\d{10}$/);
  });

  it("only serves the caller's own mailboxes (shop cannot reach demo's)", async () => {
    const result = await uapi(
      emu,
      fn,
      { domain: 'example.com', login: 'info' },
      cpanelAuth('shop', SHOP_TOKEN),
    );
    expect(result.status).toBe(0);
    const own = await uapi(emu, fn, { domain: 'shop.test', login: 'orders' }, cpanelAuth('shop', SHOP_TOKEN));
    expect(own.status).toBe(1);
  });
});

describe('Session::create_webmail_session_for_mail_user_check_password', () => {
  const fn = 'Session/create_webmail_session_for_mail_user_check_password';

  it('creates a session with the right password', async () => {
    const result = await uapi(emu, fn, { domain: 'example.com', login: 'info', password: 'Mailbox-pass-1' });
    expect(result.status).toBe(1);
    const [, user, tag] = SESSION_RE.exec(result.data.session) ?? [];
    expect(user).toBe('info@example.com');
    expect(tag).toBe('CREATE_WEBMAIL_SESSION_FOR_MAIL_USER_CHECK_PASSWORD');
  });

  it('rejects a wrong password', async () => {
    const result = await uapi(emu, fn, { domain: 'example.com', login: 'info', password: 'wrong' });
    expectError(result, 'The provided password is incorrect.');
  });

  it('rejects a suspended login even with the right password', async () => {
    const result = await uapi(emu, fn, {
      domain: 'example.com',
      login: 'frozen',
      password: 'Mailbox-pass-1',
    });
    expectError(result, 'Logins for “frozen@example.com” are suspended.');
  });

  it.each(['domain', 'login', 'password'])('requires “%s”', async (missing) => {
    const params: Record<string, string> = {
      domain: 'example.com',
      login: 'info',
      password: 'Mailbox-pass-1',
    };
    delete params[missing];
    expectError(await uapi(emu, fn, params), UAPI_TEXT.missingArgument(missing));
  });
});

describe('Session::create_temp_user', () => {
  it('creates nothing outside a cPanel session (status 1, created 0)', async () => {
    const result = await uapi(emu, 'Session/create_temp_user');
    expect(result).toEqual({
      data: { created: 0 },
      errors: null,
      messages: null,
      metadata: {},
      status: 1,
      warnings: null,
    });
  });
});

describe('Email::list_pops', () => {
  it("lists the account's mailboxes, then the main account last", async () => {
    const result = await uapi(emu, 'Email/list_pops');
    expect(result.status).toBe(1);
    expect(result.metadata).toEqual({ transformed: 1 });
    expect(result.data).toEqual([
      { email: 'info@example.com', login: 'info@example.com', suspended_incoming: 0, suspended_login: 0 },
      { email: 'sales@example.com', login: 'sales@example.com', suspended_incoming: 0, suspended_login: 0 },
      {
        email: 'support@example.net',
        login: 'support@example.net',
        suspended_incoming: 0,
        suspended_login: 0,
      },
      { email: 'frozen@example.com', login: 'frozen@example.com', suspended_incoming: 0, suspended_login: 1 },
      { email: 'demo', login: 'Main Account', suspended_incoming: 0, suspended_login: 0 },
    ]);
  });

  it('filters with `regex` and can skip the main account', async () => {
    const result = await uapi(emu, 'Email/list_pops', { regex: '@example\\.net$' });
    expect(result.data.map((e: { email: string }) => e.email)).toEqual(['support@example.net']);
    const skipped = await uapi(emu, 'Email/list_pops', { skip_main: '1' });
    expect(skipped.data).toHaveLength(4);
  });

  it('reports a bad regex as an API error', async () => {
    expectError(await uapi(emu, 'Email/list_pops', { regex: '(' }), UAPI_TEXT.invalidRegex('('));
  });

  it('fails without the popaccts feature', async () => {
    const result = await uapi(
      emu,
      'Email/list_pops',
      {},
      cpanelAuth('nofeat', 'NOFEATTOKEN000000000000000000000'),
    );
    expectError(result, 'You do not have the feature “popaccts”.');
  });

  it('lists 10,000 mailboxes', async () => {
    const result = await uapi(
      emu,
      'Email/list_pops',
      {},
      cpanelAuth('big', 'BIGTOKEN000000000000000000000000'),
    );
    expect(result.data).toHaveLength(10_001);
    expect(result.data[0].email).toBe('box00001@big.test');
    expect(result.data[9999].email).toBe('box10000@big.test');
    expect(result.data[10_000]).toMatchObject({ email: 'big', login: 'Main Account' });
  });
});

describe('DomainInfo::list_domains', () => {
  it('lists main, addon, sub and parked domains', async () => {
    const result = await uapi(emu, 'DomainInfo/list_domains');
    expect(result).toEqual({
      data: {
        main_domain: 'example.com',
        addon_domains: ['example.net'],
        sub_domains: ['blog.example.com'],
        parked_domains: ['example.org'],
      },
      errors: null,
      messages: null,
      metadata: {},
      status: 1,
      warnings: null,
    });
    expect(Object.keys(result.data)).toEqual([
      'main_domain',
      'addon_domains',
      'sub_domains',
      'parked_domains',
    ]);
  });

  it('gives empty lists to an account without extra domains', async () => {
    const result = await uapi(emu, 'DomainInfo/list_domains', {}, cpanelAuth('shop', SHOP_TOKEN));
    expect(result.data).toEqual({
      main_domain: 'shop.test',
      addon_domains: [],
      sub_domains: [],
      parked_domains: [],
    });
  });
});

describe('unknown functions', () => {
  it.each([
    ['Session', 'nope'],
    ['Email', 'toString'],
    ['Nope', 'list'],
    ['constructor', 'name'],
  ])('%s::%s fails with the vendor text', async (module, fn) => {
    expectError(
      await uapi(emu, `${module}/${fn}`),
      `The system could not find the function “${fn}” in the module “${module}”.`,
    );
  });
});

describe('locales (Cpanel/Admin/Modules/Cpanel/session_call.pm)', () => {
  const self = 'Session/create_webmail_session_for_self';
  const mailUser = 'Session/create_webmail_session_for_mail_user';

  it.each(['en', 'de', 'pt_br', 'es_419', 'zh', 'zh_tw', 'fil'])(
    'takes the installed locale %s',
    async (locale) => {
      const result = await uapi(emu, self, { locale });
      expect(result.status).toBe(1);
      expect(emu.sessions.get(result.data.session)?.locale).toBe(locale);
    },
  );

  it.each(['en_gb', 'zh_cn', 'sk', 'pt_BR', 'EN', 'pt-br'])(
    'refuses %s with the server’s text, exactly as given',
    async (locale) => {
      expectError(
        await uapi(emu, self, { locale }),
        `“${locale}” does not refer to any of this system’s locales.`,
      );
      expectError(
        await uapi(emu, mailUser, { domain: 'example.com', login: 'info', locale }),
        UAPI_TEXT.unknownLocale(locale),
      );
    },
  );

  it('checks the mailbox before the locale', async () => {
    expectError(
      await uapi(emu, mailUser, { domain: 'example.com', login: 'nobody', locale: 'sk' }),
      'You do not have a user named “nobody@example.com”.',
    );
  });

  it('uses the account’s own locale without one', async () => {
    const result = await uapi(emu, self);
    expect(result.status).toBe(1);
  });
});
