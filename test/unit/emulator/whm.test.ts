import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESELLER_TOKEN, type RunningEmulator, startEmulator, WHM_TEXT } from '../../emulator/index';
import { call, ROOT_AUTH, SESSION_RE, TOKEN_RE, whm, whmAuth } from './helpers';

const NOW = 1_700_000_000_000;
const RESELLER_AUTH = whmAuth('reseller1', RESELLER_TOKEN);
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ address: '127.0.0.204', now: () => NOW });
});
afterAll(() => emu.close());

describe('version', () => {
  it('answers the vendor shape', async () => {
    expect(await whm(emu, 'version')).toEqual({
      data: { version: '11.136.0.4' },
      metadata: { command: 'version', reason: 'OK', result: 1, version: 1 },
    });
  });

  it('without api.version=1 answers something that is not an API 1 object', async () => {
    const reply = await call(emu, 2087, '/json-api/version', { headers: { Authorization: ROOT_AUTH } });
    const body = JSON.parse(reply.body);
    expect(body.metadata).toBeUndefined();
    expect(body).toEqual({ status: 0, statusmsg: WHM_TEXT.api0 });
  });

  it('reports unknown functions with result 0', async () => {
    expect(await whm(emu, 'nope')).toEqual({
      metadata: { command: 'nope', reason: WHM_TEXT.unknownFunction('nope'), result: 0, version: 1 },
    });
  });
});

