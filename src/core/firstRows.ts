import { compactMailboxes, listVersion } from './compactMailboxes';
import type { Directory } from './directory';
import { buildView, indexFor, type MailboxEntry, type MailboxIndex, search } from './mailboxSearch';
import type { Recents } from './recents';

export interface FirstRows {
  /** The rows the popup shows with an empty search box, pinned and recent mailboxes first. */
  rows: MailboxEntry[];
  /** How many mailboxes the lists hold in all ("Showing 30 of N"). */
  total: number;
  /** The version of each list the rows were made from; an account with no list read yet has none. */
  versions: Record<string, string>;
}

/**
 * The popup's first rows, made where the lists already are: the popup draws these few kilobytes at once
 * instead of waiting for 100,000 addresses, then searches its own copy of the lists. Only cached lists
 * are used, however old: no server is asked, so this answers in milliseconds.
 */
export async function firstRows(directory: Directory, recents: Recents, limit: number): Promise<FirstRows> {
  const [cached, ranked] = await Promise.all([directory.cachedMailboxes(), recents.read()]);
  const versions: Record<string, string> = {};
  const indexes: MailboxIndex[] = [];
  for (const { account, mailboxes } of cached) {
    if (!mailboxes) continue;
    const list = compactMailboxes(mailboxes);
    versions[account.id] = listVersion(list);
    indexes.push(indexFor(account, list));
  }
  const { shown, total } = search(buildView(indexes, ranked), '', limit);
  return { rows: shown, total, versions };
}
