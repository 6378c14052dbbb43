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

const isLines = (value: unknown) => Array.isArray(value) && value.every(Number.isInteger);

/** Whether data read back from disk (ours, but perhaps older or damaged) is a compact list. */
export function isCompactMailboxes(value: unknown): value is CompactMailboxes {
  const list = value as Partial<CompactMailboxes> | undefined;
  return (
    typeof list?.emails === 'string' &&
    isLines(list.main) &&
    isLines(list.suspended) &&
    (list.users === undefined || typeof list.users === 'string')
  );
}

const lines = (text: string) => (text === '' ? [] : text.split('\n'));

/**
 * The mailboxes of a compact list, in its order; compacting them again gives back `list` itself. The
 * mailbox cache is stored compact: read back, 10,000 mailboxes are three strings and two arrays instead of
 * 10,000 objects, several times faster out of storage.local (and not sorted again).
 */
export function expandMailboxes(list: CompactMailboxes): Listed[] {
  const main = new Set(list.main);
  const suspended = new Set(list.suspended);
  const users = list.users === undefined ? undefined : lines(list.users);
  const mailboxes = lines(list.emails).map((email, line) => {
    const mailbox: Listed = { email };
    if (main.has(line)) mailbox.main = true;
    if (suspended.has(line)) mailbox.suspended = true;
    const user = users?.[line];
    if (user) mailbox.user = user;
    return mailbox;
  });
  packed.set(mailboxes, list);
  return mailboxes;
}

const versions = new WeakMap<CompactMailboxes, string>();

/** FNV-1a over a string's UTF-16 code units, continuing from `hash`. */
function fnv1a(text: string, hash: number): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A fingerprint of a compact list's whole content: a page that keeps a copy sends it back, and the worker
 * answers without the list when nothing changed. Two 32-bit FNV-1a hashes with different seeds and the
 * lengths: a change going unnoticed is about as likely as one in 2^64.
 */
export function listVersion(list: CompactMailboxes): string {
  const known = versions.get(list);
  if (known) return known;
  const text = `${list.emails}\u0000${list.main.join(',')}\u0000${list.suspended.join(',')}\u0000${list.users ?? '\u0001'}`;
  const version = [text.length, fnv1a(text, 0x811c9dc5), fnv1a(text, 0x050c5d1f)]
    .map((part) => part.toString(36))
    .join('.');
  versions.set(list, version);
  return version;
}
