import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AccountSummary } from '../core/accounts';
import { t } from '../i18n/t';
import { send } from '../messages/client';
import { ErrorNote } from '../ui/ErrorNote';
import { useAccountsChanged } from '../ui/useAccountsChanged';
import { AccountForm } from './AccountForm';
import { AccountList } from './AccountList';
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

  return (
    <main>
      <h1>{t('ext_short_name')}</h1>
      {accounts?.length === 0 && <TokenHelp first />}
      <section aria-labelledby="accounts-title">
        <h2 id="accounts-title">{t('options_accounts_heading')}</h2>
        <ErrorNote error={error} />
        {accounts && <AccountList accounts={accounts} onChanged={refresh} />}
      </section>
      <section aria-labelledby="add-title">
        <h2 id="add-title">{t('options_add_heading')}</h2>
        <AccountForm onSaved={refresh} />
      </section>
      <section aria-labelledby="vault-title">
        <h2 id="vault-title">{t('options_vault_heading')}</h2>
        <VaultSettings onChanged={refresh} />
      </section>
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
