import { describe, expect, it } from 'vitest';
import type { Credentials } from '../../../src/cpanel/credentials';
import { listMailboxes } from '../../../src/cpanel/email';
import { createWebmailSessionForMailUser, createWebmailSessionForSelf } from '../../../src/cpanel/session';
import { callUapi } from '../../../src/cpanel/uapi';
import { verifyCredentials } from '../../../src/cpanel/verify';
import { english } from '../../support/english';
import { fakeFetch, jsonResponse } from '../../support/fakeFetch';
import { TEST_TOKEN } from '../../support/tokens';
import { uapiExample, vendorExamples } from '../../support/vendorExamples';

const cpanel: Credentials = {
  kind: 'cpanel',
  host: 'server.example.com',
  port: 2083,
  username: 'demo',
  token: TEST_TOKEN,
};

describe('callUapi', () => {
  it('calls /execute/Module/function with the cpanel token header and returns data', async () => {
    const { fetch, calls } = fakeFetch(() => jsonResponse(uapiExample('Email::list_pops')));
    const data = await callUapi(cpanel, 'Email', 'list_pops', { regex: 'info' }, { fetch });
    expect(data).toEqual(uapiExample('Email::list_pops').data);
    expect(calls[0]?.url).toBe('https://server.example.com:2083/execute/Email/list_pops?regex=info');
    expect(new Headers(calls[0]?.init?.headers).get('Authorization')).toBe(`cpanel demo:${TEST_TOKEN}`);
  });

  it('accepts the command-line wrapper {apiversion, func, module, result}', async () => {
    const wrapped = vendorExamples.uapi_cli_wrapped['Session::create_webmail_session_for_self'];
    const { fetch } = fakeFetch(() => jsonResponse(wrapped));
    const data = await callUapi(cpanel, 'Session', 'create_webmail_session_for_self', {}, { fetch });
    expect(data).toMatchObject({ token: '/cpsess2462418786' });
  });

  it.each([
    ['Session::create_webmail_session_for_mail_user (missing domain)', 'Provide the “domain” argument.'],
    ['feature not enabled', 'You do not have the feature “popaccts”.'],
    ['session API disabled by the host', 'Session creation is not permitted.'],
  ])('turns status 0 (%s) into api_error with the server text', async (name, text) => {
    const { fetch } = fakeFetch(() => jsonResponse(uapiExample(name)));
    await expect(callUapi(cpanel, 'Session', 'x', {}, { fetch })).rejects.toMatchObject({
      code: 'api_error',
      message: text,
    });
  });

  it('maps 401 and 403 to auth_failed', async () => {
    for (const status of [401, 403]) {
      const { fetch } = fakeFetch(() => new Response('Access denied', { status }));
      await expect(callUapi(cpanel, 'Email', 'list_pops', {}, { fetch })).rejects.toMatchObject({
        code: 'auth_failed',
      });
    }
  });

  it('maps an HTML login page with status 200 to not_json', async () => {
    const { fetch } = fakeFetch(
      () =>
        new Response('<!doctype html><title>cPanel Login</title>', {
          headers: { 'Content-Type': 'text/html' },
        }),
    );
    const error = await callUapi(cpanel, 'Email', 'list_pops', {}, { fetch }).catch(
      (error: unknown) => error,
    );
    expect(error).toMatchObject({ code: 'not_json' });
    expect(english(error)).toContain('login page');
  });

  it('maps truncated JSON to not_json and JSON of the wrong shape to invalid_response', async () => {
    const truncated = fakeFetch(() => new Response('{"status":1,"da'));
    await expect(callUapi(cpanel, 'Email', 'list_pops', {}, truncated)).rejects.toMatchObject({
      code: 'not_json',
    });
    const wrongShape = fakeFetch(() => jsonResponse({ hello: 'world' }));
    await expect(callUapi(cpanel, 'Email', 'list_pops', {}, wrongShape)).rejects.toMatchObject({
      code: 'invalid_response',
    });
  });

  it('maps HTTP 500 to api_error and a refused connection to network', async () => {
    const failing = fakeFetch(() => new Response('oops', { status: 500 }));
    await expect(callUapi(cpanel, 'Email', 'list_pops', {}, failing)).rejects.toMatchObject({
      code: 'api_error',
    });
    const refused = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(callUapi(cpanel, 'Email', 'list_pops', {}, refused)).rejects.toMatchObject({
      code: 'network',
    });
  });

  it('gives up after the timeout with code timeout', async () => {
    const fetch = ((_url: string, init?: RequestInit) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      })) as typeof globalThis.fetch;
    await expect(callUapi(cpanel, 'Email', 'list_pops', {}, { fetch, timeoutMs: 5 })).rejects.toMatchObject({
      code: 'timeout',
    });
  });

  it('never follows a redirect', async () => {
    const { fetch, calls } = fakeFetch(
      () => new Response(null, { status: 302, headers: { Location: '/login' } }),
    );
    await expect(callUapi(cpanel, 'Email', 'list_pops', {}, { fetch })).rejects.toMatchObject({
      code: 'not_json',
    });
    expect(calls[0]?.init?.redirect).toBe('manual');
  });

  it('keeps the token out of every error message', async () => {
    const { fetch } = fakeFetch(() => new Response('denied', { status: 401 }));
    const error = await callUapi(cpanel, 'Email', 'list_pops', {}, { fetch }).catch((e: Error) => e);
    expect(String((error as Error).message)).not.toContain(cpanel.token);
  });
});

