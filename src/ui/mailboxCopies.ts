import { createStore, del, delMany, getMany, keys, set, type UseStore } from 'idb-keyval';
import { type CompactMailboxes, isCompactMailboxes } from '../core/compactMailboxes';
import { MAILBOX_COPIES } from '../rules';

/** An account's mailbox list as the popup keeps it, with the version the worker gave it. */
export interface MailboxCopy {
  version: string;
  list: CompactMailboxes;
}

/** Our own data, but read back from disk: anything else (an older shape, damage) is not used. */
function isCopy(value: unknown): value is MailboxCopy {
  const copy = value as Partial<MailboxCopy> | undefined;
  return typeof copy?.version === 'string' && isCompactMailboxes(copy.list);
}

/**
 * The popup's copies of the accounts' mailbox lists, in IndexedDB. Read back by structured clone, ten lists
 * of 10,000 mailboxes take 10–20 ms; through runtime messaging, which carries JSON both ways, 60–140 ms.
 * The worker stays the source of truth: it confirms a copy by its version, or sends the new list. Every
 * failure (no IndexedDB, a private window, a full disk) only means no copy: the worker's answer still comes.
 */
export class MailboxCopies {
  #store: UseStore | undefined;

  /** Opened on first use: the worker loads this module on every start and most starts never need it. */
  private get store(): UseStore {
    this.#store ??= createStore(MAILBOX_COPIES.database, MAILBOX_COPIES.table);
    return this.#store;
  }

  async read(accountIds: string[]): Promise<Map<string, MailboxCopy>> {
    const copies = new Map<string, MailboxCopy>();
    if (accountIds.length === 0) return copies;
    try {
      const values = await getMany(accountIds, this.store);
      values.forEach((value, i) => {
        if (isCopy(value)) copies.set(accountIds[i] as string, value);
      });
    } catch {
      // No copies: the lists come from the worker as they would without them.
    }
    return copies;
  }

  async write(accountId: string, copy: MailboxCopy): Promise<void> {
    try {
      await set(accountId, copy, this.store);
    } catch {
      // Not kept: the next open asks the worker for the whole list again.
    }
  }

  async forget(accountId: string): Promise<void> {
    try {
      await del(accountId, this.store);
    } catch {
      // Nothing could be kept either.
    }
  }

  /** Drops the copies of every account not in `accountIds` (removed while the popup was closed). */
  async keepOnly(accountIds: string[]): Promise<void> {
    const kept = new Set(accountIds);
    try {
      const stale = (await keys<string>(this.store)).filter((key) => !kept.has(key));
      if (stale.length > 0) await delMany(stale, this.store);
    } catch {
      // Nothing to drop where nothing could be read.
    }
  }
}
