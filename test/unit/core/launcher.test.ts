import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { accountInputSchema } from '../../../src/core/accountInput';
import { AccountRepository } from '../../../src/core/accounts';
import { Launcher } from '../../../src/core/launcher';
import { MemoryStore } from '../../../src/core/memoryStore';
import { TokenSealer } from '../../../src/core/sealer';
import { fakeFetch, jsonResponse } from '../../support/fakeFetch';
import { uapiExample } from '../../support/vendorExamples';

const TOKEN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

async function setup(options: { granted?: boolean; respond?: () => Response | Promise<Response> } = {}) {
  const store = new MemoryStore();
  const accounts = new AccountRepository(store, new TokenSealer(store));
  const id = await accounts.add(
    v.parse(accountInputSchema, {
      kind: 'cpanel',
      host: 'server.example.com',
      username: 'demo',
      token: TOKEN,
    }),
  );
  const opened: string[] = [];
  const { fetch, calls } = fakeFetch(
    options.respond ?? (() => jsonResponse(uapiExample('Session::create_webmail_session_for_mail_user'))),
  );
  const launcher = new Launcher({
    accounts,
    tabs: { open: async (url) => opened.push(url) },
    hostAccess: { has: async () => options.granted ?? true },
    launchPageUrl: (launchId) => `chrome-extension://x/launch.html#${launchId}`,
    transport: { fetch },
  });
  return { launcher, id, opened, calls };
}

const launchIdOf = (url: string | undefined) => url?.split('#')[1] ?? '';

describe('Launcher', () => {
  it('opens the launch tab and hands it the login request exactly once', async () => {
    const { launcher, id, opened, calls } = await setup();
    const { tabId } = await launcher.openWebmail({ accountId: id, email: 'info@example.com' });
    expect(tabId).toBe(1);
    expect(opened[0]).not.toContain('session');
    expect(new URL(calls[0]?.url ?? '').searchParams.get('login')).toBe('info');
    const login = await launcher.claim(launchIdOf(opened[0]));
    expect(login.url).toBe('https://server.example.com:2096/cpsess2462418786/login');
    await expect(launcher.claim(launchIdOf(opened[0]))).rejects.toMatchObject({ code: 'not_found' });
  });

  it('uses for_self when no mailbox is given', async () => {
    const { launcher, id, calls } = await setup();
    await launcher.openWebmail({ accountId: id });
    expect(calls[0]?.url).toContain('/execute/Session/create_webmail_session_for_self');
  });

  it('makes one API call and one tab for two quick clicks on the same target', async () => {
    const { launcher, id, opened, calls } = await setup();
    const [first, second] = await Promise.all([
      launcher.openWebmail({ accountId: id, email: 'info@example.com' }),
      launcher.openWebmail({ accountId: id, email: 'INFO@example.com' }),
    ]);
    expect(first).toEqual(second);
    expect(opened).toHaveLength(1);
    expect(calls).toHaveLength(1);
  });

  it('answers permission_denied without calling the server when host access is missing', async () => {
    const { launcher, id, opened, calls } = await setup({ granted: false });
    await expect(launcher.openWebmail({ accountId: id })).rejects.toMatchObject({
      code: 'permission_denied',
    });
    expect(opened).toHaveLength(0);
    expect(calls).toHaveLength(0);
  });

  it('rejects a malformed address as bad_input before any tab opens', async () => {
    const { launcher, id, opened } = await setup();
    await expect(launcher.openWebmail({ accountId: id, email: 'info' })).rejects.toMatchObject({
      code: 'bad_input',
    });
    expect(opened).toHaveLength(0);
  });

  it('passes an API failure to both the caller and the launch page', async () => {
    const { launcher, id, opened } = await setup({ respond: () => new Response('denied', { status: 401 }) });
    await expect(launcher.openWebmail({ accountId: id })).rejects.toMatchObject({ code: 'auth_failed' });
    await expect(launcher.claim(launchIdOf(opened[0]))).rejects.toMatchObject({ code: 'auth_failed' });
  });
});