describe('Session functions', () => {
  it('for_self posts to the account host when hostname is null', async () => {
    const example = uapiExample('Session::create_webmail_session_for_mail_user');
    const { fetch, calls } = fakeFetch(() => jsonResponse(example));
    const login = await createWebmailSessionForSelf(cpanel, { fetch });
    expect(calls[0]?.url).toBe(
      'https://server.example.com:2083/execute/Session/create_webmail_session_for_self',
    );
    expect(login.url).toBe('https://server.example.com:2096/cpsess2462418786/login');
  });

  it('for_mail_user sends the local part as login and the domain separately', async () => {
    const { fetch, calls } = fakeFetch(() =>
      jsonResponse(uapiExample('Session::create_webmail_session_for_mail_user')),
    );
    await createWebmailSessionForMailUser(
      cpanel,
      { login: 'info', domain: 'example.com' },
      { fetch, locale: 'pt-BR' },
    );
    const url = new URL(calls[0]?.url ?? '');
    expect(url.pathname).toBe('/execute/Session/create_webmail_session_for_mail_user');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      login: 'info',
      domain: 'example.com',
      locale: 'pt_br',
    });
  });

  it('rejects a malformed locale before calling the server', async () => {
    const { fetch, calls } = fakeFetch(() => jsonResponse({}));
    await expect(createWebmailSessionForSelf(cpanel, { fetch, locale: 'en;rm' })).rejects.toMatchObject({
      code: 'bad_input',
    });
    expect(calls).toHaveLength(0);
  });

  it('refuses a response whose token is unsafe', async () => {
    const { fetch } = fakeFetch(() =>
      jsonResponse({ status: 1, data: { hostname: null, session: 's', token: '/../evil' }, errors: null }),
    );
    await expect(createWebmailSessionForSelf(cpanel, { fetch })).rejects.toMatchObject({
      code: 'invalid_response',
    });
  });
});

describe('Email::list_pops and token verification', () => {
  it('marks the main account and suspended logins', async () => {
    const pops = {
      ...uapiExample('Email::list_pops'),
      data: [
        { email: 'info@example.com', login: 'info@example.com', suspended_login: 1, suspended_incoming: 0 },
        { email: 'demo', login: 'Main Account', suspended_login: 0, suspended_incoming: 0 },
      ],
    };
    const { fetch } = fakeFetch(() => jsonResponse(pops));
    expect(await listMailboxes(cpanel, { fetch })).toEqual([
      { email: 'info@example.com', suspended: true },
      { email: 'demo', main: true },
    ]);
  });

  it('verifies a cPanel token with list_pops', async () => {
    const { fetch, calls } = fakeFetch(() => jsonResponse(uapiExample('Email::list_pops')));
    expect(await verifyCredentials(cpanel, { fetch })).toEqual({ mailboxes: 2 });
    expect(calls[0]?.url).toContain('/execute/Email/list_pops');
  });

  it('verifies a WHM token with version and the whm header', async () => {
    const { fetch, calls } = fakeFetch(() => jsonResponse(vendorExamples.whm_api1.version));
    const whm: Credentials = { ...cpanel, kind: 'whm', port: 2087, username: 'root' };
    expect(await verifyCredentials(whm, { fetch })).toEqual({ whmVersion: '11.136.0.4' });
    expect(calls[0]?.url).toBe('https://server.example.com:2087/json-api/version?api.version=1');
    expect(new Headers(calls[0]?.init?.headers).get('Authorization')).toMatch(/^whm root:/);
  });

  it('reports a WHM failure reason as api_error', async () => {
    const { fetch } = fakeFetch(() =>
      jsonResponse(vendorExamples.whm_api1['create_user_session (unknown user)']),
    );
    const whm: Credentials = { ...cpanel, kind: 'whm', port: 2087 };
    await expect(verifyCredentials(whm, { fetch })).rejects.toMatchObject({
      code: 'api_error',
      message: 'You cannot create a session for the user “nobody” because they do not exist.',
    });
  });
});
