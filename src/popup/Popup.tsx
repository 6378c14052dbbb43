import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { AccountSummary } from '../core/accounts';
import type { CompactMailboxes } from '../core/compactMailboxes';
import type { MailboxRef } from '../core/recents';
import { LauncherError, msg } from '../cpanel/errors';
import type { WhmService } from '../cpanel/whmSession';
import { t } from '../i18n/t';
import { send } from '../messages/client';
import { ErrorNote } from '../ui/ErrorNote';
import { useAccountsChanged } from '../ui/useAccountsChanged';
import { AccountActions } from './AccountActions';
import { DirectoryProgress } from './DirectoryProgress';
import {
  buildView,
  indexMailboxes,
  type MailboxEntry,
  type MailboxIndex,
  mailboxCount,
  search,
} from './entries';
import { MailboxList } from './MailboxList';
import { openWebmail } from './openWebmail';
import { PasswordPrompt } from './PasswordPrompt';
import { UnlockForm } from './UnlockForm';

/** Rows rendered at once (more than the list shows without scrolling); the search narrows to these. */
const VISIBLE_ROWS = 30;
/**
 * How long the pointer (or the arrow keys) must rest on a row before its session is prepared: a person aims
 * at a row for 100–300 ms before clicking, while a sweep across rows stays under this on each.
 */
const AIM_MS = 80;

/** Asks the worker to make this target's session now (`webmail.prepare`); a failure only means no head start. */
function prepare(accountId: string, email?: string): void {
  send({ type: 'webmail.prepare', accountId, email }).catch(() => undefined);
}

/**
 * One mailbox request per account, in the compact form (a string of addresses, not 10,000 objects); a WHM
 * account answers with its directory's mailboxes.
 */
function requestMailboxes(list: AccountSummary[], refresh: boolean, asked = new Map<string, MailboxReply>()) {
  return list.map((account) => {
    const reply =
      asked.get(account.id) ??
      send<'mailboxes.compact'>({ type: 'mailboxes.compact', accountId: account.id, refresh });
    // Handled where it is awaited, which may be after it failed: not an unhandled rejection meanwhile.
    reply.catch(() => undefined);
    return { accountId: account.id, reply };
  });
}
type MailboxReply = ReturnType<typeof send<'mailboxes.compact'>>;

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
    () => [],
  );
  return { state, mailboxes };
}

const indexes = new WeakMap<CompactMailboxes, MailboxIndex>();
/** An account's search index, made once per list it received (a list arriving does not redo the others). */
function indexOf(account: AccountSummary, list: CompactMailboxes): MailboxIndex {
  let index = indexes.get(list);
  if (index?.account !== account) {
    index = index ? { ...index, account, label: account.label.toLowerCase() } : indexMailboxes(account, list);
    indexes.set(list, index);
  }
  return index;
}

/** The first load starts when the module runs: the worker answers while Preact sets the page up. */
let early: ReturnType<typeof requestState> | undefined = requestState();

