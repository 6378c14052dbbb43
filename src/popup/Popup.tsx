import { useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { type MailboxEntry, mailboxCount, search } from '../core/mailboxSearch';
import { LauncherError, msg } from '../cpanel/errors';
import { t } from '../i18n/t';
import { ErrorNote } from '../ui/ErrorNote';
import { useAction } from '../ui/useAction';
import { AccountActions } from './AccountActions';
import { compose, openForAddress, openSession, openWebmail, pin } from './actions';
import { DirectoryProgress } from './DirectoryProgress';
import { MailboxList } from './MailboxList';
import { PasswordPrompt } from './PasswordPrompt';
import { UnlockForm } from './UnlockForm';
import { useListKeys } from './useListKeys';
import { usePopupData, VISIBLE_ROWS } from './usePopupData';
import { usePrepareOnAim } from './usePrepareOnAim';

export function Popup() {
  const { busy, error, run, setError } = useAction();
  const data = usePopupData(setError);
  const { accounts, accountById, vault } = data;
  const [query, setQuery] = useState('');
  const [asking, setAsking] = useState<MailboxEntry | null>(null);
  const { shown, total } = useMemo(
    () => (data.preview && query === '' ? data.preview : search(data.view, query, VISIBLE_ROWS)),
    [data.preview, data.view, query],
  );
  const { aim, unaim } = usePrepareOnAim(accountById);

  /** Runs a worker request; a password prompt closes once it succeeded. */
  const act = (task: () => Promise<unknown>) =>
    void run(async () => {
      await task();
      setAsking(null);
    });

  function open(entry: MailboxEntry | undefined) {
    if (!entry) {
      // No match: an address typed in full may still belong to an account (or a WHM token's users).
      if (query.includes('@')) act(() => openForAddress(query.trim()));
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
      act(() => openSession(entry.accountId, 'webmaild', entry.user));
      return;
    }
    act(() => openWebmail(entry.accountId, entry.main ? undefined : entry.email));
  }

  async function togglePin(entry: MailboxEntry) {
    await pin(entry.accountId, entry.email, !entry.pinned);
    await data.reloadRecents();
  }

  const openCpanel = (entry: MailboxEntry) =>
    entry.user && act(() => openSession(entry.accountId, 'cpaneld', entry.user));

  const { highlighted, setHighlighted, onKeyDown } = useListKeys({
    shown,
    query,
    clearQuery: () => setQuery(''),
    aim,
    open,
    togglePin: (entry) => void togglePin(entry),
    openCpanel,
  });

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
              onClick={data.refresh}
            >
              {t('popup_refresh')}
            </button>
          )}
          {vault.enabled && !vault.locked && (
            <button
              type="button"
              data-testid="lock"
              title={t('popup_lock_title')}
              onClick={() => void data.lock()}
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
            void data.load();
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
            kick={data.refreshed}
            shown={(accountId) => mailboxCount(data.mailboxes[accountId])}
            onGrow={data.reloadAccount}
          />
          {asking && (
            <PasswordPrompt
              email={asking.email}
              busy={busy}
              onSubmit={(password) => act(() => openWebmail(asking.accountId, asking.email, password))}
              onCancel={() => setAsking(null)}
            />
          )}
          <MailboxList
            entries={shown}
            busy={data.preview !== null}
            total={total}
            highlighted={highlighted}
            showAccount={accounts.length > 1}
            onOpen={open}
            onPin={(entry) => void togglePin(entry)}
            onWrite={(entry) => act(() => compose(entry.accountId, entry.main ? undefined : entry.email))}
            onHover={(index) => {
              setHighlighted(index);
              aim(shown[index]);
            }}
            onLeave={unaim}
            onOpenCpanel={openCpanel}
          />
          <div class="accounts">
            {accounts.map((account) => (
              <AccountActions
                key={account.id}
                account={account}
                busy={busy}
                onOpenOwnWebmail={() => act(() => openWebmail(account.id))}
                onOpenSession={(service, user, app) => act(() => openSession(account.id, service, user, app))}
              />
            ))}
          </div>
        </>
      )}
    </main>
  );
}
