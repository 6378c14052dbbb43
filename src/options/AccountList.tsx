import { useState } from 'preact/hooks';
import type { AccountSummary } from '../core/accounts';
import { send } from '../messages/client';
import { ErrorNote } from '../ui/ErrorNote';

export function AccountList({ accounts, onChanged }: { accounts: AccountSummary[]; onChanged: () => void }) {
  const [error, setError] = useState<unknown>(null);

  async function remove(account: AccountSummary) {
    setError(null);
    try {
      await send<'account.remove'>({ type: 'account.remove', id: account.id });
      onChanged();
    } catch (failure) {
      setError(failure);
    }
  }

  if (accounts.length === 0) return <p class="muted">No accounts yet.</p>;
  return (
    <>
      <ul class="accounts" data-testid="account-list">
        {accounts.map((account) => (
          <li key={account.id} data-testid="account-row">
            <span>
              <strong>{account.label}</strong>{' '}
              <span class="muted">
                {account.kind === 'whm' ? 'WHM' : 'cPanel'} · {account.username}@{account.host}:{account.port}
              </span>
            </span>
            <button type="button" onClick={() => remove(account)} aria-label={`Remove ${account.label}`}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <ErrorNote error={error} />
    </>
  );
}
