import type { KeyValueStore } from './ports';

interface Entry<T> {
  fetchedAt: number;
  value: T;
}

/** How a value is written to storage and read back (by default, as it is). */
export interface Codec<T> {
  encode(value: T): unknown;
  /** Also gets what older versions wrote; undefined for what it cannot read (the entry is then missing). */
  decode(stored: unknown): T | undefined;
}

/**
 * A per-account cache in storage with an age limit: mailbox and domain lists change rarely, and a popup
 * that waits for the server on every open would feel slow. `refresh` forces a new load.
 */
export class TimedCache<T> {
  /** Decoded once per stored entry: a store that keeps entries in memory then hands out the same value. */
  readonly #decoded = new WeakMap<object, T>();

  constructor(
    private readonly store: KeyValueStore,
    private readonly prefix: string,
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
    private readonly codec?: Codec<T>,
  ) {}

  async get(id: string, load: () => Promise<T>, refresh = false): Promise<T> {
    if (!refresh) {
      const cached = await this.peek(id);
      if (cached !== undefined) return cached;
    }
    const value = await load();
    const stored = this.codec ? this.codec.encode(value) : value;
    await this.store.set(this.key(id), { fetchedAt: this.now(), value: stored } satisfies Entry<unknown>);
    return value;
  }

  /** The cached value while it is fresh, without touching the network. */
  async peek(id: string): Promise<T | undefined> {
    const entry = await this.store.get<Entry<unknown>>(this.key(id));
    if (!entry || this.now() - entry.fetchedAt > this.maxAgeMs) return undefined;
    return this.valueOf(entry);
  }

  /** The cached value however old: good enough for suggestions, which must never wait. */
  async stale(id: string): Promise<T | undefined> {
    const entry = await this.store.get<Entry<unknown>>(this.key(id));
    return entry && this.valueOf(entry);
  }

  private valueOf(entry: Entry<unknown>): T | undefined {
    if (!this.codec) return entry.value as T;
    let value = this.#decoded.get(entry);
    if (value === undefined) {
      value = this.codec.decode(entry.value);
      if (value !== undefined) this.#decoded.set(entry, value);
    }
    return value;
  }

  forget(id: string): Promise<void> {
    return this.store.remove(this.key(id));
  }

  private key(id: string): string {
    return `${this.prefix}:${id}`;
  }
}
