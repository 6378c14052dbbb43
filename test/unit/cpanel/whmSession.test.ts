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
  it('builds the documented webmaild example from the url host, never the url itself', () => {
    const login = whmLoginRequest(whmExample('create_user_session (webmaild)').data, 'server.example.com');
    expect(login).toEqual({ url: 'https://example.com:2096/cpsess5163408416/login', session: SESSION });
    expect(login.url).not.toContain('session=');
    expect('fields' in login).toBe(false);
  });

  it.each(Object.entries(SERVICE_PORT))('uses the port of %s', (service, port) => {
    expect(whmLoginRequest(sessionData({ service }), 'x.example.com').url).toBe(
      `https://example.com:${port}/cpsess1234567890/login`,
    );
  });

  it('accepts the token without its leading slash, as the parameter docs show it', () => {
    expect(whmLoginRequest(sessionData({ cp_security_token: 'cpsess1234567890' }), 'x.example.com').url).toBe(
      'https://example.com:2083/cpsess1234567890/login',
    );
  });

  it('returns the url’s app as an extra form field', () => {
    const url =
      'https://example.com:2083/cpsess1234567890/login/?session=demo%3aRFw6&app=Email_Accounts&locale=fr';
    expect(whmLoginRequest(sessionData({ url }), 'x.example.com')).toEqual({
      url: 'https://example.com:2083/cpsess1234567890/login',
      session: sessionData().session,
      fields: { app: 'Email_Accounts' },
    });
    const wildcard = 'https://example.com:2083/cpsess1/login/?app=Site_Software_*';
    expect(whmLoginRequest(sessionData({ url: wildcard }), 'x.example.com').fields).toEqual({
      app: 'Site_Software_*',
    });
  });

  it.each([
    ['an http url', 'http://evil.example:2083/cpsess1/login/'],
    ['an unparsable url', 'not a url'],
    ['an empty url', ''],
    ['a javascript url', 'javascript:alert(1)'],
    ['a host with a bad label', 'https://-bad-.example/cpsess1/login/'],
    ['a url with a space in the host', 'https://exa mple.com/'],
  ])('falls back to the server host for %s', (_name, url) => {
    expect(whmLoginRequest(sessionData({ url }), 'server.example.com').url).toBe(
      'https://server.example.com:2083/cpsess1234567890/login',
    );
  });

  it('takes only the hostname of a url with userinfo and a port', () => {
    const url = 'https://attacker@Example.COM:9999/cpsess1/login/';
    expect(whmLoginRequest(sessionData({ url }), 'x.example.com').url).toBe(
      'https://example.com:2083/cpsess1234567890/login',
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
    ['an app with a slash', sessionData({ url: 'https://example.com/cpsess1/login/?app=../x' })],
    ['an overlong app', sessionData({ url: `https://example.com/cpsess1/login/?app=${'a'.repeat(65)}` })],
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
      'https://a.b/?app=x',
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

  it('sends app and returns it as a form field', async () => {
    const data = sessionData({
      url: 'https://server.example.com:2083/cpsess1234567890/login/?session=x&app=Email_Accounts',
    });
    const { fetch, calls } = fakeFetch(() => jsonResponse({ data, metadata: { result: 1, reason: 'OK' } }));
    const login = await createUserSession(
      whm,
      { user: 'demo', service: 'cpaneld', app: 'Email_Accounts' },
      { fetch },
    );
    expect(new URL(calls[0]?.url ?? '').searchParams.get('app')).toBe('Email_Accounts');
    expect(login.fields).toEqual({ app: 'Email_Accounts' });
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
