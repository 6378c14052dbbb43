import type { AccountSummary } from './accounts';
import type { CompactMailboxes } from './compactMailboxes';
import type { MailboxRef } from './recents';

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
}

/**
 * One account's mailboxes, ready to search: the lower-cased addresses as one haystack string, searched in
 * place with `indexOf`, and where each line starts. Nothing is made per mailbox until a row is shown.
 */
export interface MailboxIndex {
  account: AccountSummary;
  list: CompactMailboxes;
  /** `list.emails` lower-cased, same length and lines. */
  haystack: string;
  /** The account's label, lower-cased: a word that it contains matches every mailbox of the account. */
  label: string;
  /** Offset of each line in `haystack`, plus one past the end. */
  starts: Int32Array;
  main: Set<number>;
  suspended: Set<number>;
  /** `list.users` lower-cased and its line starts, made the first time a search or a row needs them. */
  owners?: Lines;
}

/** A `\n`-separated text and the offset where each line starts, plus one past the end. */
interface Lines {
  text: string;
  starts: Int32Array;
}

const refKey = (accountId: string, email: string) => `${accountId}\n${email.toLowerCase()}`;

function lineStarts(text: string): Int32Array {
  let lines = text === '' ? 0 : 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines += 1;
  const starts = new Int32Array(lines + 1);
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts[line++] = at + 1;
  starts[lines] = text.length + 1;
  return starts;
}

export function indexMailboxes(account: AccountSummary, list: CompactMailboxes): MailboxIndex {
  const haystack = list.emails.toLowerCase();
  return {
    account,
    list,
    haystack,
    label: account.label.toLowerCase(),
    starts: lineStarts(haystack),
    main: new Set(list.main),
    suspended: new Set(list.suspended),
  };
}

const indexes = new WeakMap<CompactMailboxes, MailboxIndex>();

/**
 * An account's index, made once per list (the worker and the popup keep their lists while nothing changes):
 * a list arriving does not redo the others, and a renamed account only relabels its index.
 */
export function indexFor(account: AccountSummary, list: CompactMailboxes): MailboxIndex {
  let index = indexes.get(list);
  if (index?.account !== account) {
    index = index ? { ...index, account, label: account.label.toLowerCase() } : indexMailboxes(account, list);
    indexes.set(list, index);
  }
  return index;
}

/** The owning cPanel users of a WHM directory's lines, lower-cased (undefined for other accounts). */
function ownersOf(index: MailboxIndex): Lines | undefined {
  const { users } = index.list;
  if (users === undefined) return undefined;
  if (!index.owners) {
    const text = users.toLowerCase();
    index.owners = { text, starts: lineStarts(text) };
  }
  return index.owners;
}

const lineCount = (index: MailboxIndex) => index.starts.length - 1;

/** The line holding offset `at` (binary search over the line starts, from line `low` on). */
function lineIn(starts: Int32Array, at: number, low = 0): number {
  let high = starts.length - 2;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] as number) <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}

const lineAt = (index: MailboxIndex, at: number) => lineIn(index.starts, at);

function lineText(index: MailboxIndex, line: number, text = index.list.emails): string {
  return text.slice(index.starts[line], (index.starts[line + 1] as number) - 1);
}

/** The line of an address in the account's list, or -1. */
function findLine(index: MailboxIndex, email: string): number {
  const wanted = email.toLowerCase();
  for (let at = index.haystack.indexOf(wanted); at !== -1; at = index.haystack.indexOf(wanted, at + 1)) {
    const line = lineAt(index, at);
    if (index.starts[line] === at && (index.starts[line + 1] as number) - 1 === at + wanted.length)
      return line;
  }
  return -1;
}

function entryOf(index: MailboxIndex, line: number, pinned: boolean): MailboxEntry {
  const { account } = index;
  const email = lineText(index, line);
  const entry: MailboxEntry = {
    key: refKey(account.id, email),
    accountId: account.id,
    accountLabel: account.label,
    email,
    main: index.main.has(line),
    suspended: index.suspended.has(line),
    pinned,
  };
  const owners = ownersOf(index);
  if (owners && index.list.users !== undefined) {
    const user = index.list.users.slice(owners.starts[line], (owners.starts[line + 1] as number) - 1);
    if (user) entry.user = user;
  }
  return entry;
}

