import type { KeyValueStore } from '../core/ports';

/**
 * A store that keeps what it read or wrote in memory while the worker lives, in front of storage that only
 * this worker writes (the mailbox and domain caches). Reading 10,000 cached mailboxes back from
 * storage.local takes tens of milliseconds on every popup; from memory it takes none. Values are shared, not
 * copied: callers must not change what they get.
 */
export function rememberedStore(store: KeyValueStore): KeyValueStore {
  const known = new Map<string, Promise<unknown>>();
  const forget = (keys: string[]) => {
    for (const key of keys) known.delete(key);
  };
  return {
    get<T>(key: string) {
      if (!known.has(key)) known.set(key, store.get(key));
      const value = known.get(key) as Promise<T | undefined>;
      value.catch(() => known.delete(key));
      return value;
    },
    async set(key, value) {
      forget([key]);
      await store.set(key, value);
      known.set(key, Promise.resolve(value));
    },
    async remove(key) {
      forget([key]);
      await store.remove(key);
    },
    async setMany(entries) {
      forget(Object.keys(entries));
      await store.setMany(entries);
    },
  };
}
