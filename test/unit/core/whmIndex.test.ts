import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/core/memoryStore';
import { LIST_MAX_AGE_MS, WhmIndex, type WhmServer } from '../../../src/core/whmIndex';
import { LauncherError } from '../../../src/cpanel/errors';
import type { WhmAccountRow } from '../../../src/cpanel/whmDirectory';

/** A fake server: `users` accounts with two addresses each, answering after a tick, counting what it is asked. */
class FakeServer implements WhmServer {
  host = 'server.example.com';
  inFlight = 0;
  maxInFlight = 0;
  asked: string[] = [];
  listed = 0;
  failing = new Set<string>();
  extra: Record<string, string[]> = {};
  /** Addresses whose login is suspended. */
  locked = new Set<string>();
  /** Resolves each listPops only when `release()` is called, when set. */
  hold = false;
  readonly #held: (() => void)[] = [];
  constructor(public rows: WhmAccountRow[]) {}

  async listAccounts() {
    this.listed += 1;
    return this.rows.map((row) => ({ ...row }));
  }

  async listPops(user: string) {
    this.asked.push(user);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.hold) await new Promise<void>((resolve) => this.#held.push(resolve));
      else await new Promise((resolve) => setTimeout(resolve, 1));
      if (this.failing.has(user)) throw new LauncherError('api_error', 'The user does not exist.');
      return [`info@${user}.test`, `sales@${user}.test`, ...(this.extra[user] ?? [])].map((email) => ({
        email,
        suspendedLogin: this.locked.has(email),
      }));
    } finally {
      this.inFlight -= 1;
    }
  }

  release(count: number) {
    for (const resolve of this.#held.splice(0, count)) resolve();
  }

  get waiting() {
    return this.#held.length;
  }
}

const rows = (count: number, suspended: number[] = []): WhmAccountRow[] =>
  Array.from({ length: count }, (_, i) => ({
    user: `u${i + 1}`,
    domain: `u${i + 1}.test`,
    owner: 'root',
    suspended: suspended.includes(i + 1),
  }));

