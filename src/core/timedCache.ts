import type { KeyValueStore } from './ports';

interface Entry<T> {
  fetchedAt: number;
  value: T;
}

/**
 * A per-account cache in storage with an age limit: mailbox and domain lists change rarely, and a popup
 * that waits for the server on every open would feel slow. `refresh` forces a new load.
 */
export class TimedCache<T> {
  constructor(
    private readonly store: KeyValueStore,
    private readonly prefix: string,
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async get(id: string, load: () => Promise<T>, refresh = false): Promise<T> {
    if (!refresh) {
      const cached = await this.peek(id);
      if (cached !== undefined) return cached;
    }
    const value = await load();
    await this.store.set(this.key(id), { fetchedAt: this.now(), value } satisfies Entry<T>);
    return value;
  }

  /** The cached value while it is fresh, without touching the network. */
  async peek(id: string): Promise<T | undefined> {
    const entry = await this.store.get<Entry<T>>(this.key(id));
    if (!entry || this.now() - entry.fetchedAt > this.maxAgeMs) return undefined;
    return entry.value;
  }

  /** The cached value however old: good enough for suggestions, which must never wait. */
  async stale(id: string): Promise<T | undefined> {
    return (await this.store.get<Entry<T>>(this.key(id)))?.value;
  }

  forget(id: string): Promise<void> {
    return this.store.remove(this.key(id));
  }

  private key(id: string): string {
    return `${this.prefix}:${id}`;
  }
}
