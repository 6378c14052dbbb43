import browser from 'webextension-polyfill';
import type { KeyValueStore } from '../core/ports';

type Policy = Record<string, unknown>;

const CACHE_KEY = 'managedPolicyCache';
/** How long a list may wait for the policy before it uses the last copy (the first read can take seconds). */
const LIST_WAIT_MS = 250;

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

/**
 * What an administrator's policy sets (`storage.managed`). Browsers without a policy, or without managed
 * storage at all, answer with an error: that simply means "nothing managed". Chromium takes seconds to
 * answer the first read after start, so lists use the last known copy while that read is under way.
 */
export class ManagedPolicy {
  #fresh: Promise<Policy> | undefined;

  constructor(private readonly cache: KeyValueStore) {}

  /** Starts the first read early and follows the administrator's changes. Call at the worker's top level. */
  register(): void {
    browser.storage.onChanged.addListener((_changes, area) => {
      if (area === 'managed') this.#fresh = undefined;
    });
    void this.full();
  }

  /** The whole policy, tokens included: for signing in, which may wait. */
  full(): Promise<Policy> {
    this.#fresh ??= browser.storage.managed
      .get(null)
      .then(async (policy) => {
        await this.cache.set(CACHE_KEY, withoutTokens(policy ?? {}));
        return policy ?? {};
      })
      .catch(() => ({}));
    return this.#fresh;
  }

  /** The policy for display: fresh if it comes quickly, else the last copy (without tokens). */
  async forListing(): Promise<Policy> {
    const timeout = new Promise<undefined>((resolve) => setTimeout(resolve, LIST_WAIT_MS));
    const fresh = await Promise.race([this.full(), timeout]);
    return fresh ?? (await this.cache.get<Policy>(CACHE_KEY)) ?? {};
  }
}
