import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { AccountSummary } from '../core/accounts';
import type { CompactMailboxes } from '../core/compactMailboxes';
import { buildView, indexFor, type MailboxIndex, type MailboxView } from '../core/mailboxSearch';
import type { MailboxRef } from '../core/recents';
import { send } from '../messages/client';
import { useAccountsChanged } from '../ui/useAccountsChanged';
import { prepare } from './actions';

type MailboxReply = ReturnType<typeof send<'mailboxes.compact'>>;
type MailboxRequests = { accountId: string; reply: MailboxReply }[];
export type Recents = { recent: MailboxRef[]; pinned: MailboxRef[] };
export type VaultState = { enabled: boolean; locked: boolean };

/**
 * One mailbox request per account, in the compact form (a string of addresses, not 10,000 objects); a WHM
 * account answers with its directory's mailboxes.
 */
function requestMailboxes(
  list: AccountSummary[],
  refresh: boolean,
  asked = new Map<string, MailboxReply>(),
): MailboxRequests {
  return list.map((account) => {
    const reply =
      asked.get(account.id) ??
      send<'mailboxes.compact'>({ type: 'mailboxes.compact', accountId: account.id, refresh });
    // Handled where it is awaited, which may be after it failed: not an unhandled rejection meanwhile.
    reply.catch(() => undefined);
    return { accountId: account.id, reply };
  });
}

/**
 * The ids of the accounts the popup showed last time (page storage of the extension's origin; ids only):
 * their mailboxes are asked for at once, together with the account list instead of after it.
 */
const KNOWN_ACCOUNTS = 'popupAccountIds';

function requestState() {
  let known: string[] = [];
  try {
    known = JSON.parse(localStorage.getItem(KNOWN_ACCOUNTS) ?? '[]');
  } catch {
    // Nothing remembered: the accounts come first, as on the very first open.
  }
  const asked = new Map(
    known.map((accountId) => {
      const reply = send<'mailboxes.compact'>({ type: 'mailboxes.compact', accountId });
      reply.catch(() => undefined);
      return [accountId, reply] as const;
    }),
  );
  const state = Promise.all([
    send<'account.list'>({ type: 'account.list' }),
    send<'recents.get'>({ type: 'recents.get' }),
    send<'vault.status'>({ type: 'vault.status' }),
  ]);
  const mailboxes = state.then(
    ([{ accounts }]) => {
      localStorage.setItem(KNOWN_ACCOUNTS, JSON.stringify(accounts.map((account) => account.id)));
      return requestMailboxes(accounts, false, asked);
    },
    (): MailboxRequests => [],
  );
  return { state, mailboxes };
}

/** The first load starts when the module runs: the worker answers while Preact sets the page up. */
let early: ReturnType<typeof requestState> | undefined = requestState();

export interface PopupData {
  /** null until the worker has answered. */
  accounts: AccountSummary[] | null;
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

  async function loadMailboxes(requests: MailboxRequests) {
    const results = await Promise.allSettled(
      requests.map(async ({ accountId, reply }) => {
        const { list } = await reply;
        setMailboxes((current) => ({ ...current, [accountId]: list }));
      }),
    );
    const failed = results.find((result) => result.status === 'rejected');
    // A locked vault already shows its own form; anything else deserves a message.
    if (failed && (failed.reason as { code?: string }).code !== 'locked') onError(failed.reason);
  }

  async function load() {
    const { state, mailboxes: requests } = early ?? requestState();
    early = undefined;
    try {
      const [{ accounts: list }, stored, status] = await state;
      setAccounts(list);
      setRecents(stored);
      setVault(status);
      // Mailbox lists are cached in plain storage, so a locked vault still shows them.
      await loadMailboxes(await requests);
      // With a single account, its own Webmail is the likely click: have its session ready (after the
      // list, which the worker then answers first).
      const [only] = list;
      if (list.length === 1 && only?.kind === 'cpanel' && !only.askPassword && !status.locked)
        prepare(only.id);
    } catch (failure) {
      onError(failure);
    }
  }

  useEffect(() => void load(), []);
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