describe('create_user_session', () => {
  it('creates a Webmail session for a mailbox, with the url on 2096', async () => {
    const result = await whm(emu, 'create_user_session', { user: 'info@example.com', service: 'webmaild' });
    expect(Object.keys(result)).toEqual(['data', 'metadata']);
    expect(result.metadata).toEqual({
      command: 'create_user_session',
      reason: 'Created session',
      result: 1,
      version: 1,
    });
    const { data } = result;
    expect(Object.keys(data)).toEqual(['cp_security_token', 'expires', 'service', 'session', 'url']);
    expect(data.cp_security_token).toMatch(TOKEN_RE);
    expect(data.expires).toBe(NOW / 1000 + 300);
    expect(data.service).toBe('webmaild');
    const [, user, tag] = SESSION_RE.exec(data.session) ?? [];
    expect(user).toBe('info@example.com');
    expect(tag).toBe('create_user_session');
    const url = new URL(data.url);
    expect(url.origin).toBe('https://127.0.0.204:2096');
    expect(url.pathname).toBe(`${data.cp_security_token}/login/`);
    expect(url.searchParams.get('session')).toBe(data.session);
    // cPanel's own escaping: lowercase hex.
    expect(data.url).toContain('info%40example.com%3a');
    expect(data.url).not.toMatch(/%[0-9A-F][A-F]/);
  });

  it('uses preferred_domain and puts goto_uri and locale (never app) into the url, keys sorted', async () => {
    const { data } = await whm(emu, 'create_user_session', {
      user: 'demo',
      service: 'cpaneld',
      app: 'Email_Accounts',
      locale: 'fr',
      preferred_domain: 'cpanel.example.com',
    });
    const url = new URL(data.url);
    expect(url.host).toBe('cpanel.example.com:2083');
    // Whostmgr/API/1/Session.pm + Cpanel/HTTP/QueryString.pm make_query_string (sorted keys).
    expect([...url.searchParams.keys()]).toEqual(['goto_uri', 'locale', 'session']);
    expect(url.searchParams.get('goto_uri')).toBe('frontend/jupiter/email_accounts/index.html');
    expect(url.searchParams.get('locale')).toBe('fr');
    expect(data.locale).toBe('fr');
    expect(emu.sessions.get(data.session)).toMatchObject({
      service: 'cpaneld',
      user: 'demo',
      app: 'Email_Accounts',
      locale: 'fr',
    });
  });

  it('names the public IP in the url when the hostname does not resolve, unless preferred_domain', async () => {
    const natted = await startEmulator({ address: '127.0.0.208', publicIp: '203.0.113.7' });
    try {
      const { data } = await whm(natted, 'create_user_session', { user: 'demo', service: 'webmaild' });
      expect(new URL(data.url).host).toBe('203.0.113.7:2096');
      expect(data).not.toHaveProperty('locale');
      const asked = await whm(natted, 'create_user_session', {
        user: 'demo',
        service: 'webmaild',
        preferred_domain: 'example.com',
      });
      expect(new URL(asked.data.url).host).toBe('example.com:2096');
    } finally {
      await natted.close();
    }
  });

  it('creates a Webmail session for a cPanel user (its own Webmail)', async () => {
    const { data } = await whm(emu, 'create_user_session', { user: 'demo', service: 'webmaild' });
    expect(data.session.startsWith('demo:')).toBe(true);
  });

  it('creates a WHM session for the caller itself, on 2087', async () => {
    const { data } = await whm(emu, 'create_user_session', { user: 'root', service: 'whostmgrd' });
    expect(new URL(data.url).port).toBe('2087');
    expect(data.service).toBe('whostmgrd');
  });

  it('honours a caller-chosen cp_security_token', async () => {
    const { data } = await whm(emu, 'create_user_session', {
      user: 'demo',
      service: 'cpaneld',
      cp_security_token: 'cpsess1234567890',
    });
    expect(data.cp_security_token).toBe('/cpsess1234567890');
  });

  it.each([
    [{ user: 'nobody', service: 'cpaneld' }, WHM_TEXT.unknownUser('nobody')],
    [{ user: 'ghost@example.com', service: 'webmaild' }, WHM_TEXT.unknownUser('ghost@example.com')],
    [{ user: 'info@example.com', service: 'cpaneld' }, WHM_TEXT.unknownUser('info@example.com')],
    [{ user: 'root', service: 'cpaneld' }, WHM_TEXT.unknownUser('root')],
    [{ user: 'sleepy', service: 'cpaneld' }, WHM_TEXT.suspended('sleepy')],
    [{ user: 'nap@sleepy.test', service: 'webmaild' }, WHM_TEXT.suspended('nap@sleepy.test')],
    [{ user: 'frozen@example.com', service: 'webmaild' }, WHM_TEXT.suspended('frozen@example.com')],
    [{ user: 'demo', service: 'ftpd' }, WHM_TEXT.invalidService('ftpd')],
    [{ service: 'cpaneld' }, 'The “user” parameter is required.'],
    [{ user: 'demo' }, 'The “service” parameter is required.'],
  ])('root: %o fails with its reason', async (params, reason) => {
    expect(await whm(emu, 'create_user_session', params as Record<string, string>)).toEqual({
      metadata: { command: 'create_user_session', reason, result: 0, version: 1 },
    });
  });

  it('has the vendor texts', () => {
    expect(WHM_TEXT.unknownUser('nobody')).toBe(
      'You cannot create a session for the user “nobody” because they do not exist.',
    );
    expect(WHM_TEXT.notOwned('someone')).toBe(
      'You do not have permission to create sessions for the user “someone”.',
    );
    expect(WHM_TEXT.suspended('someone')).toBe(
      'You cannot create a session for the user “someone” because they are currently suspended.',
    );
  });

  it('lets a reseller reach only the accounts it owns', async () => {
    const own = await whm(
      emu,
      'create_user_session',
      { user: 'orders@shop.test', service: 'webmaild' },
      RESELLER_AUTH,
    );
    expect(own.metadata.result).toBe(1);
    for (const user of ['demo', 'info@example.com', 'sleepy']) {
      const other = await whm(emu, 'create_user_session', { user, service: 'webmaild' }, RESELLER_AUTH);
      expect(other.metadata.reason).toBe(WHM_TEXT.notOwned(user));
    }
  });

  it('gives WHM sessions only for yourself unless you are root', async () => {
    const self = await whm(
      emu,
      'create_user_session',
      { user: 'reseller1', service: 'whostmgrd' },
      RESELLER_AUTH,
    );
    expect(self.metadata.result).toBe(1);
    const rootSession = await whm(
      emu,
      'create_user_session',
      { user: 'root', service: 'whostmgrd' },
      RESELLER_AUTH,
    );
    expect(rootSession.metadata.reason).toBe(WHM_TEXT.notOwned('root'));
    const byRoot = await whm(emu, 'create_user_session', { user: 'reseller1', service: 'whostmgrd' });
    expect(byRoot.metadata.result).toBe(1);
  });
});

