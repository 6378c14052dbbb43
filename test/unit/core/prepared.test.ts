import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { accountInputSchema } from '../../../src/core/accountInput';
import { AccountRepository } from '../../../src/core/accounts';
import { Directory } from '../../../src/core/directory';
import { Keyring } from '../../../src/core/keyring';
import { Launcher } from '../../../src/core/launcher';
import { MemoryStore } from '../../../src/core/memoryStore';
import { Openers } from '../../../src/core/openers';
import { PREPARED_MAX, PREPARED_TTL_MS, PreparedSessions } from '../../../src/core/prepared';
import { Recents } from '../../../src/core/recents';
import type { LoginRequest } from '../../../src/cpanel/login';
import { routedFetch, uapiOk, whmOk } from '../../support/routedFetch';
import { TEST_TOKEN } from '../../support/tokens';

const login = (n: number): LoginRequest => ({
  url: `https://h.example.com:2096/cpsess${n}/login`,
  session: `s${n}`,
});

function fakeClock() {
  const clock = { now: 0, timers: [] as { at: number; run: () => void }[] };
  const advance = (ms: number) => {
    clock.now += ms;
    for (const timer of clock.timers.filter((t) => t.at <= clock.now)) timer.run();
    clock.timers = clock.timers.filter((t) => t.at > clock.now);
  };
  const schedule = (run: () => void, ms: number) => void clock.timers.push({ at: clock.now + ms, run });
  return { clock, advance, now: () => clock.now, schedule };
}

function counting() {
  let n = 0;
  const create = async () => login(++n);
  return { create, calls: () => n };
}

describe('PreparedSessions', () => {
  it('makes one session per target: a second prepare is free', async () => {
    const { now, schedule } = fakeClock();
    const prepared = new PreparedSessions({ now, schedule });
    const { create, calls } = counting();
    await Promise.all([prepared.prepare('a', 'acc', create), prepared.prepare('a', 'acc', create)]);
    await prepared.prepare('a', 'acc', create);
    expect(calls()).toBe(1);
    expect(await prepared.take('a')).toEqual(login(1));
  });

  it('hands a session out at most once', async () => {
    const prepared = new PreparedSessions();
    const { create } = counting();
    await prepared.prepare('a', 'acc', create);
    expect(prepared.take('a')).toBeDefined();
    expect(prepared.take('a')).toBeUndefined();
  });

  it('hands out a session still on its way, so a quick click shares its call', async () => {
    const prepared = new PreparedSessions();
    let answer: (value: LoginRequest) => void = () => undefined;
    void prepared.prepare('a', 'acc', () => new Promise((resolve) => (answer = resolve)));
    const taken = prepared.take('a');
    answer(login(7));
    expect(await taken).toEqual(login(7));
  });

  it('drops a session 4 minutes after it was asked for, by the clock and by the timer', async () => {
    const { advance, now, schedule, clock } = fakeClock();
    const prepared = new PreparedSessions({ now, schedule });
    const { create, calls } = counting();
    await prepared.prepare('a', 'acc', create);
    advance(PREPARED_TTL_MS - 1);
    expect(prepared.has('a')).toBe(true);
    advance(1);
    expect(prepared.has('a')).toBe(false);
    expect(prepared.take('a')).toBeUndefined();
    // Without looking (the timer alone): the memory is freed.
    await prepared.prepare('b', 'acc', create);
    clock.now += PREPARED_TTL_MS;
    expect(prepared.size).toBe(0);
    // After expiry a prepare makes a new session.
    await prepared.prepare('a', 'acc', create);
    expect(calls()).toBe(3);
  });

  it('keeps a few targets, pushing out the one least recently prepared', async () => {
    const prepared = new PreparedSessions();
    const { create } = counting();
    for (let i = 0; i < PREPARED_MAX; i++) await prepared.prepare(`t${i}`, 'acc', create);
    // t0 asked for again: t1 becomes the oldest.
    await prepared.prepare('t0', 'acc', create);
    await prepared.prepare('new', 'acc', create);
    expect(prepared.size).toBe(PREPARED_MAX);
    expect(prepared.has('t0')).toBe(true);
    expect(prepared.has('t1')).toBe(false);
    expect(prepared.has('new')).toBe(true);
  });

  it('leaves nothing behind when the creation failed, so the next prepare tries again', async () => {
    const prepared = new PreparedSessions();
    await prepared.prepare('a', 'acc', () => Promise.reject(new Error('down')));
    expect(prepared.has('a')).toBe(false);
    const { create, calls } = counting();
    await prepared.prepare('a', 'acc', create);
    expect(calls()).toBe(1);
  });

  it('forgets one account’s sessions, or all of them, even those still on their way', async () => {
    const prepared = new PreparedSessions();
    const { create } = counting();
    await prepared.prepare('a', 'one', create);
    await prepared.prepare('b', 'two', create);
    prepared.forgetAccount('one');
    expect(prepared.has('a')).toBe(false);
    expect(prepared.has('b')).toBe(true);
    let answer: (value: LoginRequest) => void = () => undefined;
    const pending = prepared.prepare('c', 'two', () => new Promise((resolve) => (answer = resolve)));
    prepared.clear();
    answer(login(9));
    await pending;
    expect(prepared.size).toBe(0);
    expect(prepared.take('c')).toBeUndefined();
  });
});

