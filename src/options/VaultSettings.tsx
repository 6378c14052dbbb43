import { useCallback, useEffect, useState } from 'preact/hooks';
import { send } from '../messages/client';
import { ErrorNote } from '../ui/ErrorNote';
import { useAccountsChanged } from '../ui/useAccountsChanged';

type Status = { enabled: boolean; locked: boolean };

/** The optional passphrase: set, change, remove, lock, and the auto-lock time. */
export function VaultSettings({ onChanged }: { onChanged: () => void }) {
  const [status, setStatus] = useState<Status | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [minutes, setMinutes] = useState<number | null>(null);
  const [lockManaged, setLockManaged] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);

  async function refresh() {
    setStatus(await send({ type: 'vault.status' }));
    const { settings } = await send({ type: 'settings.get' });
    setMinutes(settings.autoLockMinutes);
    setLockManaged(settings.managed.includes('autoLockMinutes'));
  }
  useEffect(() => void refresh().catch(setError), []);
  useAccountsChanged(useCallback(() => void refresh().catch(setError), []));

  async function run(action: () => Promise<unknown>, message: string) {
    setError(null);
    setDone('');
    setBusy(true);
    try {
      await action();
      setPassphrase('');
      setNext('');
      setConfirm('');
      setDone(message);
      await refresh();
      onChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const mismatch = next !== '' && confirm !== '' && next !== confirm;
  if (!status) return null;
  return (
    <div class="vault" data-testid="vault-settings">
      <p data-testid="vault-state">
        {status.enabled
          ? status.locked
            ? 'Your tokens are encrypted with your passphrase and locked.'
            : 'Your tokens are encrypted with your passphrase and unlocked.'
          : 'No passphrase: tokens are encrypted with a key kept in this browser profile.'}
      </p>
      {status.enabled && status.locked && (
        <form
          class="row"
          onSubmit={(event) => {
            event.preventDefault();
            void run(() => send({ type: 'vault.unlock', passphrase }), 'Unlocked.');
          }}
        >
          <label for="vault-unlock">Passphrase</label>
          <input
            id="vault-unlock"
            type="password"
            value={passphrase}
            onInput={(e) => setPassphrase(e.currentTarget.value)}
          />
          <button type="submit" class="primary" disabled={busy || !passphrase}>
            Unlock
          </button>
        </form>
      )}
      <form
        class="account-form"
        data-testid="vault-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (mismatch) return;
          void run(
            () =>
              status.enabled
                ? send({ type: 'vault.change', passphrase, newPassphrase: next })
                : send({ type: 'vault.enable', passphrase: next }),
            status.enabled ? 'Passphrase changed.' : 'Passphrase set: your tokens are now encrypted with it.',
          );
        }}
      >
        {status.enabled && (
          <>
            <label for="vault-current">Current passphrase</label>
            <input
              id="vault-current"
              type="password"
              autocomplete="current-password"
              value={passphrase}
              onInput={(e) => setPassphrase(e.currentTarget.value)}
            />
          </>
        )}
        <label for="vault-new">{status.enabled ? 'New passphrase' : 'Passphrase'}</label>
        <input
          id="vault-new"
          type="password"
          autocomplete="new-password"
          minLength={8}
          value={next}
          onInput={(e) => setNext(e.currentTarget.value)}
        />
        <label for="vault-confirm">Repeat it</label>
        <input
          id="vault-confirm"
          type="password"
          autocomplete="new-password"
          value={confirm}
          onInput={(e) => setConfirm(e.currentTarget.value)}
        />
        <div class="actions">
          <button
            type="submit"
            class="primary"
            disabled={busy || !next || next !== confirm}
            data-testid="vault-submit"
          >
            {status.enabled ? 'Change passphrase' : 'Set passphrase'}
          </button>
          {status.enabled && (
            <>
              <button
                type="button"
                disabled={busy || !passphrase}
                data-testid="vault-remove"
                onClick={() =>
                  void run(() => send({ type: 'vault.disable', passphrase }), 'Passphrase removed.')
                }
              >
                Remove passphrase
              </button>
              <button
                type="button"
                disabled={busy || status.locked}
                onClick={() => void run(() => send({ type: 'vault.lock' }), 'Locked.')}
              >
                Lock now
              </button>
            </>
          )}
          {mismatch && <span class="error">The two passphrases differ.</span>}
          {done && (
            <span class="ok" role="status" data-testid="vault-done">
              {done}
            </span>
          )}
        </div>
      </form>
      <div class="row">
        <label for="vault-minutes">Lock after</label>
        <input
          id="vault-minutes"
          type="number"
          min={1}
          max={1440}
          disabled={lockManaged}
          value={minutes ?? 15}
          onChange={(event) => {
            const value = Number(event.currentTarget.value);
            if (Number.isInteger(value) && value >= 1)
              void run(() => send({ type: 'settings.set', settings: { autoLockMinutes: value } }), 'Saved.');
          }}
        />
        <span>minutes without use{lockManaged ? ' (set by your administrator)' : ''}</span>
      </div>
      <ErrorNote error={error} />
    </div>
  );
}