describe('listaccts', () => {
  it('lists every account for root', async () => {
    const result = await whm(emu, 'listaccts');
    expect(result.metadata).toEqual({ command: 'listaccts', reason: 'OK', result: 1, version: 1 });
    expect(result.data.acct.map((a: { user: string }) => a.user)).toEqual(['demo', 'shop', 'sleepy']);
    expect(result.data.acct[2]).toMatchObject({ user: 'sleepy', domain: 'sleepy.test', suspended: 1 });
    expect(result.data.acct[0]).toMatchObject({
      user: 'demo',
      domain: 'example.com',
      suspended: 0,
      owner: 'root',
    });
  });

  it('finds the account by main domain', async () => {
    const result = await whm(emu, 'listaccts', {
      search: 'shop.test',
      searchtype: 'domain',
      searchmethod: 'exact',
    });
    expect(result.data.acct).toHaveLength(1);
    expect(result.data.acct[0]).toMatchObject({ user: 'shop', domain: 'shop.test', owner: 'reseller1' });
    const none = await whm(emu, 'listaccts', {
      search: 'nowhere.test',
      searchtype: 'domain',
      searchmethod: 'exact',
    });
    expect(none.data.acct).toEqual([]);
  });

  it('searches by regex by default', async () => {
    const result = await whm(emu, 'listaccts', { search: '^example\\.', searchtype: 'domain' });
    expect(result.data.acct.map((a: { user: string }) => a.user)).toEqual(['demo']);
  });

  it('shows a reseller only its accounts', async () => {
    const result = await whm(emu, 'listaccts', {}, RESELLER_AUTH);
    expect(result.data.acct.map((a: { user: string }) => a.user)).toEqual(['shop']);
    const hidden = await whm(
      emu,
      'listaccts',
      { search: 'example.com', searchtype: 'domain' },
      RESELLER_AUTH,
    );
    expect(hidden.data.acct).toEqual([]);
  });
});

describe('getdomainowner', () => {
  it.each([
    ['example.com', 'demo'],
    ['example.net', 'demo'],
    ['blog.example.com', 'demo'],
    ['EXAMPLE.ORG', 'demo'],
    ['shop.test', 'shop'],
  ])('%s belongs to %s', async (domain, user) => {
    expect(await whm(emu, 'getdomainowner', { domain })).toEqual({
      data: { user },
      metadata: { command: 'getdomainowner', reason: 'OK', result: 1, version: 1 },
    });
  });

  it('answers result 1 with user null for an unknown domain, or one the reseller does not own', async () => {
    // Whostmgr/API/1/Accounts.pm getdomainowner: set_metadata_ok, { user => undef }.
    expect(await whm(emu, 'getdomainowner', { domain: 'nowhere.test' })).toEqual({
      data: { user: null },
      metadata: { command: 'getdomainowner', reason: 'OK', result: 1, version: 1 },
    });
    expect(await whm(emu, 'getdomainowner', { domain: 'example.com' }, RESELLER_AUTH)).toMatchObject({
      data: { user: null },
      metadata: { result: 1 },
    });
    expect((await whm(emu, 'getdomainowner', { domain: 'shop.test' }, RESELLER_AUTH)).data).toEqual({
      user: 'shop',
    });
  });
});
