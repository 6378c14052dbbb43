import type { Mailbox } from '../cpanel/email';

/**
 * An account's mailboxes as the popup reads them: one string of addresses instead of an object per
 * mailbox. 10,000 mailboxes as objects cross the message channel as 300 KB of JSON that the popup must
 * parse into 10,000 objects on every open; as one string they are copied once and searched in place.
 */
export interface CompactMailboxes {
  /** Every address, in the order the popup lists them (the collator's), separated by `\n`. */
  emails: string;
  /** Line numbers of the account's own mailbox (`main`: its line holds the cPanel user). */
  main: number[];
  /** Line numbers of mailboxes whose login is suspended. */
  suspended: number[];
  /** The owning cPanel user of each line, `\n`-separated (a WHM directory); absent when no line has one. */
  users?: string;
}

/** A mailbox as the worker lists it: a WHM directory adds the cPanel user that owns it. */
type Listed = Mailbox & { user?: string };

const byLocale = new Intl.Collator().compare;
const packed = new WeakMap<readonly Listed[], CompactMailboxes>();

/** The compact form of a list, sorted once; the same list (the worker keeps it in memory) is packed once. */
export function compactMailboxes(list: readonly Listed[]): CompactMailboxes {
  const known = packed.get(list);
  if (known) return known;
  const sorted = [...list].sort((a, b) => byLocale(a.email, b.email));
  const result: CompactMailboxes = {
    emails: sorted.map((mailbox) => mailbox.email).join('\n'),
    main: [],
    suspended: [],
  };
  sorted.forEach((mailbox, line) => {
    if (mailbox.main) result.main.push(line);
    if (mailbox.suspended) result.suspended.push(line);
  });
  if (sorted.some((mailbox) => mailbox.user))
    result.users = sorted.map((mailbox) => mailbox.user ?? '').join('\n');
  packed.set(list, result);
  return result;
}
