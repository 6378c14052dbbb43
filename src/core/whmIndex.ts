import type { Mailbox } from '../cpanel/email';
import type { TransportOptions } from '../cpanel/transport';
import {
  listWhmAccounts,
  mailboxLister,
  type WhmAccountRow,
  type WhmMailboxRow,
} from '../cpanel/whmDirectory';
import type { AccountRepository } from './accounts';
import type { KeyValueStore } from './ports';

/** Requests in flight per server at most: WHM's rate limits and cPHulk punish more. */
export const MAX_IN_FLIGHT = 6;
/** An account's mailbox list is asked for again once it is older than this. */
export const LIST_MAX_AGE_MS = 15 * 60_000;
/** A list that failed is asked for again after this long. */
const RETRY_FAILED_MS = 60_000;
/** Results are written to storage at most this often while indexing (and once at the end). */
const FLUSH_MS = 250;
/** Users named in a status as failed, at most (the count is always whole). */
const FAILED_NAMES = 20;

/** One server as a WHM token reaches it; built per indexing run so a token is decrypted once. */
export interface WhmServer {
  /** Where the requests go: the in-flight limit is per host, whichever token asks. */
  host: string;
  listAccounts(): Promise<WhmAccountRow[]>;
  listPops(user: string): Promise<WhmMailboxRow[]>;
}

export interface WhmIndexDeps {
  store: KeyValueStore;
  server: (accountId: string) => Promise<WhmServer>;
  now?: () => number;
  maxInFlight?: number;
  flushMs?: number;
}

/** What the popup shows: "Indexing `done` of `total` accounts", and the accounts that failed. */
export interface IndexStatus {
  accountId: string;
  running: boolean;
  done: number;
  total: number;
  failed: number;
  failedUsers: string[];
  /** Why the account list itself could not be read, when it could not. */
  error?: string;
}

/** One cPanel account in storage: its listaccts row and, once listed, its addresses. No token, ever. */
interface UserEntry {
  domain: string;
  owner: string;
  suspended?: true;
  pops?: string[];
  /** Those of `pops` whose login is suspended (absent when none is, or the server did not say). */
  loginSuspended?: string[];
  /** When `pops` was read. */
  at?: number;
  /** The error code of the last attempt, when it failed. */
  failed?: string;
}

/** What is kept in memory: the accounts, and which storage chunk each one is written to. */
interface Snapshot {
  /** When listaccts was last read. */
  listedAt: number;
  users: Record<string, UserEntry>;
  chunkOf: Record<string, number>;
  chunks: number;
  /** How many chunks storage holds now (a shorter list leaves some to remove). */
  stored: number;
}

/** `whmDirectory:<id>`: the head; `whmDirectory:<id>:<n>`: the accounts of chunk n. */
interface StoredHead {
  listedAt: number;
  chunks: number;
}

interface Run {
  done: Promise<void>;
  pending: number;
  error?: string;
}

const KEY = 'whmDirectory:';
/**
 * Accounts per storage item: an answer rewrites only its chunk, not the whole directory (writing all of
 * 1,000 accounts on every burst of answers made indexing slower the longer it ran).
 */
const CHUNK = 100;
const chunkKey = (accountId: string, n: number) => `${KEY}${accountId}:${n}`;

/** A semaphore: at most `size` tasks at once, the others wait in order. */
class Gate {
  #free: number;
  readonly #waiting: (() => void)[] = [];
  constructor(size: number) {
    this.#free = size;
  }
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#free > 0) this.#free -= 1;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#free += 1;
    }
  }
}

const codeOf = (error: unknown) =>
  (error as { code?: unknown })?.code === undefined ? 'network' : String((error as { code: unknown }).code);

/**
 * The directory of a WHM token: every cPanel account it sees (listaccts) and every address of each
 * (uapi_cpanel Email::list_pops, or list_pops_for), built in the background, kept in storage, and brought up to date account by account.
 * A run that the worker's end interrupts resumes where it stopped: what was listed is in storage.
 */
