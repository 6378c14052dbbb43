import type { AccountSummary } from '../core/accounts';
import type { MailboxRef } from '../core/recents';
import type { Mailbox } from '../cpanel/email';

/** One row of the popup's mailbox list. */
export interface MailboxEntry {
  key: string;
  accountId: string;
  accountLabel: string;
  /** The address, or the cPanel user for the account's own mailbox. */
  email: string;
  main: boolean;
  suspended: boolean;
  /** On a WHM account: the cPanel user that owns the mailbox. */
  user?: string;
  pinned: boolean;
  /** Lower-cased text the search matches against. */
  haystack: string;
}

const refKey = (accountId: string, email: string) => `${accountId}\n${email.toLowerCase()}`;
/** localeCompare's order, from one collator: creating it per comparison made sorting 10,000 rows slow. */
const byLocale = new Intl.Collator().compare;

/**
 * Flattens every account's mailboxes into one list, ordered once: pinned first, then recently opened, then
 * alphabetically. Filtering keeps this order, so each keystroke is a single linear scan.
 */
export function buildEntries(
  accounts: AccountSummary[],
  mailboxes: Record<string, Mailbox[]>,
  recents: { recent: MailboxRef[]; pinned: MailboxRef[] },
): MailboxEntry[] {
  const pinned = new Set(recents.pinned.map((ref) => refKey(ref.accountId, ref.email)));
  const recentRank = new Map(recents.recent.map((ref, i) => [refKey(ref.accountId, ref.email), i]));
  // Only the few pinned and recent rows need a rank; the thousands of others are just alphabetical (and
  // usually arrive that way, which the sort then merely confirms).
  const ranked: { entry: MailboxEntry; rank: number }[] = [];
  const rest: MailboxEntry[] = [];
  // A mailbox that a cPanel token lists and a WHM token's directory lists too is shown once, as the cPanel
  // account's (then the first WHM account's): a support desk often holds both tokens for one server.
  const seen = new Set<string>();
  const byKind = [
    ...accounts.filter((account) => account.kind !== 'whm'),
    ...accounts.filter((account) => account.kind === 'whm'),
  ];
  for (const account of byKind) {
    const whm = account.kind === 'whm';
    for (const mailbox of mailboxes[account.id] ?? []) {
      const address = mailbox.email.toLowerCase();
      if (whm && seen.has(address)) continue;
      seen.add(address);
      const key = refKey(account.id, mailbox.email);
      const isPinned = pinned.has(key);
      const entry: MailboxEntry = {
        key,
        accountId: account.id,
        accountLabel: account.label,
        email: mailbox.email,
        main: mailbox.main === true,
        suspended: mailbox.suspended === true,
        pinned: isPinned,
        haystack: `${mailbox.email} ${account.label}${mailbox.user ? ` ${mailbox.user}` : ''}`.toLowerCase(),
      };
      if (mailbox.user) entry.user = mailbox.user;
      const rank = isPinned ? -1 : recentRank.get(key);
      if (rank === undefined) rest.push(entry);
      else ranked.push({ entry, rank });
    }
  }
  ranked.sort((a, b) => a.rank - b.rank || byLocale(a.entry.email, b.entry.email));
  rest.sort((a, b) => byLocale(a.email, b.email));
  return [...ranked.map(({ entry }) => entry), ...rest];
}

/** The entries whose address or account contains every word of the query, and how many there are. */
export function filterEntries(
  entries: MailboxEntry[],
  query: string,
  limit: number,
): { shown: MailboxEntry[]; total: number } {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { shown: entries.slice(0, limit), total: entries.length };
  const shown: MailboxEntry[] = [];
  let total = 0;
  for (const entry of entries) {
    if (!words.every((word) => entry.haystack.includes(word))) continue;
    total += 1;
    if (shown.length < limit) shown.push(entry);
  }
  return { shown, total };
}
