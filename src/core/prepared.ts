import type { LoginRequest } from '../cpanel/login';

/**
 * A prepared session is dropped this long after it was asked for: cPanel removes a session nobody signed in
 * with after 5 minutes (`$PREAUTH_SESSION_DURATION = ( 5 * 60 )` in the stock Cpanel/Config/Session.pm);
 * we stay a minute under it.
 */
export const PREPARED_TTL_MS = 4 * 60_000;
/** At most this many targets are prepared at a time; the least recently asked for goes first. */
export const PREPARED_MAX = 4;

interface Entry {
  accountId: string;
  at: number;
  login: Promise<LoginRequest>;
}

export interface PreparedOptions {
  now?: () => number;
  /** Runs `drop` after `ms`: frees the session from memory when nobody used it (setTimeout in the worker). */
  schedule?: (drop: () => void, ms: number) => void;
  ttlMs?: number;
  max?: number;
}

/**
 * Sessions made ahead of a click, in memory only: the popup asks while the user points at a row, and the
 * click that follows opens the tab with a session already made. One per target, used at most once.
 */
export class PreparedSessions {
  /** In insertion order, which is the order of the last prepare: the first is the least recent. */
  readonly #entries = new Map<string, Entry>();
  readonly #now: () => number;
  readonly #ttlMs: number;
  readonly #max: number;
  readonly #schedule: (drop: () => void, ms: number) => void;

  constructor(options: PreparedOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.#ttlMs = options.ttlMs ?? PREPARED_TTL_MS;
    this.#max = options.max ?? PREPARED_MAX;
    this.#schedule = options.schedule ?? (() => undefined);
  }

  /**
   * Makes the session for `key` unless one is ready or on its way (a second prepare is free). A failed
   * creation leaves nothing behind, so the click then asks the server itself.
   */
  prepare(key: string, accountId: string, create: () => Promise<LoginRequest>): Promise<void> {
    this.#sweep();
    const existing = this.#entries.get(key);
    if (existing) {
      // Most recently wanted: last to be pushed out.
      this.#entries.delete(key);
      this.#entries.set(key, existing);
      return existing.login.then(
        () => undefined,
        () => undefined,
      );
    }
    const entry: Entry = { accountId, at: this.#now(), login: create() };
    this.#entries.set(key, entry);
    while (this.#entries.size > this.#max) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
    this.#schedule(() => this.#drop(key, entry), this.#ttlMs);
    return entry.login.then(
      () => undefined,
      () => {
        this.#drop(key, entry);
      },
    );
  }

  /**
   * The prepared session for `key`, removed so it is never handed out twice; the promise may still be
   * pending when the click came soon after the prepare. Undefined when there is none, or it is too old.
   */
  take(key: string): Promise<LoginRequest> | undefined {
    this.#sweep();
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    return entry.login;
  }

  /** Whether `key` has a session ready or on its way (for tests and the bench). */
  has(key: string): boolean {
    this.#sweep();
    return this.#entries.has(key);
  }

  /** Drops what was prepared for an account that changed or was removed. */
  forgetAccount(accountId: string): void {
    for (const [key, entry] of this.#entries) {
      if (entry.accountId === accountId) this.#entries.delete(key);
    }
  }

  /** Drops everything: the vault locked, or the setting was turned off. */
  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    this.#sweep();
    return this.#entries.size;
  }

  #drop(key: string, entry: Entry): void {
    if (this.#entries.get(key) === entry) this.#entries.delete(key);
  }

  #sweep(): void {
    const now = this.#now();
    for (const [key, entry] of this.#entries) {
      if (now - entry.at >= this.#ttlMs) this.#entries.delete(key);
    }
  }
}