function setup(server: FakeServer, store = new MemoryStore(), now = { t: 1_000_000 }) {
  const index = new WhmIndex({ store, server: async () => server, now: () => now.t, flushMs: 1 });
  return { index, store, now };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('WhmIndex', () => {
  it('lists every mailbox of every account, each account own first, never more than 6 lists at once', async () => {
    const server = new FakeServer(rows(40, [3]));
    const { index } = setup(server);
    await index.update('whm');
    const list = await index.mailboxes('whm');
    expect(list).toHaveLength(40 * 3);
    expect(list.slice(0, 3)).toEqual([
      { email: 'u1', main: true, user: 'u1' },
      { email: 'info@u1.test', user: 'u1' },
      { email: 'sales@u1.test', user: 'u1' },
    ]);
    expect(list.filter((m) => m.user === 'u3').every((m) => m.suspended)).toBe(true);
    expect(list.filter((m) => m.suspended)).toHaveLength(3);
    expect(server.maxInFlight).toBe(6);
    expect(await index.status('whm')).toMatchObject({ running: false, done: 40, total: 40, failed: 0 });
  });

  it('shows results and progress while it indexes', async () => {
    const server = new FakeServer(rows(10));
    server.hold = true;
    const { index } = setup(server);
    expect(await index.mailboxes('whm')).toEqual([]);
    await tick();
    expect(await index.status('whm')).toMatchObject({ running: true, done: 0, total: 10 });
    expect(server.waiting).toBe(6);
    server.release(4);
    await tick();
    expect(await index.status('whm')).toMatchObject({ running: true, done: 4, total: 10 });
    const partial = await index.mailboxes('whm');
    expect(partial.filter((m) => !m.main)).toHaveLength(8);
    expect(partial.filter((m) => m.main)).toHaveLength(10);
    server.release(6);
    await index.update('whm');
    expect(await index.status('whm')).toMatchObject({ running: false, done: 10, total: 10 });
  });

  it('marks accounts that fail and lists the rest', async () => {
    const server = new FakeServer(rows(5));
    server.failing.add('u2');
    const { index, now } = setup(server);
    await index.update('whm');
    expect(await index.status('whm')).toMatchObject({ done: 5, total: 5, failed: 1, failedUsers: ['u2'] });
    const list = await index.mailboxes('whm');
    expect(list.filter((m) => !m.main).map((m) => m.user)).not.toContain('u2');
    expect(list.filter((m) => !m.main)).toHaveLength(8);
    // Tried again a minute later, not at once.
    server.failing.clear();
    await index.update('whm');
    expect(server.asked.filter((u) => u === 'u2')).toHaveLength(1);
    now.t += 61_000;
    await index.update('whm');
    expect(server.asked.filter((u) => u === 'u2')).toHaveLength(2);
    expect(await index.status('whm')).toMatchObject({ failed: 0 });
  });

  it('asks again only for lists older than 15 minutes, and for all of them on refresh', async () => {
    const server = new FakeServer(rows(4));
    const { index, now } = setup(server);
    await index.update('whm');
    expect(server.asked).toHaveLength(4);
    await index.update('whm');
    expect(server.asked).toHaveLength(4);
    expect(server.listed).toBe(1);
    now.t += LIST_MAX_AGE_MS + 1;
    server.extra.u1 = ['new@u1.test'];
    await index.update('whm');
    expect(server.asked).toHaveLength(8);
    expect((await index.mailboxes('whm')).map((m) => m.email)).toContain('new@u1.test');
    server.extra.u2 = ['late@u2.test'];
    server.rows.push({ user: 'u5', domain: 'u5.test', owner: 'root', suspended: false });
    await index.update('whm', true);
    expect(server.asked).toHaveLength(13);
    const emails = (await index.mailboxes('whm')).map((m) => m.email);
    expect(emails).toContain('late@u2.test');
    expect(emails).toContain('info@u5.test');
  });

  it('gives the same list while nothing changed, and a new one once an answer changed it', async () => {
    const server = new FakeServer(rows(3));
    const { index, now } = setup(server);
    await index.update('whm');
    const first = await index.known('whm');
    expect(await index.known('whm')).toBe(first);
    expect(await index.mailboxes('whm')).toBe(first);
    now.t += LIST_MAX_AGE_MS + 1;
    server.extra.u3 = ['new@u3.test'];
    await index.update('whm');
    const after = await index.known('whm');
    expect(after).not.toBe(first);
    expect(after.map((m) => m.email)).toContain('new@u3.test');
    expect(first.map((m) => m.email)).not.toContain('new@u3.test');
  });

  it('keeps only the directory in storage, never a token', async () => {
    const server = new FakeServer(rows(3));
    const { index, store } = setup(server);
    await index.update('whm');
    expect([...store.data.keys()].sort()).toEqual(['whmDirectory:whm', 'whmDirectory:whm:0']);
    expect(JSON.stringify([...store.data.values()])).not.toMatch(/token/i);
  });

  it('writes only the chunk of an answer, and drops chunks a shorter list no longer needs', async () => {
    const server = new FakeServer(rows(250));
    const { index, store, now } = setup(server);
    await index.update('whm');
    expect([...store.data.keys()].sort()).toEqual([
      'whmDirectory:whm',
      'whmDirectory:whm:0',
      'whmDirectory:whm:1',
      'whmDirectory:whm:2',
    ]);
    const second = store.data.get('whmDirectory:whm:1') as Record<string, unknown>;
    expect(Object.keys(second)).toHaveLength(100);
    server.rows = rows(120);
    now.t += LIST_MAX_AGE_MS + 1;
    await index.update('whm');
    expect([...store.data.keys()].sort()).toEqual([
      'whmDirectory:whm',
      'whmDirectory:whm:0',
      'whmDirectory:whm:1',
    ]);
    const fresh = setup(server, store).index;
    expect(await fresh.mailboxes('whm')).toHaveLength(120 * 3);
  });

  it('resumes after the worker ends mid-index: what was listed is not asked for again', async () => {
    const server = new FakeServer(rows(20));
    server.hold = true;
    const store = new MemoryStore();
    const { index } = setup(server, store);
    void index.update('whm');
    await tick();
    server.release(6);
    await tick();
    server.release(2);
    await tick();
    await tick();
    // The worker ends here: a new index over the same storage, as after a restart.
    const before = [...server.asked];
    const restarted = new FakeServer(rows(20));
    const second = setup(restarted, store).index;
    const stored = await second.status('whm');
    expect(stored.total).toBe(20);
    await second.resume(['whm']);
    const listedFirst = before.slice(0, 8);
    expect(restarted.asked.some((user) => listedFirst.includes(user))).toBe(false);
    expect(restarted.asked).toHaveLength(12);
    expect(restarted.listed).toBe(0);
    expect((await second.mailboxes('whm')).filter((m) => !m.main)).toHaveLength(40);
  });

  it('shares the limit of 6 between two tokens of the same server', async () => {
    const server = new FakeServer(rows(30));
    const store = new MemoryStore();
    const index = new WhmIndex({ store, server: async () => server, flushMs: 1 });
    await Promise.all([index.update('root'), index.update('reseller')]);
    expect(server.maxInFlight).toBe(6);
  });

  it('finds the owner of an address, then of a domain, from the directory', async () => {
    const server = new FakeServer(rows(3));
    const { index } = setup(server);
    await index.update('whm');
    expect(await index.ownerOf('whm', 'sales@u2.test', 'u2.test')).toBe('u2');
    expect(await index.ownerOf('whm', 'nobody@u3.test', 'u3.test')).toBe('u3');
    expect(await index.ownerOf('whm', 'a@elsewhere.test', 'elsewhere.test')).toBeUndefined();
  });

  it('marks a mailbox whose login is suspended, and only it, until the server lifts it', async () => {
    const server = new FakeServer(rows(2));
    server.locked.add('sales@u2.test');
    const { index, now } = setup(server);
    await index.update('whm');
    const suspended = async () =>
      (await index.mailboxes('whm')).filter((mailbox) => mailbox.suspended).map((mailbox) => mailbox.email);
    expect(await suspended()).toEqual(['sales@u2.test']);
    server.locked.clear();
    now.t += LIST_MAX_AGE_MS + 1;
    await index.update('whm');
    expect(await suspended()).toEqual([]);
  });

  it('forgets an account', async () => {
    const server = new FakeServer(rows(2));
    const { index, store } = setup(server);
    await index.update('whm');
    await index.forget('whm');
    expect(store.data.size).toBe(0);
    expect(await index.known('whm')).toEqual([]);
  });
});