export class WhmIndex {
  readonly #snapshots = new Map<string, Promise<Snapshot | undefined>>();
  readonly #runs = new Map<string, Run>();
  readonly #gates = new Map<string, Gate>();
  /** Per account, the chunks to write, or 'all' (with the head) after a new account list. */
  readonly #dirty = new Map<string, Set<number> | 'all'>();
  /** The snapshots read or built so far, for a look without waiting. */
  readonly #loaded = new Map<string, Snapshot>();
  /**
   * Each account's mailboxes as last flattened, until its snapshot changes: the same array for every read,
   * so the popup's compact form of 100,000 mailboxes is sorted once, not on every open.
   */
  readonly #flattened = new Map<string, { snapshot: Snapshot; list: Mailbox[] }>();
  /** The error of each account's last run, kept for its status until the next run. */
  readonly #finished = new Map<string, string | undefined>();
  #flushTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #now: () => number;

  constructor(private readonly deps: WhmIndexDeps) {
    this.#now = deps.now ?? Date.now;
  }

  /**
   * Every mailbox known so far (each cPanel account's own first), and an update started in the background
   * when something is due; `refresh` makes every list due again.
   */
  async mailboxes(accountId: string, refresh = false): Promise<Mailbox[]> {
    this.update(accountId, refresh);
    return this.known(accountId);
  }

  /** What is in storage, with no request and no update started (for suggestions). */
  async known(accountId: string): Promise<Mailbox[]> {
    const snapshot = await this.#snapshot(accountId);
    if (!snapshot) return [];
    const flattened = this.#flattened.get(accountId);
    if (flattened?.snapshot === snapshot) return flattened.list;
    const list = flatten(snapshot);
    this.#flattened.set(accountId, { snapshot, list });
    return list;
  }

