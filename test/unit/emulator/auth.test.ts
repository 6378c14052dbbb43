import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_TOKEN,
  HTTP_TEXT,
  RESELLER_TOKEN,
  ROOT_TOKEN,
  type RunningEmulator,
  SHOP_TOKEN,
  SLEEPY_TOKEN,
  startEmulator,
} from '../../emulator/index';
import { basicAuth, call, cpanelAuth, whmAuth } from './helpers';

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ address: '127.0.0.202' });
});
afterAll(() => emu.close());

const uapiPath = '/execute/DomainInfo/list_domains';
const whmPath = '/json-api/version?api.version=1';

function get(port: number, path: string, authorization?: string) {
  return call(emu, port, path, { headers: authorization ? { Authorization: authorization } : {} });
}

describe('UAPI (2083) authentication', () => {
  it.each([
    ['a cPanel API token', cpanelAuth('demo', DEMO_TOKEN)],
    ['a Basic password', basicAuth('demo', 'Demo-pass-1')],
    ['a scheme name in another case', `CPANEL demo:${DEMO_TOKEN}`],
  ])('accepts %s', async (_label, authorization) => {
    const reply = await get(2083, uapiPath, authorization);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(reply.body).data.main_domain).toBe('example.com');
  });

  it('answers for the account the token belongs to', async () => {
    const reply = await get(2083, uapiPath, cpanelAuth('shop', SHOP_TOKEN));
    expect(JSON.parse(reply.body).data.main_domain).toBe('shop.test');
  });

  it.each([
    ['a wrong token', cpanelAuth('demo', 'WRONGTOKEN0000000000000000000000')],
    ["another account's token", cpanelAuth('demo', SHOP_TOKEN)],
    ['an unknown user', cpanelAuth('ghost', DEMO_TOKEN)],
    ['a wrong password', basicAuth('demo', 'nope')],
    ['a WHM token', whmAuth('root', ROOT_TOKEN)],
    ['a cpanel scheme without a colon', `cpanel demo${DEMO_TOKEN}`],
    ['an unknown scheme', `Bearer ${DEMO_TOKEN}`],
  ])('rejects %s with 401 text/plain and a Basic challenge', async (_label, authorization) => {
    const reply = await get(2083, uapiPath, authorization);
    expect(reply.status).toBe(401);
    expect(reply.headers['content-type']).toMatch(/^text\/plain/);
    expect(reply.headers['www-authenticate']).toBe('Basic realm="cPanel"');
    expect(reply.body).toBe(HTTP_TEXT.accessDenied);
    expect(() => JSON.parse(reply.body)).toThrow();
  });

  it("rejects a suspended account's token (and password) with 403 text/plain", async () => {
    for (const authorization of [cpanelAuth('sleepy', SLEEPY_TOKEN), basicAuth('sleepy', 'Sleepy-pass-1')]) {
      const reply = await get(2083, uapiPath, authorization);
      expect(reply.status).toBe(403);
      expect(reply.headers['content-type']).toMatch(/^text\/plain/);
      expect(reply.body).toBe(HTTP_TEXT.accountSuspended);
    }
  });

  it('follows the live fixture: suspending an account turns its token away at once', async () => {
    const demo = emu.fixture.accounts.find((a) => a.user === 'demo');
    if (!demo) throw new Error('no demo');
    demo.suspended = true;
    try {
      expect((await get(2083, uapiPath, cpanelAuth('demo', DEMO_TOKEN))).status).toBe(403);
    } finally {
      demo.suspended = false;
    }
    expect((await get(2083, uapiPath, cpanelAuth('demo', DEMO_TOKEN))).status).toBe(200);
  });

  it('serves the HTML login page (200) when no Authorization header is sent at all', async () => {
    const reply = await get(2083, uapiPath);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    expect(reply.body).toContain('<title>cPanel Login</title>');
    expect(reply.body).toContain('<form');
  });
});

describe('WHM (2087) authentication', () => {
  it.each([
    ['a root token', whmAuth('root', ROOT_TOKEN)],
    ['a reseller token', whmAuth('reseller1', RESELLER_TOKEN)],
    ['a Basic password', basicAuth('root', 'Root-pass-1')],
  ])('accepts %s', async (_label, authorization) => {
    const reply = await get(2087, whmPath, authorization);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body).data.version).toBe('11.136.0.4');
  });

  it.each([
    ['a wrong token', whmAuth('root', RESELLER_TOKEN)],
    ['an unknown WHM user', whmAuth('ghost', ROOT_TOKEN)],
    ['a cPanel token', cpanelAuth('demo', DEMO_TOKEN)],
  ])("rejects %s with WHM's 403: text/plain with the cpanelresult body", async (_label, authorization) => {
    const reply = await get(2087, whmPath, authorization);
    expect(reply.status).toBe(403);
    expect(reply.headers['content-type']).toMatch(/^text\/plain/);
    expect(JSON.parse(reply.body)).toEqual(HTTP_TEXT.whmAccessDenied);
  });

  it('rejects a wrong Basic password with 401 and a challenge', async () => {
    const reply = await get(2087, whmPath, basicAuth('root', 'nope'));
    expect(reply.status).toBe(401);
    expect(reply.headers['content-type']).toMatch(/^text\/plain/);
    expect(reply.headers['www-authenticate']).toBe('Basic realm="cPanel"');
  });

  it('rejects a cPanel account password on WHM', async () => {
    expect((await get(2087, whmPath, basicAuth('demo', 'Demo-pass-1'))).status).toBe(401);
  });

  it('serves the HTML login page (200) when no Authorization header is sent at all', async () => {
    const reply = await get(2087, whmPath);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    expect(reply.body).toContain('<title>cPanel Login</title>');
  });
});

describe('Webmail (2096)', () => {
  it('has no API: /execute/ with a token is not found there', async () => {
    const reply = await get(2096, uapiPath, cpanelAuth('demo', DEMO_TOKEN));
    expect(reply.status).toBe(404);
  });
});
