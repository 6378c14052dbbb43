import { STORAGE_KEYS } from '../rules';
import type { KeyValueStore } from './ports';
import { SerialQueue } from './serial';

/** A mailbox the user opened or pinned, by account. */
export interface MailboxRef {
  accountId: string;
  email: string;
}

interface RecentsRecord {
  recent: (MailboxRef & { at: number })[];
  pinned: MailboxRef[];
}

const KEY = STORAGE_KEYS.recents;
const MAX_RECENT = 20;

const same = (a: MailboxRef, b: MailboxRef) => a.accountId === b.accountId && a.email === b.email;

/** Recently opened and pinned mailboxes, which the popup lists first. */
export class Recents {
  readonly #writes = new SerialQueue();

  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => number = Date.now,
  ) {}

  async read(): Promise<RecentsRecord> {
    return (await this.store.get<RecentsRecord>(KEY)) ?? { recent: [], pinned: [] };
  }

  touch(ref: MailboxRef): Promise<void> {
    return this.update((record) => ({
      ...record,
      recent: [{ ...ref, at: this.now() }, ...record.recent.filter((item) => !same(item, ref))].slice(
        0,
        MAX_RECENT,
      ),
    }));
  }

  pin(ref: MailboxRef, pinned: boolean): Promise<void> {
    return this.update((record) => ({
      ...record,
      pinned: pinned
        ? [...record.pinned.filter((item) => !same(item, ref)), ref]
        : record.pinned.filter((item) => !same(item, ref)),
    }));
  }

  /** Drops every trace of an account that was removed. */
  forgetAccount(accountId: string): Promise<void> {
    return this.update((record) => ({
      recent: record.recent.filter((item) => item.accountId !== accountId),
      pinned: record.pinned.filter((item) => item.accountId !== accountId),
    }));
  }

  private update(change: (record: RecentsRecord) => RecentsRecord): Promise<void> {
    return this.#writes.run(async () => this.store.set(KEY, change(await this.read())));
  }
}
