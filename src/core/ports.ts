/** The few browser capabilities core logic needs, injected so that it runs in Node tests unchanged. */

export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
  /** Writes several keys in one operation: all of them land, or none. */
  setMany(entries: Record<string, unknown>): Promise<void>;
}

export interface TabOpener {
  /** Opens an extension page in a new active tab and resolves to the tab's id. */
  open(url: string): Promise<number>;
  /**
   * Loads an extension page in an existing tab (the compose page signing in where it is, a launch page
   * trying again in place), and gives that tab's id back.
   */
  navigate?(tabId: number, url: string): Promise<number>;
  /** Brings the tab to the front if it is still open, and says whether it was. */
  reveal(tabId: number): Promise<boolean>;
}

export interface HostAccess {
  /** Whether the user granted access to `https://host/*`. */
  has(host: string): Promise<boolean>;
}
