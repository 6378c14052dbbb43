import { describe, expect, it, vi } from 'vitest';
import { MemoryStore } from '../../../src/core/memoryStore';
import { TimedCache } from '../../../src/core/timedCache';

function setup(maxAgeMs = 1000) {
  let now = 10_000;
  const store = new MemoryStore();
  const cache = new TimedCache<string[]>(store, 'mailboxes', maxAgeMs, () => now);
  return { store, cache, advance: (ms: number) => (now += ms) };
}

describe('TimedCache', () => {
  it('loads once and answers from storage while the entry is fresh', async () => {
    const { cache, store } = setup();
    const load = vi.fn(async () => ['a@example.com']);
    expect(await cache.get('acc1', load)).toEqual(['a@example.com']);
    expect(await cache.get('acc1', load)).toEqual(['a@example.com']);
    expect(load).toHaveBeenCalledOnce();
    expect(store.data.get('mailboxes:acc1')).toEqual({ fetchedAt: 10_000, value: ['a@example.com'] });
  });

  it('loads again once the entry is older than the limit, not at the limit', async () => {
    const { cache, advance } = setup(1000);
    const load = vi.fn(async () => ['x']);
    await cache.get('acc1', load);
    advance(1000);
    await cache.get('acc1', load);
    expect(load).toHaveBeenCalledTimes(1);
    advance(1);
    await cache.get('acc1', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('refresh forces a load and stores the new value', async () => {
    const { cache } = setup();
    await cache.get('acc1', async () => ['old']);
    expect(await cache.get('acc1', async () => ['new'], true)).toEqual(['new']);
    expect(await cache.peek('acc1')).toEqual(['new']);
  });

  it('keeps accounts apart', async () => {
    const { cache } = setup();
    await cache.get('acc1', async () => ['one']);
    await cache.get('acc2', async () => ['two']);
    expect(await cache.peek('acc1')).toEqual(['one']);
    expect(await cache.peek('acc2')).toEqual(['two']);
  });

  it('peek gives nothing for an old entry while stale still gives it', async () => {
    const { cache, advance } = setup(1000);
    await cache.get('acc1', async () => ['kept']);
    advance(5000);
    expect(await cache.peek('acc1')).toBeUndefined();
    expect(await cache.stale('acc1')).toEqual(['kept']);
  });

  it('a failed load stores nothing', async () => {
    const { cache } = setup();
    await expect(
      cache.get('acc1', async () => {
        throw new Error('down');
      }),
    ).rejects.toThrow('down');
    expect(await cache.stale('acc1')).toBeUndefined();
  });

  it('forget drops the entry', async () => {
    const { cache } = setup();
    await cache.get('acc1', async () => ['x']);
    await cache.forget('acc1');
    expect(await cache.stale('acc1')).toBeUndefined();
  });
});

describe('TimedCache with a codec', () => {
  /** Stores a list as one joined string; anything but a string it cannot read. */
  const joined = {
    encode: (value: string[]) => value.join('|'),
    decode: vi.fn((stored: unknown) => (typeof stored === 'string' ? stored.split('|') : undefined)),
  };

  function setupCoded() {
    const now = 10_000;
    const store = new MemoryStore();
    joined.decode.mockClear();
    const cache = new TimedCache<string[]>(store, 'mailboxes', 1000, () => now, joined);
    return { store, cache };
  }

  it('writes the encoded value and reads it back decoded', async () => {
    const { cache, store } = setupCoded();
    expect(await cache.get('acc1', async () => ['a', 'b'])).toEqual(['a', 'b']);
    expect(store.data.get('mailboxes:acc1')).toEqual({ fetchedAt: 10_000, value: 'a|b' });
    expect(await cache.peek('acc1')).toEqual(['a', 'b']);
    expect(await cache.stale('acc1')).toEqual(['a', 'b']);
  });

  it('decodes a stored entry once when the store hands out the same entry again', async () => {
    const { cache, store } = setupCoded();
    const entry = { fetchedAt: 10_000, value: 'a|b' };
    vi.spyOn(store, 'get').mockResolvedValue(entry as never);
    const first = await cache.peek('acc1');
    expect(await cache.stale('acc1')).toBe(first);
    expect(joined.decode).toHaveBeenCalledOnce();
  });

  it('treats an entry it cannot decode as missing, and loads again', async () => {
    const { cache, store } = setupCoded();
    store.data.set('mailboxes:acc1', { fetchedAt: 10_000, value: { damaged: true } });
    expect(await cache.stale('acc1')).toBeUndefined();
    const load = vi.fn(async () => ['fresh']);
    expect(await cache.get('acc1', load)).toEqual(['fresh']);
    expect(load).toHaveBeenCalledOnce();
  });
});