  /** Starts bringing the directory up to date unless a run is already going; never throws. */
  update(accountId: string, refresh = false): Promise<void> {
    const current = this.#runs.get(accountId);
    // A Refresh during a run follows it: the run may have read some lists before the change to see.
    if (current) return refresh ? current.done.then(() => this.update(accountId, true)) : current.done;
    // Nothing due: no run at all, so a popup reading the list does not see a run flicker by.
    const known = this.#loaded.get(accountId);
    if (!refresh && known && !this.#listDue(known) && !Object.values(known.users).some((e) => this.#due(e)))
      return Promise.resolve();
    const run: Run = { done: Promise.resolve(), pending: 0 };
    this.#runs.set(accountId, run);
    run.done = this.#run(accountId, run, refresh)
      .catch((error: unknown) => {
        run.error = codeOf(error);
      })
      .finally(() => {
        run.pending = 0;
        this.#finished.set(accountId, run.error);
        this.#runs.delete(accountId);
      });
    return run.done;
  }

  async status(accountId: string): Promise<IndexStatus> {
    const snapshot = await this.#snapshot(accountId);
    const run = this.#runs.get(accountId);
    const users = Object.entries(snapshot?.users ?? {});
    const failedUsers = users.filter(([, entry]) => entry.failed).map(([user]) => user);
    const total = users.length;
    const error = run ? run.error : this.#finished.get(accountId);
    return {
      accountId,
      running: run !== undefined,
      done: total - (run?.pending ?? 0),
      total,
      failed: failedUsers.length,
      failedUsers: failedUsers.slice(0, FAILED_NAMES),
      ...(error ? { error } : {}),
    };
  }

  /** The cPanel user that has `address`, else one whose domain it is; undefined when the directory does not know. */
  async ownerOf(accountId: string, address: string, domain: string): Promise<string | undefined> {
    const users = Object.entries((await this.#snapshot(accountId))?.users ?? {});
    const exact = users.find(([, entry]) => entry.pops?.includes(address));
    if (exact) return exact[0];
    const byDomain = users.find(
      ([, entry]) => entry.domain === domain || entry.pops?.some((pop) => pop.endsWith(`@${domain}`)),
    );
    return byDomain?.[0];
  }

  async forget(accountId: string): Promise<void> {
    const snapshot = await this.#snapshot(accountId).catch(() => undefined);
    this.#snapshots.delete(accountId);
    this.#loaded.delete(accountId);
    this.#flattened.delete(accountId);
    this.#dirty.delete(accountId);
    this.#finished.delete(accountId);
    const chunks = Array.from({ length: snapshot?.stored ?? 0 }, (_, n) => chunkKey(accountId, n));
    await Promise.all([KEY + accountId, ...chunks].map((key) => this.deps.store.remove(key)));
  }

  /** Resumes a run that the worker's end interrupted (call at start-up with the WHM accounts). */
  async resume(accountIds: string[]): Promise<void> {
    await Promise.all(
      accountIds.map(async (accountId) => {
        const snapshot = await this.#snapshot(accountId);
        if (snapshot && Object.values(snapshot.users).some((entry) => this.#due(entry))) {
          await this.update(accountId);
        }
      }),
    );
  }

  async #run(accountId: string, run: Run, refresh: boolean): Promise<void> {
    let snapshot = await this.#snapshot(accountId);
    const listDue = !snapshot || refresh || this.#listDue(snapshot);
    if (!listDue && snapshot && !Object.values(snapshot.users).some((e) => this.#due(e))) return;
    const server = await this.deps.server(accountId);
    const gate = this.#gate(server.host);
    if (listDue) {
      const rows = await gate.run(() => server.listAccounts());
      snapshot = merge(snapshot, rows, this.#now(), refresh);
      this.#snapshots.set(accountId, Promise.resolve(snapshot));
      this.#loaded.set(accountId, snapshot);
      this.#write(accountId);
    }
    const current = snapshot as Snapshot;
    const due = Object.keys(current.users).filter((user) => this.#due(current.users[user] as UserEntry));
    run.pending = due.length;
    await Promise.all(
      due.map((user) =>
        gate.run(async () => {
          // The snapshot may have been forgotten (the account removed) while this waited.
          const entry = current.users[user];
          if (!entry || this.#snapshots.get(accountId) === undefined) return;
          try {
            const rows = await server.listPops(user);
            entry.pops = rows.map((row) => row.email);
            const locked = rows.filter((row) => row.suspendedLogin).map((row) => row.email);
            if (locked.length > 0) entry.loginSuspended = locked;
            else delete entry.loginSuspended;
            delete entry.failed;
          } catch (error) {
            // Marked, and tried again on the next run; the other accounts go on.
            entry.failed = codeOf(error);
          }
          entry.at = this.#now();
          run.pending -= 1;
          this.#write(accountId, current.chunkOf[user]);
        }),
      ),
    );
    await this.#flush();
  }

  #listDue(snapshot: Snapshot): boolean {
    return this.#now() - snapshot.listedAt > LIST_MAX_AGE_MS;
  }

  #due(entry: UserEntry): boolean {
    if (entry.at === undefined) return true;
    // A failed list is tried again a minute later, not on every look at the popup.
    return this.#now() - entry.at > (entry.failed ? RETRY_FAILED_MS : LIST_MAX_AGE_MS);
  }

  #gate(host: string): Gate {
    let gate = this.#gates.get(host);
    if (!gate) {
      gate = new Gate(this.deps.maxInFlight ?? MAX_IN_FLIGHT);
      this.#gates.set(host, gate);
    }
    return gate;
  }

  #snapshot(accountId: string): Promise<Snapshot | undefined> {
    let snapshot = this.#snapshots.get(accountId);
    if (!snapshot) {
      snapshot = this.#load(accountId).then((loaded) => {
        if (loaded) this.#loaded.set(accountId, loaded);
        return loaded;
      });
      this.#snapshots.set(accountId, snapshot);
      snapshot.catch(() => this.#snapshots.delete(accountId));
    }
    return snapshot;
  }

  async #load(accountId: string): Promise<Snapshot | undefined> {
    const head = await this.deps.store.get<StoredHead>(KEY + accountId);
    if (!head) return undefined;
    const chunks = await Promise.all(
      Array.from({ length: head.chunks }, (_, n) =>
        this.deps.store.get<Record<string, UserEntry>>(chunkKey(accountId, n)),
      ),
    );
    const snapshot: Snapshot = {
      listedAt: head.listedAt,
      users: {},
      chunkOf: {},
      chunks: head.chunks,
      stored: head.chunks,
    };
    chunks.forEach((chunk, n) => {
      for (const [user, entry] of Object.entries(chunk ?? {})) {
        snapshot.users[user] = entry;
        snapshot.chunkOf[user] = n;
      }
    });
    return snapshot;
  }

  /** Notes a change (of one account's list, or of the whole list) and writes it soon, in one burst. */
  /** Every change of a snapshot comes through here: to storage soon, and flattened again when read. */
  #write(accountId: string, chunk?: number): void {
    this.#flattened.delete(accountId);
    const dirty = this.#dirty.get(accountId);
    if (chunk === undefined) this.#dirty.set(accountId, 'all');
    else if (dirty !== 'all') this.#dirty.set(accountId, (dirty ?? new Set<number>()).add(chunk));
    this.#flushTimer ??= setTimeout(() => void this.#flush(), this.deps.flushMs ?? FLUSH_MS);
  }

  async #flush(): Promise<void> {
    clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    const entries: Record<string, unknown> = {};
    const stale: string[] = [];
    // Taken before any await: what is noted meanwhile waits for the next flush.
    const dirtyNow = [...this.#dirty];
    this.#dirty.clear();
    for (const [accountId, dirty] of dirtyNow) {
      const snapshot = await this.#snapshots.get(accountId);
      if (!snapshot) continue;
      const all = Array.from({ length: snapshot.chunks }, (_, n) => n);
      for (const n of dirty === 'all' ? all : dirty) entries[chunkKey(accountId, n)] = {};
      for (const [user, n] of Object.entries(snapshot.chunkOf)) {
        const chunk = entries[chunkKey(accountId, n)] as Record<string, UserEntry> | undefined;
        if (chunk) chunk[user] = snapshot.users[user] as UserEntry;
      }
      if (dirty === 'all') {
        entries[KEY + accountId] = {
          listedAt: snapshot.listedAt,
          chunks: snapshot.chunks,
        } satisfies StoredHead;
        for (let n = snapshot.chunks; n < snapshot.stored; n++) stale.push(chunkKey(accountId, n));
        snapshot.stored = snapshot.chunks;
      }
    }
    if (Object.keys(entries).length > 0) await this.deps.store.setMany(entries);
    await Promise.all(stale.map((key) => this.deps.store.remove(key)));
  }
}

/** The new account list over the old one: known accounts keep their addresses, gone ones are dropped. */
function merge(old: Snapshot | undefined, rows: WhmAccountRow[], now: number, refresh: boolean): Snapshot {
  const users: Record<string, UserEntry> = {};
  const chunkOf: Record<string, number> = {};
  for (const [i, row] of rows.entries()) {
    chunkOf[row.user] = Math.floor(i / CHUNK);
    const before = old?.users[row.user];
    const entry: UserEntry = { ...before, domain: row.domain, owner: row.owner };
    // A Refresh makes every list due, and so it stays in storage if the worker ends before it is done.
    if (refresh) delete entry.at;
    if (row.suspended) entry.suspended = true;
    else delete entry.suspended;
    users[row.user] = entry;
  }
  const chunks = Math.ceil(rows.length / CHUNK);
  return { listedAt: now, users, chunkOf, chunks, stored: old?.stored ?? 0 };
}

/** Every mailbox of the snapshot: each account's own (its user name, as UAPI list_pops names it), then its addresses. */
function flatten(snapshot: Snapshot): Mailbox[] {
  const list: Mailbox[] = [];
  for (const [user, entry] of Object.entries(snapshot.users)) {
    const suspended = entry.suspended ? { suspended: true } : {};
    list.push({ email: user, main: true, user, ...suspended });
    const locked = new Set(entry.loginSuspended);
    for (const email of entry.pops ?? [])
      list.push({ email, user, ...(entry.suspended || locked.has(email) ? { suspended: true } : {}) });
  }
  return list;
}

/** The WhmServer of a saved WHM account: its token read once per run, the calls of whmDirectory.ts. */
export function whmServers(accounts: AccountRepository, transport?: TransportOptions) {
  return async (accountId: string): Promise<WhmServer> => {
    const credentials = await accounts.credentials(accountId);
    return {
      host: credentials.host,
      listAccounts: () => listWhmAccounts(credentials, transport),
      listPops: mailboxLister(credentials, transport),
    };
  };
}
