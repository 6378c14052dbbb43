import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { AccountSummary } from '../core/accounts';
import { send } from '../messages/client';
import { ErrorNote } from '../ui/ErrorNote';
import { AccountCard } from './AccountCard';

export function Popup() {
  const [accounts, setAccounts] = useState<AccountSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    send<'account.list'>({ type: 'account.list' })
      .then((reply) => setAccounts(reply.accounts))
      .catch(setError);
  }, []);

  const openOptions = () => void browser.runtime.openOptionsPage();

  return (
    <main>
      <header>
        <h1>Webmail Launcher</h1>
        <button type="button" onClick={openOptions}>
          Accounts
        </button>
      </header>
      <ErrorNote error={error} />
      {accounts?.length === 0 && (
        <div class="empty" data-testid="no-accounts">
          <p>Add a cPanel account to open its Webmail in one click.</p>
          <button type="button" class="primary" onClick={openOptions}>
            Add an account
          </button>
        </div>
      )}
      {accounts?.map((account) => (
        <AccountCard key={account.id} account={account} />
      ))}
    </main>
  );
}
