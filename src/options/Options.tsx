import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AccountSummary } from '../core/accounts';
import { t } from '../i18n/t';
import { send } from '../messages/client';
import { ErrorNote } from '../ui/ErrorNote';
import { useAccountsChanged } from '../ui/useAccountsChanged';
import { AccountForm } from './AccountForm';
import { AccountList } from './AccountList';
import { ComposeSettings } from './ComposeSettings';
import { PrepareSetting } from './PrepareSetting';
import { TokenHelp } from './TokenHelp';
import { Transfer } from './Transfer';
import { VaultSettings } from './VaultSettings';

export function Options() {
  const [accounts, setAccounts] = useState<AccountSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const refresh = useCallback(() => {
    send({ type: 'account.list' })
      .then((reply) => setAccounts(reply.accounts))
      .catch(setError);
  }, []);
  useEffect(refresh, [refresh]);
  useAccountsChanged(refresh);

  const firstRun = accounts?.length === 0;
  const vault = (
    <section aria-labelledby="vault-title" data-testid="vault-section">
      <h2 id="vault-title">{t('options_vault_heading')}</h2>
      <VaultSettings onChanged={refresh} hasAccounts={(accounts?.length ?? 0) > 0} firstRun={firstRun} />
    </section>
  );

  return (
    <main>
      <h1>{t('ext_short_name')}</h1>
      {accounts?.length === 0 && <TokenHelp first />}
      <section aria-labelledby="accounts-title">
        <h2 id="accounts-title">{t('options_accounts_heading')}</h2>
        <ErrorNote error={error} />
        {accounts && <AccountList accounts={accounts} onChanged={refresh} />}
      </section>
      {/* First run: the passphrase comes before the first token, so no token is ever sealed without it. */}
      {firstRun && vault}
      <section aria-labelledby="add-title">
        <h2 id="add-title">{t('options_add_heading')}</h2>
        <AccountForm onSaved={refresh} />
      </section>
      {accounts && accounts.length > 0 && (
        <section aria-labelledby="compose-title">
          <h2 id="compose-title">{t('compose_options_heading')}</h2>
          <ComposeSettings accounts={accounts} />
        </section>
      )}
      {!firstRun && vault}
      <section aria-labelledby="prepare-title">
        <h2 id="prepare-title">{t('options_prepare_heading')}</h2>
        <PrepareSetting />
      </section>
      <section aria-labelledby="transfer-title">
        <h2 id="transfer-title">{t('options_transfer_heading')}</h2>
        <Transfer onChanged={refresh} />
      </section>
      {accounts && accounts.length > 0 && <TokenHelp />}
    </main>
  );
}
