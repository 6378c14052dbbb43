import { describe, expect, it } from 'vitest';
import type { Credentials } from '../../../src/cpanel/credentials';
import { LauncherError } from '../../../src/cpanel/errors';
import { createUserSession, SERVICE_PORT, whmLoginRequest } from '../../../src/cpanel/whmSession';
import { fakeFetch, jsonResponse } from '../../support/fakeFetch';
import { TEST_TOKEN } from '../../support/tokens';
import { vendorExamples } from '../../support/vendorExamples';

const whm: Credentials = {
  kind: 'whm',
  host: 'server.example.com',
  port: 2087,
  username: 'root',
  token: TEST_TOKEN,
};
const SESSION = 'user@example.com:Ab3_xYz0Qw9LmN2p:create_user_session,6fd37fe4b8cb2ea6bb8e8a8dca14cfea';

function whmExample(name: string): { data: Record<string, unknown> } {
  return vendorExamples.whm_api1[name] as { data: Record<string, unknown> };
}

function sessionData(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    cp_security_token: '/cpsess1234567890',
    expires: 1700000300,
    service: 'cpaneld',
    session: 'demo:RFw6MUp9S8sRwTSg:create_user_session,6fd37fe4b8cb2ea6bb8e8a8dca14cfea',
    url: 'https://example.com:2083/cpsess1234567890/login/?session=demo%3aRFw6',
    ...overrides,
  };
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('whmLoginRequest', () => {
  it('builds the documented webmaild example at the configured host, never the url itself', () => {
    const login = whmLoginRequest(whmExample('create_user_session (webmaild)').data, 'server.example.com');
    expect(login).toEqual({
      url: 'https://server.example.com:2096/cpsess5163408416/login',
      session: SESSION,
    });
    expect(login.url).not.toContain('session=');
    expect('fields' in login).toBe(false);
  });

  it('uses preferred_domain when the call asked for one', () => {
    const login = whmLoginRequest(
      whmExample('create_user_session (webmaild)').data,
      'server.example.com',
      'example.com',
    );
    expect(login.url).toBe('https://example.com:2096/cpsess5163408416/login');
  });

  it.each(Object.entries(SERVICE_PORT))('uses the port of %s', (service, port) => {
    expect(whmLoginRequest(sessionData({ service }), 'x.example.com').url).toBe(
      `https://x.example.com:${port}/cpsess1234567890/login`,
    );
  });

  it('accepts the token without its leading slash, as the parameter docs show it', () => {
    expect(whmLoginRequest(sessionData({ cp_security_token: 'cpsess1234567890' }), 'x.example.com').url).toBe(
      'https://x.example.com:2083/cpsess1234567890/login',
    );
  });

  it('signs in at the configured host when data.url names the server’s public IP', () => {
    // Whostmgr/API/1/Session.pm: `$host = _public_ip()` when the hostname does not resolve to the server.
    const url = 'https://203.0.113.7:2087/cpsess1234567890/login/?session=root%3aRFw6';
    expect(whmLoginRequest(sessionData({ url, service: 'whostmgrd' }), 'whm.example.com').url).toBe(
      'https://whm.example.com:2087/cpsess1234567890/login',
    );
  });

  it('forwards the url’s goto_uri (what the server looked up for app) as the one extra form field', () => {
    const url =
      'https://203.0.113.7:2083/cpsess1234567890/login/?goto_uri=frontend%2fjupiter%2femail_accounts%2findex.html&locale=fr&session=demo%3aRFw6';
    expect(whmLoginRequest(sessionData({ url }), 'x.example.com')).toEqual({
      url: 'https://x.example.com:2083/cpsess1234567890/login',
      session: sessionData().session,
      fields: { goto_uri: 'frontend/jupiter/email_accounts/index.html' },
    });
    const whmApp = 'https://h.example.com:2087/cpsess1/login/?goto_uri=%2fscripts%2fdialog%3fdialog%3dquotas';
    expect(whmLoginRequest(sessionData({ url: whmApp }), 'x.example.com').fields).toEqual({
      goto_uri: '/scripts/dialog?dialog=quotas',
    });
    // `app` in the url (never there on a stock server) is not forwarded.
    const app = 'https://h.example.com:2083/cpsess1/login/?app=Email_Accounts&session=x';
    expect('fields' in whmLoginRequest(sessionData({ url: app }), 'x.example.com')).toBe(false);
  });

  it.each([
    ['an absolute URL', 'https://evil.example/x'],
    ['a protocol-relative URL', '//evil.example/x'],
    ['a path that climbs', '/../../x'],
    ['a climbing segment', 'frontend/../../x'],
    ['a scheme', 'javascript:alert(1)'],
    ['a backslash', '/\\evil.example'],
    ['a fragment', '/x#y'],
    ['a space', '/a b'],
    ['an overlong path', `/${'a'.repeat(600)}`],
  ])('refuses a goto_uri with %s as invalid_response', (_name, gotoUri) => {
    const url = `https://h.example.com:2083/cpsess1/login/?goto_uri=${encodeURIComponent(gotoUri)}`;
    expect(codeOf(() => whmLoginRequest(sessionData({ url }), 'x.example.com'))).toBe('invalid_response');
  });

  it.each([
    ['an http url', 'http://evil.example:2083/cpsess1/login/'],
    ['an unparsable url', 'not a url'],
    ['an empty url', ''],
    ['a javascript url', 'javascript:alert(1)'],
    ['a url with userinfo and a port', 'https://attacker@Example.COM:9999/cpsess1/login/'],
  ])('opens the configured host whatever the url: %s', (_name, url) => {
    expect(whmLoginRequest(sessionData({ url }), 'server.example.com').url).toBe(
      'https://server.example.com:2083/cpsess1234567890/login',
    );
  });

  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.9',
    '192.168.1.10',
    '169.254.169.254',
    '0.0.0.0',
    'localhost',
    '[::1]',
    '[fe80::1]',
    '[fd00::5]',
    '[::ffff:7f00:1]',
  ])('refuses a data.url host %s on the internal network as invalid_response', (host) => {
    const url = `https://${host}:2083/cpsess1234567890/login/?session=x`;
    expect(codeOf(() => whmLoginRequest(sessionData({ url }), 'server.example.com'))).toBe(
      'invalid_response',
    );
  });

  it('takes an internal data.url host when the account itself is on the internal network', () => {
    const url = 'https://192.168.1.10:2083/cpsess1234567890/login/?session=x';
    expect(whmLoginRequest(sessionData({ url }), '192.168.1.10').url).toBe(
      'https://192.168.1.10:2083/cpsess1234567890/login',
    );
    expect(whmLoginRequest(sessionData({ url }), '10.0.0.2').url).toBe(
      'https://10.0.0.2:2083/cpsess1234567890/login',
    );
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['a string', 'https://example.com:2083/cpsess1/login/?session=x'],
    ['a missing url', { ...sessionData(), url: undefined }],
    ['a missing expires', { ...sessionData(), expires: undefined }],
    ['an unknown service', sessionData({ service: 'ftpd' })],
    ['a numeric session', sessionData({ session: 42 })],
    ['a session with a space', sessionData({ session: 'a b' })],
    ['an empty session', sessionData({ session: '' })],
    ['a token with a path', sessionData({ cp_security_token: '/cpsess1/../x' })],
    ['a token without digits', sessionData({ cp_security_token: 'cpsess' })],
    ['a token that is a URL', sessionData({ cp_security_token: '//evil.com/cpsess1' })],
    ['a goto_uri with a host', sessionData({ url: 'https://example.com/cpsess1/login/?goto_uri=//x.test/' })],
  ])('rejects %s as invalid_response', (_name, data) => {
    expect(codeOf(() => whmLoginRequest(data, 'server.example.com'))).toBe('invalid_response');
  });

  it('rejects an unsafe fallback host', () => {
    expect(codeOf(() => whmLoginRequest(sessionData({ url: 'nope' }), 'a b'))).toBe('invalid_response');
  });

  it('throws nothing but invalid_response LauncherErrors on random input, and never echoes the session', () => {
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const strings = [
      '',
      'cpsess1',
      '/cpsess123',
      'https://a.b/?goto_uri=x',
      'https://10.0.0.1/?goto_uri=/a',
      'webmaild',
      ' ',
      '\n',
      '%',
      '[::1]',
      'ü',
    ];
    const values = (): unknown =>
      pick([
        null,
        undefined,
        0,
        -1,
        1.5,
        Number.NaN,
        true,
        [],
        {},
        pick(strings),
        pick(strings) + pick(strings),
      ]);
    for (let i = 0; i < 3000; i++) {
      const data: Record<string, unknown> = sessionData();
      for (const key of Object.keys(data)) if (random() < 0.3) data[key] = values();
      try {
        const login = whmLoginRequest(
          random() < 0.05 ? values() : data,
          pick(['server.example.com', 'a b', '']),
        );
        expect(login.url).toMatch(/^https:\/\/[^/?#@\s]+\/cpsess\d+\/login$/);
      } catch (error) {
        expect(error).toBeInstanceOf(LauncherError);
        expect((error as LauncherError).code).toBe('invalid_response');
        if (typeof data.session === 'string' && data.session.length > 3) {
          expect((error as Error).message).not.toContain(data.session);
        }
      }
    }
  });
});

