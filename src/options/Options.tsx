import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AccountSummary } from '../core/accounts';
import { send } from '../messages/client';
import { ErrorNote } from '../ui/ErrorNote';
import { AccountForm } from './AccountForm';
import { AccountList } from './AccountList';
import { TokenHelp } from './TokenHelp';

export function Options() {
  const [accounts, setAccounts] = useState<AccountSummary[]>([]);
  const [error, setError] = useState<unknown>(null);

  const refresh = useCallback(() => {
    send<'account.list'>({ type: 'account.list' })
      .then((reply) => setAccounts(reply.accounts))
      .catch(setError);
  }, []);
  useEffect(refresh, [refresh]);

  return (
    <main>
      <h1>Webmail Launcher</h1>
      <section aria-labelledby="accounts-title">
        <h2 id="accounts-title">Accounts</h2>
        <ErrorNote error={error} />
        <AccountList accounts={accounts} onChanged={refresh} />
      </section>
      <section aria-labelledby="add-title">
        <h2 id="add-title">Add an account</h2>
        <AccountForm onSaved={refresh} />
      </section>
      <TokenHelp />
    </main>
  );
}
