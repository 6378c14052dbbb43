import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Credentials } from '../../../src/cpanel/credentials';
import { createTempUser } from '../../../src/cpanel/tempUser';
import { callUapi } from '../../../src/cpanel/uapi';
import { createUserSession } from '../../../src/cpanel/whmSession';
import { DEMO_TOKEN, ROOT_TOKEN, type RunningEmulator, startEmulator } from '../../emulator';
import { insecureFetch } from '../../support/insecureFetch';

const ADDRESS = '127.0.0.61';
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ address: ADDRESS });
});
afterAll(() => emu?.close());

const root: Credentials = { kind: 'whm', host: ADDRESS, port: 2087, username: 'root', token: ROOT_TOKEN };
const demo: Credentials = { kind: 'cpanel', host: ADDRESS, port: 2083, username: 'demo', token: DEMO_TOKEN };

/** A real cPanel browser session: WHM create_user_session, then the login POST the launch page makes. */
async function cpanelSession(): Promise<{ securityToken: string; cookie: string }> {
  const login = await createUserSession(root, { user: 'demo', service: 'cpaneld' }, { fetch: insecureFetch });
  const reply = await insecureFetch(login.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ session: login.session, ...login.fields }).toString(),
  });
  expect(reply.status).toBe(302);
  const cookie = reply.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('cpsession='));
  if (!cookie) throw new Error('the login set no cpsession cookie');
  const securityToken = /^https:\/\/[^/]+(\/cpsess\d+)\/login$/.exec(login.url)?.[1];
  if (!securityToken) throw new Error(`unexpected login URL ${login.url}`);
  return { securityToken, cookie };
}

describe('Session::create_temp_user against the emulator', () => {
  it('creates a cpses_ user inside a cPanel session', async () => {
    const { securityToken, cookie } = await cpanelSession();
    const result = await createTempUser(
      { host: ADDRESS, port: 2083, securityToken, cookie },
      { fetch: insecureFetch },
    );
    expect(result.created).toBe(true);
    expect(result.user).toMatch(/^cpses_/);
    const request = emu.requests.find((r) => r.path === `${securityToken}/execute/Session/create_temp_user`);
    expect(request?.authScheme).toBeNull();
  });

  it('creates nothing outside a session (token auth)', async () => {
    const data = await callUapi(demo, 'Session', 'create_temp_user', {}, { fetch: insecureFetch });
    expect(data).toEqual({ created: 0 });
  });

  it('gets the login page, hence not_json, without a valid cookie', async () => {
    const { securityToken } = await cpanelSession();
    await expect(
      createTempUser(
        { host: ADDRESS, port: 2083, securityToken, cookie: 'cpsession=not-a-session' },
        { fetch: insecureFetch },
      ),
    ).rejects.toMatchObject({ code: 'not_json' });
  });
});
