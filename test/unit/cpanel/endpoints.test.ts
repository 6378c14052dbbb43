import { describe, expect, it } from 'vitest';
import type { Credentials } from '../../../src/cpanel/credentials';
import { SERVICE_PORT, serviceEndpoint, webmailEndpoint } from '../../../src/cpanel/endpoints';
import {
  createWebmailSessionForMailUser,
  createWebmailSessionForSelf,
  createWebmailSessionWithPassword,
} from '../../../src/cpanel/session';
import { fakeFetch, jsonResponse } from '../../support/fakeFetch';
import { TEST_TOKEN } from '../../support/tokens';
import { uapiExample } from '../../support/vendorExamples';

describe('serviceEndpoint', () => {
  it('maps cpanel.example.com on 443 to the webmail proxy subdomain', () => {
    expect(webmailEndpoint('cpanel.example.com', 443)).toEqual({ host: 'webmail.example.com', port: 443 });
  });

  it('maps whm.example.com on 443 to every service subdomain', () => {
    expect(serviceEndpoint('whm.example.com', 443, 'cpaneld')).toEqual({
      host: 'cpanel.example.com',
      port: 443,
    });
    expect(serviceEndpoint('whm.example.com', 443, 'webmaild')).toEqual({
      host: 'webmail.example.com',
      port: 443,
    });
    expect(serviceEndpoint('WHM.Example.com', 443, 'whostmgrd')).toEqual({
      host: 'whm.example.com',
      port: 443,
    });
  });

  it.each([
    ['server.example.com', 2083],
    ['cpanel.example.com', 2083],
    ['server.example.com', 443],
    ['webmail.example.com', 443],
    ['mycpanel.example.com', 443],
    ['cpanel', 443],
    ['127.0.0.1', 443],
  ])('keeps %s:%i on the service port', (host, port) => {
    expect(webmailEndpoint(host, port)).toEqual({ host, port: 2096 });
    expect(serviceEndpoint(host, port, 'cpaneld')).toEqual({ host, port: 2083 });
    expect(serviceEndpoint(host, port, 'whostmgrd')).toEqual({ host, port: 2087 });
  });

  it('names the documented service ports', () => {
    expect(SERVICE_PORT).toEqual({ webmaild: 2096, cpaneld: 2083, whostmgrd: 2087 });
  });
});

describe('Session functions behind proxy subdomains', () => {
  const proxied: Credentials = {
    kind: 'cpanel',
    host: 'cpanel.example.com',
    port: 443,
    username: 'demo',
    token: TEST_TOKEN,
  };
  const direct: Credentials = { ...proxied, host: 'server.example.com', port: 2083 };
  // hostname is "hostname.example.com": the server's own name, which the proxy hides.
  const withHostname = uapiExample('Session::create_webmail_session_for_self');
  const withoutHostname = uapiExample('Session::create_webmail_session_for_mail_user');

  const runners = {
    for_self: (c: Credentials, fetch: typeof globalThis.fetch) => createWebmailSessionForSelf(c, { fetch }),
    for_mail_user: (c: Credentials, fetch: typeof globalThis.fetch) =>
      createWebmailSessionForMailUser(c, { login: 'info', domain: 'example.com' }, { fetch }),
    check_password: (c: Credentials, fetch: typeof globalThis.fetch) =>
      createWebmailSessionWithPassword(c, { login: 'info', domain: 'example.com' }, 'secret', { fetch }),
  };

  for (const [name, run] of Object.entries(runners)) {
    it(`${name}: cpanel.example.com:443 opens webmail.example.com even when hostname is set`, async () => {
      for (const example of [withHostname, withoutHostname]) {
        const { fetch, calls } = fakeFetch(() => jsonResponse(example));
        const login = await run(proxied, fetch);
        expect(calls[0]?.url.startsWith('https://cpanel.example.com:443/execute/Session/')).toBe(true);
        expect(login.url).toBe('https://webmail.example.com/cpsess2462418786/login');
      }
    });

    it(`${name}: a direct account keeps the response hostname, else the account host, on 2096`, async () => {
      const named = fakeFetch(() => jsonResponse(withHostname));
      expect((await run(direct, named.fetch)).url).toBe(
        'https://hostname.example.com:2096/cpsess2462418786/login',
      );
      const unnamed = fakeFetch(() => jsonResponse(withoutHostname));
      expect((await run(direct, unnamed.fetch)).url).toBe(
        'https://server.example.com:2096/cpsess2462418786/login',
      );
    });
  }

  it('still refuses an unsafe token behind the proxy', async () => {
    const { fetch } = fakeFetch(() =>
      jsonResponse({ status: 1, data: { hostname: null, session: 's', token: '/cpsess1/../x' } }),
    );
    await expect(createWebmailSessionForSelf(proxied, { fetch })).rejects.toMatchObject({
      code: 'invalid_response',
    });
  });
});
