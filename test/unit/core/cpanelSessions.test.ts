import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { accountInputSchema } from '../../../src/core/accountInput';
import { AccountRepository } from '../../../src/core/accounts';
import { CpanelSessions } from '../../../src/core/cpanelSessions';
import { Directory } from '../../../src/core/directory';
import { Keyring } from '../../../src/core/keyring';
import { Launcher } from '../../../src/core/launcher';
import { MemoryStore } from '../../../src/core/memoryStore';
import { Openers } from '../../../src/core/openers';
import { Recents } from '../../../src/core/recents';
import { jsonResponse } from '../../support/fakeFetch';
import { routedFetch, uapiOk, whmOk } from '../../support/routedFetch';
import { TEST_TOKEN } from '../../support/tokens';

const LOGIN = { url: 'https://a.example.com:2083/cpsess5163408416/login', session: 'root:xyz,0123' };
const TEMP_PATH = '/cpsess5163408416/execute/Session/create_temp_user';
const LOGIN_PAGE = () =>
  new Response('<html><body>Log in</body></html>', { headers: { 'Content-Type': 'text/html' } });

function setup(answer: unknown = uapiOk({ created: 1, session_temp_user: 'cpses_reviY3ZSQK' })) {
  const store = new MemoryStore();
  const { fetch, calls } = routedFetch({ [TEMP_PATH]: answer });
  return { store, calls, sessions: new CpanelSessions(store, { fetch }) };
}

describe('CpanelSessions', () => {
  it('remembers a session by tab in its store and lists it without the security token', async () => {
    const { store, sessions } = setup();
    await sessions.remember(7, 'acc1', 'demo', LOGIN);
    expect(await sessions.list()).toEqual([{ tabId: 7, accountId: 'acc1', user: 'demo' }]);
    expect(store.data.get('cpanelSessions')).toEqual({
      7: {
        tabId: 7,
        accountId: 'acc1',
        user: 'demo',
        host: 'a.example.com',
        port: 2083,
        securityToken: '/cpsess5163408416',
      },
    });
    expect(JSON.stringify(await sessions.list())).not.toContain('cpsess');
  });

  it('takes port 443 for a service subdomain and ignores a login URL of another shape', async () => {
    const { store, sessions } = setup();
    await sessions.remember(1, 'a', 'demo', { ...LOGIN, url: 'https://cpanel.example.com/cpsess1/login' });
    await sessions.remember(2, 'a', 'demo', { ...LOGIN, url: 'https://a.example.com:2083/login' });
    const stored = store.data.get('cpanelSessions') as Record<string, { port: number }>;
    expect(Object.keys(stored)).toEqual(['1']);
    expect(stored[1]?.port).toBe(443);
  });

  it('forgets a closed tab, and writes nothing for a tab it never knew', async () => {
    const { store, sessions } = setup();
    await sessions.remember(7, 'acc1', 'demo', LOGIN);
    await sessions.remember(8, 'acc1', 'shop', LOGIN);
    await sessions.forget(7);
    expect((await sessions.list()).map((s) => s.tabId)).toEqual([8]);
    let writes = 0;
    const set = store.set.bind(store);
    store.set = async (key, value) => {
      writes++;
      await set(key, value);
    };
    await sessions.forget(99);
    expect(writes).toBe(0);
  });

  it('creates a temporary user at /cpsessN/execute/… with the browser’s cookie and no Authorization', async () => {
    const { sessions, calls } = setup();
    await sessions.remember(7, 'acc1', 'demo', LOGIN);
    expect(await sessions.tempUser(7)).toEqual({ user: 'cpses_reviY3ZSQK' });
    expect(calls[0]?.url).toBe(`https://a.example.com:2083${TEMP_PATH}`);
    const headers = new Headers(calls[0]?.init?.headers);
    expect(headers.get('Authorization')).toBeNull();
    expect(headers.get('Cookie')).toBeNull();
    expect(calls[0]?.init?.credentials).toBe('include');
    expect(await sessions.list()).toHaveLength(1);
  });

  it.each([
    ['created: 0 (outside a session)', uapiOk({ created: 0 })],
    ['the login page (the session expired)', LOGIN_PAGE],
    ['a refusal', () => jsonResponse({}, 401)],
  ])('on %s says the session ended and forgets it', async (_, answer) => {
    const { sessions } = setup(answer);
    await sessions.remember(7, 'acc1', 'demo', LOGIN);
    await expect(sessions.tempUser(7)).rejects.toMatchObject({
      code: 'not_found',
      key: 'error_cpanel_session_ended',
      args: ['demo'],
    });
    expect(await sessions.list()).toEqual([]);
  });

  it('keeps the session on other failures (a server error is not the end of the session)', async () => {
    const { sessions } = setup(() => new Response('oops', { status: 500 }));
    await sessions.remember(7, 'acc1', 'demo', LOGIN);
    await expect(sessions.tempUser(7)).rejects.toMatchObject({ code: expect.any(String) });
    expect(await sessions.list()).toHaveLength(1);
  });

  it('answers not_found for a tab it does not know', async () => {
    const { sessions, calls } = setup();
    await expect(sessions.tempUser(3)).rejects.toMatchObject({
      code: 'not_found',
      key: 'error_cpanel_session_gone',
    });
    expect(calls).toHaveLength(0);
  });
});

describe('Openers with CpanelSessions', () => {
  it('notes the cPanel sessions it opens, not WHM or Webmail ones', async () => {
    const store = new MemoryStore();
    const accounts = new AccountRepository(store, new Keyring(store, new MemoryStore()));
    const { fetch } = routedFetch({
      '/json-api/create_user_session': (url: URL) =>
        whmOk({
          cp_security_token: '/cpsess5163408416',
          expires: 1,
          service: url.searchParams.get('service'),
          session: 'root:xyz:create_user_session,0123',
          url: 'https://w.example.com:2087/cpsess5163408416/login/?session=root%3axyz',
        }),
    });
    let nextTab = 40;
    const launcher = new Launcher(
      { open: async () => nextTab++, reveal: async () => true },
      (id) => `ext://launch#${id}`,
    );
    const hostAccess = { has: async () => true };
    const sessions = new CpanelSessions(new MemoryStore());
    const openers = new Openers({
      accounts,
      launcher,
      hostAccess,
      recents: new Recents(store),
      directory: new Directory({ accounts, hostAccess, store, transport: { fetch } }),
      cpanelSessions: sessions,
      transport: { fetch },
    });
    const id = await accounts.add(
      v.parse(accountInputSchema, {
        kind: 'whm',
        host: 'w.example.com',
        username: 'root',
        token: TEST_TOKEN,
      }),
    );
    const { tabId } = await openers.openSession({ accountId: id, service: 'cpaneld', user: 'Demo' });
    await openers.openSession({ accountId: id, service: 'whostmgrd' });
    await openers.openSession({ accountId: id, service: 'webmaild', user: 'info@example.com' });
    expect(await sessions.list()).toEqual([{ tabId, accountId: id, user: 'demo' }]);
    // A double click is answered with the same tab and notes nothing twice.
    await openers.openSession({ accountId: id, service: 'cpaneld', user: 'demo' });
    expect(await sessions.list()).toHaveLength(1);
  });
});
