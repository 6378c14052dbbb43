import { describe, expect, it, vi } from 'vitest';
import { rememberedStore } from '../../../src/background/rememberedStore';
import { MemoryStore } from '../../../src/core/memoryStore';

describe('rememberedStore', () => {
  it('reads a key from storage once, then from memory', async () => {
    const backing = new MemoryStore();
    await backing.set('mailboxes:a', { value: [1, 2] });
    const get = vi.spyOn(backing, 'get');
    const store = rememberedStore(backing);
    expect(await store.get('mailboxes:a')).toEqual({ value: [1, 2] });
    expect(await store.get('mailboxes:a')).toEqual({ value: [1, 2] });
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('writes through and remembers what it wrote; removes from both', async () => {
    const backing = new MemoryStore();
    const store = rememberedStore(backing);
    expect(await store.get('k')).toBeUndefined();
    await store.set('k', 1);
    expect(await backing.get('k')).toBe(1);
    expect(await store.get('k')).toBe(1);
    await store.setMany({ k: 2 });
    expect(await store.get('k')).toBe(2);
    await store.remove('k');
    expect(await store.get('k')).toBeUndefined();
    expect(backing.data.has('k')).toBe(false);
  });

  it('reads again after a failed read', async () => {
    const backing = new MemoryStore();
    const get = vi.spyOn(backing, 'get').mockRejectedValueOnce(new Error('busy'));
    const store = rememberedStore(backing);
    await expect(store.get('k')).rejects.toThrow('busy');
    await backing.set('k', 3);
    expect(await store.get('k')).toBe(3);
    expect(get).toHaveBeenCalledTimes(2);
  });
});
