import { useCallback, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { AccountSummary } from '../core/accounts';
import type { CompactMailboxes } from '../core/compactMailboxes';
import {
  buildView,
  indexFor,
  type MailboxEntry,
  type MailboxIndex,
  type MailboxView,
} from '../core/mailboxSearch';
import type { MailboxRef } from '../core/recents';
import { send } from '../messages/client';
import { MailboxCopies, type MailboxCopy } from '../ui/mailboxCopies';
import { useAccountsChanged } from '../ui/useAccountsChanged';
import { prepare } from './actions';

type MailboxReply = ReturnType<typeof send<'mailboxes.compact'>>;
type MailboxRequests = { accountId: string; reply: MailboxReply }[];
export type Recents = { recent: MailboxRef[]; pinned: MailboxRef[] };
export type VaultState = { enabled: boolean; locked: boolean };
export type Preview = { shown: MailboxEntry[]; total: number };

/** Rows rendered at once (more than the list shows without scrolling); the search narrows to these. */
export const VISIBLE_ROWS = 30;

/** Resolves once the next frame is drawn, or after 50 ms where no frame comes (a page in the background). */
function afterNextPaint(): Promise<void> {
  return new Promise((done) => {
    const fallback = setTimeout(done, 50);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        done();
      }),
    );
  });
}

const copies = new MailboxCopies();
/**
 * The list the popup holds for each account and its version: read from the popup's copies first, then as
 * the worker answers. The version goes with every request, so an unchanged list is not sent again.
 */
const held = new Map<string, MailboxCopy>();

/**
 * One account's list in the compact form (a string of addresses, not 10,000 objects); a WHM account
 * answers with its directory's mailboxes.
 */
function askForList(accountId: string, refresh: boolean): MailboxReply {
  const have = held.get(accountId)?.version;
  const reply = send<'mailboxes.compact'>({
    type: 'mailboxes.compact',
    accountId,
    refresh,
    ...(have === undefined ? {} : { have }),
  });
  // Handled where it is awaited, which may be after it failed: not an unhandled rejection meanwhile.
  reply.catch(() => undefined);
  return reply;
}

function requestMailboxes(list: AccountSummary[], refresh: boolean): MailboxRequests {
  return list.map((account) => ({ accountId: account.id, reply: askForList(account.id, refresh) }));
}

function requestState() {
  const state = Promise.all([
    send<'account.list'>({ type: 'account.list' }),
    send<'recents.get'>({ type: 'recents.get' }),
    send<'vault.status'>({ type: 'vault.status' }),
  ]);
  // The rows to draw first, made by the worker from the lists it holds: a few kilobytes, not 100,000 lines.
  const head = send<'mailboxes.head'>({ type: 'mailboxes.head', limit: VISIBLE_ROWS }).catch(() => null);
  return { state, head };
}

/**
 * The lists of `accounts` the popup holds: read from its copies (unless newer answers are held already),
 * then asked for with their versions, so that only a changed list crosses the message channel.
 */
async function holdLists(accounts: AccountSummary[]): Promise<MailboxRequests> {
  const ids = accounts.map((account) => account.id);
  const read = await copies.read(ids.filter((accountId) => !held.has(accountId)));
  for (const [accountId, copy] of read) held.set(accountId, copy);
  void copies.keepOnly(ids);
  // Earlier versions remembered the account ids here. Cleared after the first rows, not before the first
  // requests: the page's first localStorage access waits for the browser to hand the whole area over.
  localStorage.removeItem('popupAccountIds');
  return requestMailboxes(accounts, false);
}

/** The first load starts when the module runs: the worker answers while Preact sets the page up. */
let early: ReturnType<typeof requestState> | undefined = requestState();

export interface PopupData {
  /** null until the worker has answered. */
  accounts: AccountSummary[] | null;
  /** The worker's rows for an empty search, shown until the popup holds every list confirmed. */
  preview: Preview | null;
  accountById: Map<string, AccountSummary>;
  mailboxes: Record<string, CompactMailboxes>;
  recents: Recents;
  vault: VaultState;
  /** Every account's list ready to search, with the pinned and recent mailboxes first. */
  view: MailboxView;
  /** Bumped by `refresh`: the WHM directory progress looks again. */
  refreshed: number;
  /** Reads everything again (after an unlock, or when accounts changed elsewhere). */
  load: () => Promise<void>;
  /** Asks the servers again for every account's mailboxes. */
  refresh: () => void;
  /** Reads one account's list again (its WHM directory grew). */
  reloadAccount: (accountId: string) => void;
  reloadRecents: () => Promise<void>;
  lock: () => Promise<void>;
}

