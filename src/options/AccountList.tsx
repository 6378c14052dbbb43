import { useState } from 'preact/hooks';
import type { AccountSummary } from '../core/accounts';
import { t } from '../i18n/t';
import { send } from '../messages/client';
import { ErrorNote } from '../ui/ErrorNote';
import { MailboxCopies } from '../ui/mailboxCopies';
import { AccountForm } from './AccountForm';
import { HostAccess } from './HostAccess';

interface Props {
  accounts: AccountSummary[];
  onChanged: () => void;
}

/** Every account with its state (default, managed, host access) and what can be done with it. */
export function AccountList({ accounts, onChanged }: Props) {
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
      onChanged();
    } catch (failure) {
      setError(failure);
    }
  }

  function move(index: number, step: number) {
    const ids = accounts.filter((account) => !account.managed).map((account) => account.id);
    const own = accounts.filter((account) => !account.managed);
    const from = own.findIndex((account) => account.id === accounts[index]?.id);
    const to = from + step;
    if (from < 0 || to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to] as string, ids[from] as string];
    void run(() => send({ type: 'account.reorder', ids }));
  }

  if (accounts.length === 0) return <p class="muted">{t('options_no_accounts')}</p>;
  const oldTokens = accounts.some((account) => account.sealedBeforePassphrase);
  return (
    <>
      {oldTokens && (
        <p class="warn" role="note" data-testid="old-tokens-warning">
          {t('options_security_old_tokens')}
        </p>
      )}
      <ul class="accounts" data-testid="account-list">
        {accounts.map((account, index) => (
          <li key={account.id} data-testid="account-row" data-account-label={account.label}>
            <div class="account-line">
              <span class="account-title">
                <strong>{account.label}</strong>{' '}
                <span class="muted">
                  {t(account.kind === 'whm' ? 'options_kind_whm' : 'options_kind_cpanel')} ·{' '}
                  {account.username}@{account.host}:{account.port}
                </span>{' '}
                {account.isDefault && (
                  <span class="badge" data-testid="default-badge">
                    {t('options_badge_default')}
                  </span>
                )}
                {account.managed && (
                  <span class="badge" data-testid="managed-badge" title={t('options_managed_title')}>
                    {t('options_badge_managed')}
                  </span>
                )}
                {account.needsToken && <span class="badge warn">{t('options_badge_needs_token')}</span>}
                {account.sealedBeforePassphrase && (
                  <span class="badge warn">{t('options_security_badge_old_token')}</span>
                )}
              </span>
              <span class="account-actions">
                <HostAccess host={account.host} />
                {!account.isDefault && (
                  <button
                    type="button"
                    class="small"
                    onClick={() => void run(() => send({ type: 'account.setDefault', id: account.id }))}
                  >
                    {t('options_make_default')}
                  </button>
                )}
                {!account.managed && (
                  <>
                    <button
                      type="button"
                      class="small"
                      aria-label={t('options_move_up', account.label)}
                      onClick={() => move(index, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      class="small"
                      aria-label={t('options_move_down', account.label)}
                      onClick={() => move(index, 1)}
                    >
                      ↓
                    </button>
                  </>
                )}
                {account.sealedBeforePassphrase && (
                  <button
                    type="button"
                    class="small"
                    data-testid="replace-token"
                    onClick={() => setEditing(account.id)}
                  >
                    {t('options_security_replace_token')}
                  </button>
                )}
                <button
                  type="button"
                  class="small"
                  data-testid="edit-account"
                  onClick={() => setEditing(editing === account.id ? null : account.id)}
                >
                  {t(account.managed ? 'options_enter_token' : 'options_edit')}
                </button>
                {!account.managed && (
                  <button
                    type="button"
                    class="small"
                    aria-label={t('options_remove_named', account.label)}
                    data-testid="remove-account"
                    onClick={() =>
                      void run(async () => {
                        await send({ type: 'account.remove', id: account.id });
                        // The popup's copy of its mailbox list goes with it (the popup also drops copies of
                        // accounts it no longer finds, for removals made elsewhere).
                        await new MailboxCopies().forget(account.id);
                      })
                    }
                  >
                    {t('options_remove')}
                  </button>
                )}
              </span>
            </div>
            {editing === account.id && (
              <AccountForm
                editing={account}
                onSaved={() => {
                  setEditing(null);
                  onChanged();
                }}
                onCancel={() => setEditing(null)}
              />
            )}
          </li>
        ))}
      </ul>
      <ErrorNote error={error} />
    </>
  );
}