/** A pinned or recent mailbox that is in its account's list: shown first, and skipped in the rest. */
interface Ranked {
  index: MailboxIndex;
  line: number;
  pinned: boolean;
}

/**
 * Everything a search needs, made once per change of the data (not per keystroke): the accounts' indexes
 * in their order, and the pinned, then recent mailboxes found in them.
 */
export interface MailboxView {
  indexes: MailboxIndex[];
  ranked: Ranked[];
  /** Per account id, the ranked lines, to skip them where the alphabetical rest would list them again. */
  rankedLines: Map<string, Set<number>>;
}

export function buildView(
  indexes: MailboxIndex[],
  recents: { recent: MailboxRef[]; pinned: MailboxRef[] },
): MailboxView {
  const byId = new Map(indexes.map((index) => [index.account.id, index]));
  const ranked: Ranked[] = [];
  const rankedLines = new Map<string, Set<number>>();
  const pinnedKeys = new Set(recents.pinned.map((ref) => refKey(ref.accountId, ref.email)));
  const add = (ref: MailboxRef, pinned: boolean) => {
    const index = byId.get(ref.accountId);
    if (!index) return;
    const line = findLine(index, ref.email);
    const taken = rankedLines.get(ref.accountId) ?? new Set<number>();
    if (line === -1 || taken.has(line)) return;
    taken.add(line);
    rankedLines.set(ref.accountId, taken);
    ranked.push({ index, line, pinned });
  };
  for (const ref of recents.pinned) add(ref, true);
  for (const ref of recents.recent) add(ref, pinnedKeys.has(refKey(ref.accountId, ref.email)));
  skipListedByCpanel(indexes, rankedLines);
  return { indexes, ranked, rankedLines };
}

/**
 * A mailbox that a cPanel token lists and a WHM token's directory lists too is shown once, as the cPanel
 * account's: a support desk often holds both tokens for one server. The WHM lines are skipped like ranked ones.
 */
function skipListedByCpanel(indexes: MailboxIndex[], skip: Map<string, Set<number>>): void {
  // Only a WHM directory can repeat a cPanel account's mailbox: without one, nothing is done per mailbox.
  if (!indexes.some((index) => index.account.kind === 'whm' && lineCount(index) > 0)) return;
  const listed = new Set<string>();
  for (const index of indexes) {
    if (index.account.kind === 'whm') continue;
    for (let line = 0; line < lineCount(index); line++) listed.add(lineText(index, line, index.haystack));
  }
  if (listed.size === 0) return;
  for (const index of indexes) {
    if (index.account.kind !== 'whm') continue;
    const taken = skip.get(index.account.id) ?? new Set<number>();
    for (let line = 0; line < lineCount(index); line++) {
      if (listed.has(lineText(index, line, index.haystack))) taken.add(line);
    }
    if (taken.size > 0) skip.set(index.account.id, taken);
  }
}

/** Whether `text` holds `word` between `start` and `end` (one line), without cutting the line out. */
function holds(text: string, start: number, end: number, word: string): boolean {
  const first = word.charCodeAt(0);
  for (let at = start; at + word.length <= end; at++) {
    if (text.charCodeAt(at) === first && text.startsWith(word, at)) return true;
  }
  return false;
}

/** Whether every word is in the line's address or its owning cPanel user (words in the label are left out). */
function lineMatches(index: MailboxIndex, line: number, words: string[]): boolean {
  const start = index.starts[line] as number;
  const end = (index.starts[line + 1] as number) - 1;
  const owners = words.length > 0 ? ownersOf(index) : undefined;
  for (const word of words) {
    if (holds(index.haystack, start, end, word)) continue;
    if (!owners) return false;
    const ownerEnd = (owners.starts[line + 1] as number) - 1;
    if (!holds(owners.text, owners.starts[line] as number, ownerEnd, word)) return false;
  }
  return true;
}