/**
 * The popup's data: accounts, their mailbox lists, the recent and pinned mailboxes and the vault state, as
 * the worker has them. A failure to read goes to `onError` (a locked vault shows its own form instead).
 */
export function usePopupData(onError: (failure: unknown) => void): PopupData {
  const [accounts, setAccounts] = useState<AccountSummary[] | null>(null);
  const [mailboxes, setMailboxes] = useState<Record<string, CompactMailboxes>>({});
  const [recents, setRecents] = useState<Recents>({ recent: [], pinned: [] });
  const [refreshed, setRefreshed] = useState(0);
  const [vault, setVault] = useState<VaultState>({ enabled: false, locked: false });
  const [preview, setPreview] = useState<Preview | null>(null);

  async function loadMailboxes(requests: MailboxRequests) {
    const results = await Promise.allSettled(
      requests.map(async ({ accountId, reply }) => {
        const { version, list } = await reply;
        // No list: the popup holds this version already.
        if (!list) return;
        held.set(accountId, { version, list });
        void copies.write(accountId, { version, list });
        setMailboxes((current) => ({ ...current, [accountId]: list }));
      }),
    );
    const failed = results.find((result) => result.status === 'rejected');
    // A locked vault already shows its own form; anything else deserves a message.
    if (failed && (failed.reason as { code?: string }).code !== 'locked') onError(failed.reason);
  }

  async function load() {
    const { state, head } = early ?? requestState();
    early = undefined;
    try {
      const [[{ accounts: list }, stored, status], first] = await Promise.all([state, head]);
      setAccounts(list);
      setRecents(stored);
      setVault(status);
      if (first && first.rows.length > 0) {
        setPreview({ shown: first.rows, total: first.total });
        // Reading and indexing 100,000 addresses takes tens of milliseconds: not before these rows are drawn.
        await afterNextPaint();
      }
      const requests = await holdLists(list);
      // The lists held (the copies, or newer answers), searchable before any list is carried across the
      // message channel; the answers below replace those that changed.
      setMailboxes((current) => {
        const lists = { ...current };
        for (const account of list) {
          const copy = held.get(account.id);
          if (copy && !lists[account.id]) lists[account.id] = copy.list;
        }
        return lists;
      });
      // Mailbox lists are cached in plain storage, so a locked vault still shows them.
      await loadMailboxes(requests);
      // Every list is confirmed or replaced: the search over them shows the same rows from now on.
      setPreview(null);
      // With a single account, its own Webmail is the likely click: have its session ready (after the
      // list, which the worker then answers first).
      const [only] = list;
      if (list.length === 1 && only?.kind === 'cpanel' && !only.askPassword && !status.locked)
        prepare(only.id);
    } catch (failure) {
      onError(failure);
    }
  }

  // A layout effect, not useEffect: that would wait for the empty popup's first frame before taking the
  // worker's answers, which are often in by then.
  useLayoutEffect(() => void load(), []);
  useAccountsChanged(useCallback(() => void load(), []));

  const accountById = useMemo(
    () => new Map((accounts ?? []).map((account) => [account.id, account])),
    [accounts],
  );
  const view = useMemo(() => {
    const ready: MailboxIndex[] = [];
    for (const account of accounts ?? []) {
      const list = mailboxes[account.id];
      if (list) ready.push(indexFor(account, list));
    }
    return buildView(ready, recents);
  }, [accounts, mailboxes, recents]);

  return {
    accounts,
    preview,
    accountById,
    mailboxes,
    recents,
    vault,
    view,
    refreshed,
    load,
    refresh: () => {
      void loadMailboxes(requestMailboxes(accounts ?? [], true));
      setRefreshed((n) => n + 1);
    },
    reloadAccount: (accountId) => {
      const account = accountById.get(accountId);
      if (account) void loadMailboxes(requestMailboxes([account], false));
    },
    reloadRecents: async () => setRecents(await send<'recents.get'>({ type: 'recents.get' })),
    lock: async () => {
      await send({ type: 'vault.lock' });
      setVault({ enabled: true, locked: true });
    },
  };
}
