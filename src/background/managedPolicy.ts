import browser from 'webextension-polyfill';
import type { KeyValueStore } from '../core/ports';
import { STORAGE_KEYS } from '../rules';

type Policy = Record<string, unknown>;

export const CACHE_KEY = STORAGE_KEYS.managedPolicyCache;
/** With no copy known yet (the very first start), how long a list waits for the policy before it shows none. */
export const FIRST_LIST_WAIT_MS = 250;

/** Without tokens: the copy kept in local storage must hold no secret. */
function withoutTokens(policy: Policy): Policy {
  const accounts = policy.accounts;
  if (!Array.isArray(accounts)) return policy;
  return {
    ...policy,
    accounts: accounts.map((entry) =>
      entry && typeof entry === 'object'
        ? { ...(entry as Policy), token: undefined, hasToken: 'token' in entry }
        : entry,
    ),
  };
}

const readManaged = async (): Promise<Policy> => (await browser.storage.managed.get(null)) ?? {};

/**
 * What an administrator's policy sets (`storage.managed`). Browsers without a policy, or without managed
 * storage at all, answer with an error: that simply means "nothing managed". Chromium takes seconds to
 * answer the first read after start, so lists never wait for it once a copy is known: they get the last
 * known policy (without tokens) at once, and the read under way refreshes that copy. Pages follow the copy
 * (`managedPolicyCache`) and list again when it changes.
 */
export class ManagedPolicy {
  #fresh: Promise<Policy> | undefined;
  /** The token-free policy as last known: the stored copy, until this worker's own read lands. */
  #known: Policy | undefined;
  /** The one wait for a first read: once it is over, lists stop waiting until the read lands. */
  #wait: Promise<undefined> | undefined;

  constructor(
    private readonly cache: KeyValueStore,
    private readonly read: () => Promise<Policy> = readManaged,
    private readonly firstWaitMs = FIRST_LIST_WAIT_MS,
  ) {}

  /** Starts the first read early and follows the administrator's changes. Call at the worker's top level. */
  register(): void {
    browser.storage.onChanged.addListener((_changes, area) => {
      if (area === 'managed') this.#fresh = undefined;
    });
    void this.full();
  }

  /** The whole policy, tokens included: for signing in, which may wait. */
  full(): Promise<Policy> {
    this.#fresh ??= this.read()
      .catch((): Policy => ({}))
      .then(async (policy) => {
        this.#known = withoutTokens(policy);
        await this.cache.set(CACHE_KEY, this.#known);
        return policy;
      });
    return this.#fresh;
  }

  /**
   * The policy for display: the last known copy at once (without tokens), while a read runs in the
   * background. Only before any copy exists (the first start) does it wait for the read, and only once.
   */
  async forListing(): Promise<Policy> {
    const fresh = this.full();
    // The stored copy is read once; the read under way replaces it when it lands.
    if (!this.#known) {
      const stored = await this.cache.get<Policy>(CACHE_KEY);
      // A read that landed meanwhile is newer than the stored copy.
      this.#known ??= stored;
    }
    if (this.#known) return this.#known;
    this.#wait ??= new Promise((resolve) => setTimeout(resolve, this.firstWaitMs));
    return (await Promise.race([fresh, this.#wait])) ?? {};
  }
}
