import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AccountSummary } from '../core/accounts';
import { send } from '../messages/client';
import { ErrorNote } from '../ui/ErrorNote';
import { useAccountsChanged } from '../ui/useAccountsChanged';
import { AccountForm } from './AccountForm';
import { AccountList } from './AccountList';
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
      <h1>Webmail Launcher</h1>
      {accounts?.length === 0 && <TokenHelp first />}
      <section aria-labelledby="accounts-title">
        <h2 id="accounts-title">Accounts</h2>
        <ErrorNote error={error} />
        {accounts && <AccountList accounts={accounts} onChanged={refresh} />}
      </section>
      <section aria-labelledby="add-title">
        <h2 id="add-title">Add an account</h2>
        <AccountForm onSaved={refresh} />
      </section>
      <section aria-labelledby="vault-title">
        <h2 id="vault-title">Passphrase</h2>
        <VaultSettings onChanged={refresh} />
      </section>
      <section aria-labelledby="transfer-title">
        <h2 id="transfer-title">Export and import</h2>
        <Transfer onChanged={refresh} />
      </section>
      {accounts && accounts.length > 0 && <TokenHelp />}
    </main>
  );
}