export function Popup() {
  const [accounts, setAccounts] = useState<AccountSummary[] | null>(null);
  const [mailboxes, setMailboxes] = useState<Record<string, CompactMailboxes>>({});
  const [recents, setRecents] = useState<{ recent: MailboxRef[]; pinned: MailboxRef[] }>({
    recent: [],
    pinned: [],
  });
  const [query, setQuery] = useState('');
  const [highlighted, setHighlighted] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<MailboxEntry | null>(null);
  // Bumped by Refresh: the WHM directory progress looks again.
  const [refreshed, setRefreshed] = useState(0);
  const [vault, setVault] = useState<{ enabled: boolean; locked: boolean }>({
    enabled: false,
    locked: false,
  });

  const aimTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** The row the user points at (or moved to with the keys): prepared once it stays aimed at for AIM_MS. */
  function aim(entry: MailboxEntry | undefined) {
    clearTimeout(aimTimer.current);
    // A suspended mailbox's session would only be refused at its login: nothing to prepare.
    if (!entry || entry.suspended || (!entry.main && accountById.get(entry.accountId)?.askPassword)) return;
    aimTimer.current = setTimeout(
      () => prepare(entry.accountId, entry.main ? undefined : entry.email),
      AIM_MS,
    );
  }
  const unaim = () => clearTimeout(aimTimer.current);

  async function loadMailboxes(requests: ReturnType<typeof requestMailboxes>) {
    const results = await Promise.allSettled(
      requests.map(async ({ accountId, reply }) => {
        const { list } = await reply;
        setMailboxes((current) => ({ ...current, [accountId]: list }));
      }),
    );
    const failed = results.find((result) => result.status === 'rejected');
    // A locked vault already shows its own form; anything else deserves a message.
    if (failed && (failed.reason as { code?: string }).code !== 'locked') setError(failed.reason);
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
      setError(failure);
    }
  }

  useEffect(() => void load(), []);
  useAccountsChanged(useCallback(() => void load(), []));

  async function lock() {
    await send({ type: 'vault.lock' });
    setVault({ enabled: true, locked: true });
  }

  const view = useMemo(() => {
    const indexes: MailboxIndex[] = [];
    for (const account of accounts ?? []) {
      const list = mailboxes[account.id];
      if (list) indexes.push(indexOf(account, list));
    }
    return buildView(indexes, recents);
  }, [accounts, mailboxes, recents]);
  const { shown, total } = useMemo(() => search(view, query, VISIBLE_ROWS), [view, query]);
  const accountById = useMemo(
    () => new Map((accounts ?? []).map((account) => [account.id, account])),
    [accounts],
  );

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
      setAsking(null);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  function open(entry: MailboxEntry | undefined) {
    if (!entry) {
      // No match: an address typed in full may still belong to an account (or a WHM token's users).
      if (query.includes('@')) void run(() => send({ type: 'webmail.openForAddress', email: query.trim() }));
      return;
    }
    // cPanel hands out a session for a suspended mailbox and then refuses its login on 2096
    // (Cpanel/API/Session.pm checks suspension only with the password): say so before opening a tab.
    if (!entry.main && entry.suspended) {
      setError(new LauncherError('bad_input', msg('error_mailbox_suspended', entry.email)));
      return;
    }
    if (!entry.main && accountById.get(entry.accountId)?.askPassword) {
      setAsking(entry);
      return;
    }
    if (entry.user && entry.main) {
      // A WHM account's row for a cPanel account's own mailbox: Webmail as that cPanel user.
      openSession(entry.accountId, 'webmaild', entry.user);
      return;
    }
    const email = entry.main ? undefined : entry.email;
    void run(() => openWebmail({ accountId: entry.accountId, email }));
  }

  function openWithPassword(entry: MailboxEntry, password: string) {
    void run(() => send({ type: 'webmail.open', accountId: entry.accountId, email: entry.email, password }));
  }

  function openSession(accountId: string, service: WhmService, user?: string, app?: string) {
    void run(() => send({ type: 'session.open', accountId, service, user, app }));
  }

  async function togglePin(entry: MailboxEntry) {
    await send({
      type: 'mailbox.pin',
      accountId: entry.accountId,
      email: entry.email,
      pinned: !entry.pinned,
    });
    setRecents(await send<'recents.get'>({ type: 'recents.get' }));
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = Math.min(Math.max(highlighted + step, 0), Math.max(shown.length - 1, 0));
      setHighlighted(next);
      aim(shown[next]);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(shown[highlighted]);
    } else if (event.altKey && event.code === 'KeyP') {
      // Alt+P by key position, so it works whatever letter a layout puts there (and macOS's Option+P "π").
      event.preventDefault();
      const entry = shown[highlighted];
      if (entry && !entry.main) void togglePin(entry);
    } else if (event.altKey && event.code === 'KeyC') {
      // Alt+C: cPanel for the cPanel user that owns the highlighted mailbox of a WHM account.
      event.preventDefault();
      const entry = shown[highlighted];
      if (entry?.user) openSession(entry.accountId, 'cpaneld', entry.user);
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
      setHighlighted(0);
    }
  }

  const openOptions = () => void browser.runtime.openOptionsPage();
  const whmAccounts = useMemo(() => (accounts ?? []).filter((account) => account.kind === 'whm'), [accounts]);

  return (
    <main>
      <header>
        <h1>{t('ext_short_name')}</h1>
        <div class="row">
          {accounts && accounts.length > 0 && (
            <button
              type="button"
              data-testid="refresh"
              title={t('popup_refresh_title')}
              onClick={() => {
                void loadMailboxes(requestMailboxes(accounts ?? [], true));
                setRefreshed((n) => n + 1);
              }}
            >
              {t('popup_refresh')}
            </button>
          )}
          {vault.enabled && !vault.locked && (
            <button
              type="button"
              data-testid="lock"
              title={t('popup_lock_title')}
              onClick={() => void lock()}
            >
              {t('popup_lock')}
            </button>
          )}
          <button type="button" onClick={openOptions}>
            {t('popup_accounts')}
          </button>
        </div>
      </header>
      {vault.locked && (
        <UnlockForm
          onUnlocked={() => {
            setError(null);
            void load();
          }}
        />
      )}
      {accounts?.length === 0 && (
        <div class="empty" data-testid="no-accounts">
          <p>{t('popup_empty')}</p>
          <button type="button" class="primary" onClick={openOptions}>
            {t('popup_add_account')}
          </button>
        </div>
      )}
      {accounts && accounts.length > 0 && (
        <>
          <label class="visually-hidden" for="search">
            {t('popup_search_label')}
          </label>
          <input
            id="search"
            type="text"
            data-testid="search"
            placeholder={t('popup_search_placeholder')}
            autocomplete="off"
            spellcheck={false}
            role="combobox"
            aria-expanded="true"
            aria-controls="mailbox-list"
            aria-activedescendant={shown.length > 0 ? `mailbox-option-${highlighted}` : undefined}
            aria-describedby="pin-hint"
            aria-keyshortcuts="Alt+P Alt+C"
            value={query}
            onInput={(event) => {
              setQuery(event.currentTarget.value);
              setHighlighted(0);
            }}
            onKeyDown={onKeyDown}
            // biome-ignore lint/a11y/noAutofocus: the popup exists to search; typing must work at once
            autoFocus
          />
          <ErrorNote error={error} />
          <DirectoryProgress
            accounts={whmAccounts}
            kick={refreshed}
            shown={(accountId) => mailboxCount(mailboxes[accountId])}
            onGrow={(accountId) => {
              const account = accountById.get(accountId);
              if (account) void loadMailboxes(requestMailboxes([account], false));
            }}
          />
          {asking && (
            <PasswordPrompt
              email={asking.email}
              busy={busy}
              onSubmit={(password) => openWithPassword(asking, password)}
              onCancel={() => setAsking(null)}
            />
          )}
          <MailboxList
            entries={shown}
            total={total}
            highlighted={highlighted}
            showAccount={accounts.length > 1}
            onOpen={open}
            onPin={(entry) => void togglePin(entry)}
            onWrite={(entry) => {
              const email = entry.main ? undefined : entry.email;
              void run(() => send({ type: 'webmail.compose', to: '', accountId: entry.accountId, email }));
            }}
            onHover={(index) => {
              setHighlighted(index);
              aim(shown[index]);
            }}
            onLeave={unaim}
            onOpenCpanel={(entry) => entry.user && openSession(entry.accountId, 'cpaneld', entry.user)}
          />
          <div class="accounts">
            {accounts.map((account) => (
              <AccountActions
                key={account.id}
                account={account}
                busy={busy}
                onOpenOwnWebmail={() => void run(() => openWebmail({ accountId: account.id }))}
                onOpenSession={(service, user, app) => openSession(account.id, service, user, app)}
              />
            ))}
          </div>
        </>
      )}
    </main>
  );
}
