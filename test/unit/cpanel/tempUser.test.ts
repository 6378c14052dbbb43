import { describe, expect, it } from 'vitest';
import { type CpanelSessionBinding, createTempUser } from '../../../src/cpanel/tempUser';
import { fakeFetch, jsonResponse } from '../../support/fakeFetch';
import { uapiExample } from '../../support/vendorExamples';

const COOKIE = 'cpsession=Zq3LkP0aXb7Yc2WmNd4Re8Tf1Gh5Jk9S';
const binding: CpanelSessionBinding = {
  host: 'server.example.com',
  port: 2083,
  securityToken: '/cpsess2462418786',
  cookie: COOKIE,
};

describe('createTempUser', () => {
  it('calls /cpsessN/execute/… with the session cookie and no Authorization header', async () => {
    const { fetch, calls } = fakeFetch(() =>
      jsonResponse(uapiExample('Session::create_temp_user (inside a cpsess session)')),
    );
    expect(await createTempUser(binding, { fetch })).toEqual({ created: true, user: 'cpses_reviY3ZSQK' });
    expect(calls[0]?.url).toBe(
      'https://server.example.com:2083/cpsess2462418786/execute/Session/create_temp_user',
    );
    const headers = new Headers(calls[0]?.init?.headers);
    expect(headers.get('Authorization')).toBeNull();
    expect(headers.get('Cookie')).toBe(COOKIE);
    expect(calls[0]?.init?.credentials).toBe('include');
    expect(calls[0]?.init?.redirect).toBe('manual');
  });

  it('sends no Cookie header when the browser supplies its own', async () => {
    const { fetch, calls } = fakeFetch(() =>
      jsonResponse(uapiExample('Session::create_temp_user (inside a cpsess session)')),
    );
    await createTempUser({ ...binding, cookie: undefined }, { fetch });
    expect(new Headers(calls[0]?.init?.headers).has('Cookie')).toBe(false);
    expect(calls[0]?.init?.credentials).toBe('include');
  });

  it('reports created false outside a session', async () => {
    const { fetch } = fakeFetch(() =>
      jsonResponse(uapiExample('Session::create_temp_user (outside a session)')),
    );
    expect(await createTempUser(binding, { fetch })).toEqual({ created: false });
  });

  it('maps the login page of an expired session to not_json, without leaking the cookie', async () => {
    const { fetch } = fakeFetch(() => new Response('<!doctype html><title>cPanel Login</title>'));
    const error = await createTempUser(binding, { fetch }).catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'not_json' });
    expect((error as Error).message).not.toContain('Zq3LkP0a');
  });

  it('maps status 0 to api_error and a wrong shape to invalid_response', async () => {
    const failing = fakeFetch(() => jsonResponse(uapiExample('unknown function')));
    await expect(createTempUser(binding, failing)).rejects.toMatchObject({ code: 'api_error' });
    const wrong = fakeFetch(() => jsonResponse({ status: 1, data: { created: 'yes' } }));
    await expect(createTempUser(binding, wrong)).rejects.toMatchObject({ code: 'invalid_response' });
  });

  it.each([
    ['a token without the slash', { securityToken: 'cpsess1' }],
    ['a token with a path', { securityToken: '/cpsess1/../../x' }],
    ['a host with a path', { host: 'evil.com/x' }],
    ['a host with userinfo', { host: 'a@evil.com' }],
    ['a port out of range', { port: 70000 }],
    ['a cookie with a newline', { cookie: 'cpsession=a\r\nX-Evil: 1' }],
  ])('refuses %s as bad_input before any request', async (_name, change) => {
    const { fetch, calls } = fakeFetch(() => jsonResponse({}));
    await expect(createTempUser({ ...binding, ...change }, { fetch })).rejects.toMatchObject({
      code: 'bad_input',
    });
    expect(calls).toHaveLength(0);
  });
});
