import { describe, expect, it, vi } from 'vitest';
import { MemoryStore } from '../../../src/core/memoryStore';
import { TEST_TOKEN } from '../../support/tokens';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { CACHE_KEY, ManagedPolicy } = await import('../../../src/background/managedPolicy');

const TOKEN = TEST_TOKEN;
const policy = {
  accounts: [{ host: 'server.example.com', username: 'company', token: TOKEN }],
  autoLockMinutes: 5,
};

/** A managed-storage read that answers only when the test says so, like Chromium's first read. */
function pendingRead() {
  let answer: (value: Record<string, unknown>) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const read = vi.fn(
    () =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        answer = resolve;
        fail = reject;
      }),
  );
  return { read, answer: (value: Record<string, unknown>) => answer(value), fail: (e: Error) => fail(e) };
}

describe('ManagedPolicy', () => {
  it('lists from the last known copy at once while the first read is still under way', async () => {
    const store = new MemoryStore();
    await store.set(CACHE_KEY, { accounts: [{ host: 'old.example.com', username: 'old', hasToken: true }] });
    const { read, answer } = pendingRead();
    // A wait that would never end: the cached copy must not need it.
    const managed = new ManagedPolicy(store, read, 60_000);
    const listed = await managed.forListing();
    expect(listed).toEqual({ accounts: [{ host: 'old.example.com', username: 'old', hasToken: true }] });
    expect(read).toHaveBeenCalledTimes(1);

    answer(policy);
    await managed.full();
    // The copy is refreshed in the background, without the token; later lists use it from memory.
    const stored = await store.get<typeof policy>(CACHE_KEY);
    expect(JSON.stringify(stored)).not.toContain(TOKEN);
    expect(stored?.accounts[0]).toMatchObject({ username: 'company', hasToken: true });
    expect(await managed.forListing()).toMatchObject({ autoLockMinutes: 5, accounts: [{ hasToken: true }] });
    expect(JSON.stringify(await managed.forListing())).not.toContain(TOKEN);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('signing in waits for the read and gets the token', async () => {
    const store = new MemoryStore();
    await store.set(CACHE_KEY, {});
    const { read, answer } = pendingRead();
    const managed = new ManagedPolicy(store, read);
    const full = managed.full();
    answer(policy);
    expect(await full).toEqual(policy);
  });

  it('on the very first start waits once, briefly, for the read, then lists nothing', async () => {
    vi.useFakeTimers();
    try {
      const store = new MemoryStore();
      const { read, answer } = pendingRead();
      const managed = new ManagedPolicy(store, read, 250);
      const listed = managed.forListing();
      await vi.advanceTimersByTimeAsync(250);
      expect(await listed).toEqual({});
      // The wait is paid once: later lists show nothing at once until the read lands.
      expect(await managed.forListing()).toEqual({});
      answer(policy);
      await vi.advanceTimersByTimeAsync(0);
      expect(await store.get(CACHE_KEY)).toMatchObject({ autoLockMinutes: 5 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('on the very first start uses a read that answers in time', async () => {
    const store = new MemoryStore();
    const managed = new ManagedPolicy(store, async () => policy, 60_000);
    expect(await managed.forListing()).toEqual(policy);
  });

  it('treats a failed read (no managed storage) as no policy, and remembers that', async () => {
    const store = new MemoryStore();
    const { read, fail } = pendingRead();
    const managed = new ManagedPolicy(store, read, 60_000);
    const full = managed.full();
    fail(new Error('Managed storage manifest not found'));
    expect(await full).toEqual({});
    expect(await store.get(CACHE_KEY)).toEqual({});
    expect(await managed.forListing()).toEqual({});
  });

  it('prefers a read that lands while the stored copy is being read', async () => {
    const store = new MemoryStore();
    await store.set(CACHE_KEY, { autoLockMinutes: 99 });
    let release: () => void = () => undefined;
    const slowGet = store.get.bind(store);
    // The stored copy as it was when asked for, handed over only after the read landed.
    vi.spyOn(store, 'get').mockImplementationOnce((key) => {
      const value = slowGet(key);
      return new Promise((resolve) => (release = () => resolve(value)));
    });
    const { read, answer } = pendingRead();
    const managed = new ManagedPolicy(store, read, 60_000);
    const listed = managed.forListing();
    answer({ autoLockMinutes: 5 });
    await managed.full();
    release();
    expect(await listed).toEqual({ autoLockMinutes: 5 });
    expect(await managed.forListing()).toEqual({ autoLockMinutes: 5 });
  });
});
