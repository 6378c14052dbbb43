import { useState } from 'preact/hooks';
import type { AccountSummary } from '../core/accounts';
import { send } from '../messages/client';
import { ErrorNote } from '../ui/ErrorNote';
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

  if (accounts.length === 0) return <p class="muted">No accounts yet.</p>;
  return (
    <>
      <ul class="accounts" data-testid="account-list">
        {accounts.map((account, index) => (
          <li key={account.id} data-testid="account-row" data-account-label={account.label}>
            <div class="account-line">
              <span class="account-title">
                <strong>{account.label}</strong>{' '}
                <span class="muted">
                  {account.kind === 'whm' ? 'WHM' : 'cPanel'} · {account.username}@{account.host}:
                  {account.port}
                </span>{' '}
                {account.isDefault && (
                  <span class="badge" data-testid="default-badge">
                    default
                  </span>
                )}
                {account.managed && (
                  <span class="badge" data-testid="managed-badge" title="Set up by your administrator">
                    managed
                  </span>
                )}
                {account.needsToken && <span class="badge warn">needs a token</span>}
              </span>
              <span class="account-actions">
                <HostAccess host={account.host} />
                {!account.isDefault && (
                  <button
                    type="button"
                    class="small"
                    onClick={() => void run(() => send({ type: 'account.setDefault', id: account.id }))}
                  >
                    Make default
                  </button>
                )}
                {!account.managed && (
                  <>
                    <button
                      type="button"
                      class="small"
                      aria-label={`Move ${account.label} up`}
                      onClick={() => move(index, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      class="small"
                      aria-label={`Move ${account.label} down`}
                      onClick={() => move(index, 1)}
                    >
                      ↓
                    </button>
                  </>
                )}
                <button
                  type="button"
                  class="small"
                  data-testid="edit-account"
                  onClick={() => setEditing(editing === account.id ? null : account.id)}
                >
                  {account.managed ? 'Enter token' : 'Edit'}
                </button>
                {!account.managed && (
                  <button
                    type="button"
                    class="small"
                    aria-label={`Remove ${account.label}`}
                    data-testid="remove-account"
                    onClick={() => void run(() => send({ type: 'account.remove', id: account.id }))}
                  >
                    Remove
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
