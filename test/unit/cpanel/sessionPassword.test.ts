import { describe, expect, it } from 'vitest';
import type { Credentials } from '../../../src/cpanel/credentials';
import { LauncherError } from '../../../src/cpanel/errors';
import { classifySessionError, createWebmailSessionWithPassword } from '../../../src/cpanel/session';
import { fakeFetch, jsonResponse } from '../../support/fakeFetch';
import { TEST_TOKEN } from '../../support/tokens';
import { uapiExample } from '../../support/vendorExamples';

const cpanel: Credentials = {
  kind: 'cpanel',
  host: 'server.example.com',
  port: 2083,
  username: 'demo',
  token: TEST_TOKEN,
};
const INFO = { login: 'info', domain: 'example.com' };
const PASSWORD = 'luggage12345';

function sessionExample(): Record<string, unknown> {
  return uapiExample('Session::create_webmail_session_for_mail_user');
}

describe('createWebmailSessionWithPassword', () => {
  it('posts login, domain, password and locale in the body, never in the URL', async () => {
    const { fetch, calls } = fakeFetch(() => jsonResponse(sessionExample()));
    const login = await createWebmailSessionWithPassword(cpanel, INFO, PASSWORD, { fetch, locale: 'en' });
    expect(login).toEqual({
      url: 'https://server.example.com:2096/cpsess2462418786/login',
      session:
        'info@example.com:D7NiAZv1nf4bXeg9:CREATE_WEBMAIL_SESSION_FOR_MAIL_USER,728fb86a7df1cf20690c65f349ac3137',
    });
    const call = calls[0];
    expect(call?.url).toBe(
      'https://server.example.com:2083/execute/Session/create_webmail_session_for_mail_user_check_password',
    );
    expect(call?.url).not.toContain(PASSWORD);
    expect(call?.init?.method).toBe('POST');
    expect(Object.fromEntries(new URLSearchParams(String(call?.init?.body)))).toEqual({
      login: 'info',
      domain: 'example.com',
      password: PASSWORD,
      locale: 'en',
    });
    const headers = new Headers(call?.init?.headers);
    expect(headers.get('Content-Type')).toBe('application/x-www-form-urlencoded');
    expect(headers.get('Authorization')).toBe(`cpanel demo:${cpanel.token}`);
    expect(call?.init?.credentials).toBe('omit');
    expect(call?.init?.redirect).toBe('manual');
  });

  it('posts again without the locale when the server refuses it, the password in the body only', async () => {
    const refused = {
      data: null,
      errors: ['“sk” does not refer to any of this system’s locales.'],
      messages: null,
      metadata: {},
      status: 0,
      warnings: null,
    };
    const { fetch, calls } = fakeFetch(() => jsonResponse(calls.length === 1 ? refused : sessionExample()));
    await createWebmailSessionWithPassword(cpanel, INFO, PASSWORD, { fetch, locale: 'sk' });
    const bodies = calls.map((call) => Object.fromEntries(new URLSearchParams(String(call.init?.body))));
    expect(bodies).toEqual([
      { login: 'info', domain: 'example.com', password: PASSWORD, locale: 'sk' },
      { login: 'info', domain: 'example.com', password: PASSWORD },
    ]);
    for (const call of calls) expect(call.url).not.toContain(PASSWORD);
  });

  it('encodes a password with form-special characters intact', async () => {
    const { fetch, calls } = fakeFetch(() => jsonResponse(sessionExample()));
    const tricky = 'a&b=c+d %e“ü”';
    await createWebmailSessionWithPassword(cpanel, INFO, tricky, { fetch });
    expect(new URLSearchParams(String(calls[0]?.init?.body)).get('password')).toBe(tricky);
  });

  it.each([
    ['bad password', 'The provided password is incorrect.', 'wrong_password'],
    ['suspended', 'Logins for “info@example.com” are suspended.', 'suspended'],
  ])('turns the vendor’s %s answer into api_error with its text', async (name, text, kind) => {
    const { fetch } = fakeFetch(() =>
      jsonResponse(uapiExample(`Session::create_webmail_session_for_mail_user_check_password (${name})`)),
    );
    const error = await createWebmailSessionWithPassword(cpanel, INFO, PASSWORD, { fetch }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LauncherError);
    expect(error).toMatchObject({ code: 'api_error', message: text });
    expect(classifySessionError(error)).toBe(kind);
  });

  it('keeps the password out of an error even when the server echoes it', async () => {
    const { fetch } = fakeFetch(() =>
      jsonResponse({ status: 0, data: null, errors: [`The password “${PASSWORD}” is too weak.`] }),
    );
    const error = await createWebmailSessionWithPassword(cpanel, INFO, PASSWORD, { fetch }).catch(
      (e: Error) => e,
    );
    expect(error).toMatchObject({ code: 'api_error' });
    expect((error as Error).message).not.toContain(PASSWORD);
    expect((error as Error).message).toBe('The password “…” is too weak.');
  });

  it('keeps a short password that occurs in a vendor text classifiable', async () => {
    for (const [name, kind] of [
      ['bad password', 'wrong_password'],
      ['suspended', 'suspended'],
    ] as const) {
      const { fetch } = fakeFetch(() =>
        jsonResponse(uapiExample(`Session::create_webmail_session_for_mail_user_check_password (${name})`)),
      );
      const error = await createWebmailSessionWithPassword(cpanel, INFO, 'info', { fetch }).catch(
        (e: Error) => e,
      );
      expect((error as Error).message).not.toContain('info');
      expect(classifySessionError(error)).toBe(kind);
    }
  });

  it('keeps the password and the token out of transport errors', async () => {
    for (const respond of [
      () => new Response('denied', { status: 401 }),
      () => new Response('<html>login</html>'),
      () => Promise.reject(new TypeError('Failed to fetch')),
    ]) {
      const { fetch } = fakeFetch(respond);
      const error = await createWebmailSessionWithPassword(cpanel, INFO, PASSWORD, { fetch }).catch(
        (e: Error) => e,
      );
      expect(error).toBeInstanceOf(LauncherError);
      expect((error as Error).message).not.toContain(PASSWORD);
      expect((error as Error).message).not.toContain(cpanel.token);
    }
  });

  it('refuses an empty password or a bad locale before calling the server', async () => {
    const { fetch, calls } = fakeFetch(() => jsonResponse(sessionExample()));
    await expect(createWebmailSessionWithPassword(cpanel, INFO, '', { fetch })).rejects.toMatchObject({
      code: 'bad_input',
    });
    await expect(
      createWebmailSessionWithPassword(cpanel, INFO, PASSWORD, { fetch, locale: 'x y' }),
    ).rejects.toMatchObject({ code: 'bad_input' });
    expect(calls).toHaveLength(0);
  });

  it('refuses an unsafe answer as invalid_response', async () => {
    const { fetch } = fakeFetch(() =>
      jsonResponse({ status: 1, data: { hostname: 'evil.com/x', session: 's', token: '/cpsess1' } }),
    );
    await expect(createWebmailSessionWithPassword(cpanel, INFO, PASSWORD, { fetch })).rejects.toMatchObject({
      code: 'invalid_response',
    });
  });
});