/** The first line from `from` on whose text holds `word`, or the line count when none does. */
function nextLine(lines: Lines, word: string, from: number): number {
  const count = lines.starts.length - 1;
  if (from >= count) return count;
  const at = lines.text.indexOf(word, lines.starts[from]);
  return at === -1 ? count : lineIn(lines.starts, at, from);
}

/**
 * A WHM directory's matches: lines whose address or owning cPanel user holds `first`, merged in line
 * order from one scan of each haystack, then checked for the other words. Returns how many match.
 */
function searchWithOwners(
  index: MailboxIndex,
  owners: Lines,
  [first, ...rest]: string[],
  skip: Set<number> | undefined,
  shown: MailboxEntry[],
  limit: number,
): number {
  if (first === undefined) return 0;
  const emails: Lines = { text: index.haystack, starts: index.starts };
  const count = lineCount(index);
  let total = 0;
  let inEmail = nextLine(emails, first, 0);
  let inOwner = nextLine(owners, first, 0);
  while (inEmail < count || inOwner < count) {
    const line = Math.min(inEmail, inOwner);
    if (!skip?.has(line) && lineMatches(index, line, rest)) {
      total += 1;
      if (shown.length < limit) shown.push(entryOf(index, line, false));
    }
    if (inEmail === line) inEmail = nextLine(emails, first, line + 1);
    if (inOwner === line) inOwner = nextLine(owners, first, line + 1);
  }
  return total;
}

/**
 * The rows to show for `query` and how many match in all: pinned first, then recently opened, then every
 * account's mailboxes in its alphabetical order. Each word of the query must be in the address, the
 * account's label or (a WHM directory's row) the cPanel user that owns the mailbox. One `indexOf` scan of
 * each account's haystack (and a directory's owners) for the first word not in the label.
 */
export function search(
  view: MailboxView,
  query: string,
  limit: number,
): { shown: MailboxEntry[]; total: number } {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown: MailboxEntry[] = [];
  let total = 0;
  const unmet = (index: MailboxIndex) => words.filter((word) => !index.label.includes(word));
  for (const { index, line, pinned } of view.ranked) {
    if (!lineMatches(index, line, unmet(index))) continue;
    total += 1;
    if (shown.length < limit) shown.push(entryOf(index, line, pinned));
  }
  for (const index of view.indexes) {
    const skip = view.rankedLines.get(index.account.id);
    const unmetWords = unmet(index);
    const [first, ...rest] = unmetWords;
    if (first === undefined) {
      // Every word is in the label (or there is none): the whole list matches.
      const count = lineCount(index);
      for (let line = 0; line < count && shown.length < limit; line++) {
        if (!skip?.has(line)) shown.push(entryOf(index, line, false));
      }
      total += count - (skip?.size ?? 0);
      continue;
    }
    const owners = ownersOf(index);
    if (owners) {
      total += searchWithOwners(index, owners, unmetWords, skip, shown, limit);
      continue;
    }
    // Ranked lines by where they start, so a hit is checked against them without finding its line number.
    const skipStarts = skip && new Set([...skip].map((line) => index.starts[line]));
    const { haystack } = index;
    for (let at = haystack.indexOf(first); at !== -1; ) {
      let end = haystack.indexOf('\n', at + first.length);
      if (end === -1) end = haystack.length;
      // Most hits are only counted: the line's start and number are looked up only where they matter.
      if (rest.length > 0 || skipStarts) {
        const start = haystack.lastIndexOf('\n', at) + 1;
        const text = rest.length > 0 ? haystack.slice(start, end) : '';
        if (!skipStarts?.has(start) && rest.every((word) => text.includes(word))) {
          total += 1;
          if (shown.length < limit) shown.push(entryOf(index, lineAt(index, at), false));
        }
      } else {
        total += 1;
        if (shown.length < limit) shown.push(entryOf(index, lineAt(index, at), false));
      }
      at = haystack.indexOf(first, end + 1);
    }
  }
  return { shown, total };
}

/** How many mailboxes a compact list holds (one per line). */
export function mailboxCount(list: CompactMailboxes | undefined): number {
  if (!list || list.emails === '') return 0;
  let lines = 1;
  for (let at = list.emails.indexOf('\n'); at !== -1; at = list.emails.indexOf('\n', at + 1)) lines += 1;
  return lines;
}