describe('createUserSession', () => {
  it('calls create_user_session with api.version=1 and the whm header', async () => {
    const { fetch, calls } = fakeFetch(() => jsonResponse(whmExample('create_user_session (webmaild)')));
    const login = await createUserSession(
      whm,
      { user: 'User@Example.com', service: 'webmaild', locale: 'pt-BR', preferredDomain: 'Example.com' },
      { fetch },
    );
    expect(login).toEqual({ url: 'https://example.com:2096/cpsess5163408416/login', session: SESSION });
    const url = new URL(calls[0]?.url ?? '');
    expect(url.origin + url.pathname).toBe('https://server.example.com:2087/json-api/create_user_session');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      'api.version': '1',
      user: 'user@example.com',
      service: 'webmaild',
      locale: 'pt_br',
      preferred_domain: 'example.com',
    });
    expect(new Headers(calls[0]?.init?.headers).get('Authorization')).toBe(`whm root:${whm.token}`);
  });

  it('sends app and forwards the goto_uri the server looked up for it', async () => {
    const data = sessionData({
      url: 'https://203.0.113.7:2083/cpsess1234567890/login/?goto_uri=frontend%2fjupiter%2femail_accounts%2findex.html&session=x',
    });
    const { fetch, calls } = fakeFetch(() => jsonResponse({ data, metadata: { result: 1, reason: 'OK' } }));
    const login = await createUserSession(
      whm,
      { user: 'demo', service: 'cpaneld', app: 'Email_Accounts' },
      { fetch },
    );
    expect(new URL(calls[0]?.url ?? '').searchParams.get('app')).toBe('Email_Accounts');
    expect(login.url).toBe('https://server.example.com:2083/cpsess1234567890/login');
    expect(login.fields).toEqual({ goto_uri: 'frontend/jupiter/email_accounts/index.html' });
  });

  it('maps a locale the server lacks (en-GB → en) and asks again without one it refuses', async () => {
    const refused = {
      metadata: { result: 0, reason: '“sk” does not refer to any of this system’s locales.' },
    };
    const ok = { data: sessionData(), metadata: { result: 1, reason: 'OK' } };
    const { fetch, calls } = fakeFetch((url) =>
      jsonResponse(new URL(url).searchParams.get('locale') === 'sk' ? refused : ok),
    );
    await createUserSession(whm, { user: 'demo', service: 'cpaneld', locale: 'sk' }, { fetch });
    expect(calls.map((call) => new URL(call.url).searchParams.get('locale'))).toEqual(['sk', null]);
  });

  it('opens the service subdomain when WHM is reached as whm.example.com:443, ignoring the url host', async () => {
    const proxied: Credentials = { ...whm, host: 'whm.example.com', port: 443 };
    for (const [service, host] of [
      ['cpaneld', 'cpanel.example.com'],
      ['webmaild', 'webmail.example.com'],
      ['whostmgrd', 'whm.example.com'],
    ] as const) {
      const { fetch } = fakeFetch(() =>
        jsonResponse({ data: sessionData({ service }), metadata: { result: 1, reason: 'OK' } }),
      );
      const login = await createUserSession(proxied, { user: 'demo', service }, { fetch });
      expect(login.url).toBe(`https://${host}/cpsess1234567890/login`);
    }
  });

  it.each([
    'create_user_session (unknown user)',
    'create_user_session (not owned)',
    'create_user_session (suspended)',
  ])('turns %s into api_error with the reason', async (name) => {
    const example = vendorExamples.whm_api1[name] as { metadata: { reason: string } };
    const { fetch } = fakeFetch(() => jsonResponse(example));
    await expect(
      createUserSession(whm, { user: 'someone', service: 'cpaneld' }, { fetch }),
    ).rejects.toMatchObject({
      code: 'api_error',
      message: example.metadata.reason,
    });
  });

  it('refuses a session for another service than asked', async () => {
    const { fetch } = fakeFetch(() => jsonResponse(whmExample('create_user_session (webmaild)')));
    await expect(
      createUserSession(whm, { user: 'demo', service: 'cpaneld' }, { fetch }),
    ).rejects.toMatchObject({
      code: 'invalid_response',
    });
  });

  it.each([
    ['a user with a slash', { user: 'demo/../root', service: 'cpaneld' }],
    ['an empty user', { user: '', service: 'cpaneld' }],
    ['a broken address', { user: 'a@b@', service: 'webmaild' }],
    ['an app with a slash', { user: 'demo', service: 'cpaneld', app: '../etc' }],
    ['an app with a query', { user: 'demo', service: 'cpaneld', app: 'x&session=y' }],
    ['an unknown service', { user: 'demo', service: 'ftpd' }],
    ['a bad locale', { user: 'demo', service: 'cpaneld', locale: 'en;x' }],
    ['a bad preferred domain', { user: 'demo', service: 'cpaneld', preferredDomain: 'evil.com/x' }],
  ])('refuses %s as bad_input before calling the server', async (_name, params) => {
    const { fetch, calls } = fakeFetch(() => jsonResponse({}));
    await expect(
      createUserSession(whm, params as Parameters<typeof createUserSession>[1], { fetch }),
    ).rejects.toMatchObject({ code: 'bad_input' });
    expect(calls).toHaveLength(0);
  });
});
