import { describe, expect, it } from 'vitest';
import type { Credentials } from '../../../src/cpanel/credentials';
import { findDomainOwner, listDomains } from '../../../src/cpanel/domains';
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
const whm: Credentials = { ...cpanel, kind: 'whm', port: 2087, username: 'root' };

function ok(data: unknown) {
  return { data, metadata: { command: 'getdomainowner', reason: 'OK', result: 1, version: 1 } };
}
function fail(reason: string) {
  return { metadata: { command: 'getdomainowner', reason, result: 0, version: 1 } };
}

describe('listDomains', () => {
  it('returns every domain of the documented example', async () => {
    const { fetch, calls } = fakeFetch(() => jsonResponse(uapiExample('DomainInfo::list_domains')));
    expect(await listDomains(cpanel, { fetch })).toEqual([
      'example.com',
      'addondomain.com',
      'subdomain.example.com',
      'parkeddomain.com',
    ]);
    expect(calls[0]?.url).toBe('https://server.example.com:2083/execute/DomainInfo/list_domains');
  });

  it('lower-cases, removes repeats and drops names that cannot be an address domain', async () => {
    const { fetch } = fakeFetch(() =>
      jsonResponse({
        status: 1,
        data: {
          main_domain: 'Example.COM',
          addon_domains: ['example.com', 'Other.org'],
          sub_domains: ['*.example.com', 'blog.example.com'],
          parked_domains: null,
        },
      }),
    );
    expect(await listDomains(cpanel, { fetch })).toEqual(['example.com', 'other.org', 'blog.example.com']);
  });

  it('treats missing lists as empty', async () => {
    const { fetch } = fakeFetch(() => jsonResponse({ status: 1, data: { main_domain: 'example.com' } }));
    expect(await listDomains(cpanel, { fetch })).toEqual(['example.com']);
  });

  it.each([
    ['no main domain', { addon_domains: [] }],
    ['a list of numbers', { main_domain: 'example.com', addon_domains: [1] }],
    ['a string instead of a list', { main_domain: 'example.com', sub_domains: 'a.example.com' }],
    ['null data', null],
  ])('rejects %s as invalid_response', async (_name, data) => {
    const { fetch } = fakeFetch(() => jsonResponse({ status: 1, data }));
    await expect(listDomains(cpanel, { fetch })).rejects.toMatchObject({ code: 'invalid_response' });
  });

  it('passes status 0 on as api_error', async () => {
    const { fetch } = fakeFetch(() => jsonResponse(uapiExample('feature not enabled')));
    await expect(listDomains(cpanel, { fetch })).rejects.toMatchObject({ code: 'api_error' });
  });
});

describe('findDomainOwner', () => {
  it('asks WHM getdomainowner and returns the user', async () => {
    const { fetch, calls } = fakeFetch(() => jsonResponse(ok({ user: 'demo' })));
    expect(await findDomainOwner(whm, ' Example.NET. ', { fetch })).toBe('demo');
    expect(calls[0]?.url).toBe(
      'https://server.example.com:2087/json-api/getdomainowner?api.version=1&domain=example.net',
    );
  });

  it.each([
    ['success with a null user (Whostmgr/API/1/Accounts.pm)', ok({ user: null })],
    ['success with an empty user', ok({ user: '' })],
    ['success without a user', ok({})],
  ])('resolves undefined for %s', async (_name, body) => {
    const { fetch } = fakeFetch(() => jsonResponse(body));
    expect(await findDomainOwner(whm, 'nowhere.test', { fetch })).toBeUndefined();
  });

  it.each([
    ['a missing argument', fail('Provide the “domain” argument.')],
    [
      'a “does not exist” text (a stock server never sends it)',
      fail('The domain “nowhere.test” does not exist.'),
    ],
    [
      'an unknown function',
      fail('Unknown app (“getdomainowner”) requested for this version (1) of the API.'),
    ],
  ])('throws api_error for %s', async (_name, body) => {
    const { fetch } = fakeFetch(() => jsonResponse(body));
    await expect(findDomainOwner(whm, 'example.com', { fetch })).rejects.toMatchObject({ code: 'api_error' });
  });

  it('throws on a rejected token and on a malformed answer', async () => {
    const denied = fakeFetch(() => new Response('{"cpanelresult":{}}', { status: 403 }));
    await expect(findDomainOwner(whm, 'example.com', denied)).rejects.toMatchObject({ code: 'auth_failed' });
    const malformed = fakeFetch(() => jsonResponse(ok({ user: 42 })));
    await expect(findDomainOwner(whm, 'example.com', malformed)).rejects.toMatchObject({
      code: 'invalid_response',
    });
  });

  it('refuses a malformed domain before calling the server', async () => {
    const { fetch, calls } = fakeFetch(() => jsonResponse(ok({ user: 'demo' })));
    await expect(findDomainOwner(whm, 'exa mple.com', { fetch })).rejects.toMatchObject({
      code: 'bad_input',
    });
    expect(calls).toHaveLength(0);
  });
});