describe('classifySessionError', () => {
  it('recognises the suspended text for any address, and either quote style', () => {
    expect(
      classifySessionError(new LauncherError('api_error', 'Logins for “a.b+c@x.example” are suspended.')),
    ).toBe('suspended');
    expect(
      classifySessionError({ code: 'api_error', message: 'Logins for "sales@example.net" are suspended.' }),
    ).toBe('suspended');
  });

  it('works on the {code, message} form that crosses the message contract', () => {
    expect(classifySessionError({ code: 'api_error', message: 'The provided password is incorrect.' })).toBe(
      'wrong_password',
    );
  });

  it('finds the text among several joined server errors', () => {
    expect(
      classifySessionError(new LauncherError('api_error', 'Something. The provided password is incorrect.')),
    ).toBe('wrong_password');
  });

  it.each([
    ['another api_error', new LauncherError('api_error', 'Session creation is not permitted.')],
    [
      'the same text under another code',
      new LauncherError('auth_failed', 'The provided password is incorrect.'),
    ],
    ['a WHM suspension', new LauncherError('api_error', 'You cannot create a session for the user “x”.')],
    ['null', null],
    ['a string', 'The provided password is incorrect.'],
    ['an object without a message', { code: 'api_error' }],
  ])('answers undefined for %s', (_name, error) => {
    expect(classifySessionError(error)).toBeUndefined();
  });
});