const TOKEN = TEST_TOKEN;
const webmailSession = uapiOk({ hostname: null, session: 'u:abc:T,0123', token: '/cpsess1234567890' });

async function setup() {
  const store = new MemoryStore();
  const accounts = new AccountRepository(store, new Keyring(store, new MemoryStore()));
  const { fetch, calls } = routedFetch({
    '/execute/Session/create_webmail_session_for_self': webmailSession,
    '/execute/Session/create_webmail_session_for_mail_user': webmailSession,
    '/json-api/create_user_session': whmOk({
      cp_security_token: '/cpsess5163408416',
      expires: 1,
      service: 'webmaild',
      session: 'root:xyz:create_user_session,0123',
      url: 'https://w.example.com:2087/cpsess5163408416/login/?session=root%3axyz',
    }),
  });
  const opened: string[] = [];
  const launcher = new Launcher(
    { open: async (url) => opened.push(url), reveal: async () => false },
    (id) => `ext://launch#${id}`,
  );
  const hostAccess = { has: async () => true };
  const prepared = new PreparedSessions();
  const openers = new Openers({
    accounts,
    launcher,
    hostAccess,
    recents: new Recents(store),
    directory: new Directory({ accounts, hostAccess, store, transport: { fetch } }),
    transport: { fetch },
    prepared,
  });
  const add = (fields: Record<string, unknown>) =>
    accounts.add(
      v.parse(accountInputSchema, {
        kind: 'cpanel',
        host: 'a.example.com',
        username: 'demo',
        token: TOKEN,
        ...fields,
      }),
    );
  const claim = (n: number) => launcher.claim(opened[n]?.split('#')[1] ?? '');
  return { openers, add, calls, claim, prepared };
}

describe('Openers with prepared sessions', () => {
  it('opens a prepared mailbox without another API call, and the next open asks again', async () => {
    const { openers, add, calls, claim } = await setup();
    const id = await add({});
    await openers.prepareWebmail({ accountId: id, email: 'info@example.com' });
    await openers.prepareWebmail({ accountId: id, email: 'INFO@example.com' });
    expect(calls).toHaveLength(1);
    await openers.openWebmail({ accountId: id, email: 'info@example.com' });
    expect(calls).toHaveLength(1);
    expect((await claim(0)).url).toBe('https://a.example.com:2096/cpsess1234567890/login');
    await openers.openWebmail({ accountId: id, email: 'info@example.com' });
    expect(calls).toHaveLength(2);
  });

  it('keeps the account’s own Webmail and a mailbox apart', async () => {
    const { openers, add, calls } = await setup();
    const id = await add({});
    await openers.prepareWebmail({ accountId: id });
    await openers.openWebmail({ accountId: id, email: 'info@example.com' });
    expect(calls.map((call) => new URL(call.url).pathname)).toEqual([
      '/execute/Session/create_webmail_session_for_self',
      '/execute/Session/create_webmail_session_for_mail_user',
    ]);
  });

  it('never prepares for an account that asks for the mailbox password', async () => {
    const { openers, add, calls, prepared } = await setup();
    const id = await add({ askPassword: true });
    await openers.prepareWebmail({ accountId: id, email: 'info@example.com' });
    await openers.prepareWebmail({ accountId: id });
    expect(calls).toHaveLength(0);
    expect(prepared.size).toBe(0);
  });

  it('prepares a WHM mailbox as a webmaild user session', async () => {
    const { openers, add, calls } = await setup();
    const id = await add({ kind: 'whm', username: 'root' });
    await openers.prepareWebmail({ accountId: id, email: 'info@example.com' });
    expect(calls).toHaveLength(1);
    await openers.openSession({ accountId: id, service: 'webmaild', user: 'info@example.com' });
    expect(calls).toHaveLength(1);
  });

  it('hands a prepared login to a page that posts it itself, once, also to two clicks at once', async () => {
    const { openers, add, calls } = await setup();
    const id = await add({});
    await openers.prepareWebmail({ accountId: id, email: 'info@example.com' });
    const [first, second] = await Promise.all([
      openers.takePreparedWebmail({ accountId: id, email: 'Info@example.com' }),
      openers.takePreparedWebmail({ accountId: id, email: 'info@example.com' }),
    ]);
    expect([first, second].filter(Boolean)).toEqual([
      { url: 'https://a.example.com:2096/cpsess1234567890/login', session: 'u:abc:T,0123' },
    ]);
    expect(await openers.takePreparedWebmail({ accountId: id })).toBeUndefined();
    expect(calls).toHaveLength(1);
  });

  it('hands over a prepared WHM mailbox too', async () => {
    const { openers, add } = await setup();
    const id = await add({ kind: 'whm', username: 'root' });
    await openers.prepareWebmail({ accountId: id, email: 'info@example.com' });
    expect(await openers.takePreparedWebmail({ accountId: id })).toBeUndefined();
    expect(await openers.takePreparedWebmail({ accountId: id, email: 'info@example.com' })).toMatchObject({
      url: 'https://a.example.com:2096/cpsess5163408416/login',
      session: 'root:xyz:create_user_session,0123',
    });
  });

  it('asks the server itself when the prepared session failed', async () => {
    const { openers, add, calls, prepared } = await setup();
    const id = await add({});
    await prepared.prepare(`webmail\n${id}\n`, id, () => Promise.reject(new Error('down')));
    await openers.openWebmail({ accountId: id });
    expect(calls).toHaveLength(1);
  });
});
