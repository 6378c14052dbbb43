import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { LAST_USED_KEY } from '../core/keyring';
import { t } from '../i18n/t';
import { send } from '../messages/client';
import { MIN_PASSPHRASE_LENGTH } from '../rules';
import { ErrorNote } from '../ui/ErrorNote';
import { PassphraseField } from '../ui/PassphraseField';
import { useAccountsChanged } from '../ui/useAccountsChanged';
import { useAction } from '../ui/useAction';

type Status = { enabled: boolean; locked: boolean };

/** The optional passphrase: set, change, remove, lock, and the auto-lock time. */
export function VaultSettings({
  onChanged,
  hasAccounts = false,
  firstRun = false,
}: {
  onChanged: () => void;
  /** Tokens exist already: setting a passphrase now leaves their earlier copies behind (said before). */
  hasAccounts?: boolean;
  /** No account yet: the passphrase is offered before the first token is saved. */
  firstRun?: boolean;
}) {
  const [status, setStatus] = useState<Status | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [minutes, setMinutes] = useState<number | null>(null);
  const [lockManaged, setLockManaged] = useState(false);
  const { busy, error, run: runAction, setError } = useAction();
  const [done, setDone] = useState('');

  async function refresh() {
    setStatus(await send({ type: 'vault.status' }));
    const { settings } = await send({ type: 'settings.get' });
    setMinutes(settings.autoLockMinutes);
    setLockManaged(settings.managed.includes('autoLockMinutes'));
  }
  useEffect(() => void refresh().catch(setError), []);
  useAccountsChanged(useCallback(() => void refresh().catch(setError), []));
  // Locked or unlocked elsewhere (popup, auto-lock): the last-used time comes and goes with the key.
  useEffect(() => {
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && LAST_USED_KEY in changes) void refresh().catch(setError);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);

  /** Runs a vault change; once it succeeded, the typed passphrases are forgotten and `message` shown. */
  const run = (action: () => Promise<unknown>, message: string) =>
    runAction(async () => {
      setDone('');
      await action();
      setPassphrase('');
      setNext('');
      setConfirm('');
      setDone(message);
      await refresh();
      onChanged();
    });

  const mismatch = next !== '' && confirm !== '' && next !== confirm;
  if (!status) return null;
  return (
    <div class="vault" data-testid="vault-settings">
      <p data-testid="vault-state">
        {t(
          status.enabled
            ? status.locked
              ? 'options_vault_locked'
              : 'options_vault_unlocked'
            : 'options_vault_none',
        )}
      </p>
      {!status.enabled && firstRun && (
        <p class="muted" data-testid="vault-first-run">
          {t('options_security_first_run')}
        </p>
      )}
      {!status.enabled && hasAccounts && (
        <p class="muted" data-testid="vault-enable-later">
          {t('options_security_enable_later')}
        </p>
      )}
      {status.enabled && status.locked && (
        <form
          class="row"
          onSubmit={(event) => {
            event.preventDefault();
            void run(() => send({ type: 'vault.unlock', passphrase }), t('options_unlocked'));
          }}
        >
          <PassphraseField
            id="vault-unlock"
            label={t('options_passphrase')}
            value={passphrase}
            onInput={setPassphrase}
          />
          <button type="submit" class="primary" disabled={busy || !passphrase}>
            {t('options_unlock')}
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
            t(status.enabled ? 'options_passphrase_changed' : 'options_passphrase_set'),
          );
        }}
      >
        {status.enabled && (
          <PassphraseField
            id="vault-current"
            label={t('options_current_passphrase')}
            autocomplete="current-password"
            value={passphrase}
            onInput={setPassphrase}
          />
        )}
        <PassphraseField
          id="vault-new"
          label={t(status.enabled ? 'options_new_passphrase' : 'options_passphrase')}
          autocomplete="new-password"
          minLength={MIN_PASSPHRASE_LENGTH}
          value={next}
          onInput={setNext}
        />
        <PassphraseField
          id="vault-confirm"
          label={t('options_repeat')}
          autocomplete="new-password"
          value={confirm}
          onInput={setConfirm}
        />
        <div class="actions">
          <button
            type="submit"
            class="primary"
            disabled={busy || !next || next !== confirm}
            data-testid="vault-submit"
          >
            {t(status.enabled ? 'options_change_passphrase' : 'options_set_passphrase')}
          </button>
          {status.enabled && (
            <>
              <button
                type="button"
                disabled={busy || !passphrase}
                data-testid="vault-remove"
                onClick={() =>
                  void run(() => send({ type: 'vault.disable', passphrase }), t('options_passphrase_removed'))
                }
              >
                {t('options_remove_passphrase')}
              </button>
              <button
                type="button"
                disabled={busy || status.locked}
                onClick={() => void run(() => send({ type: 'vault.lock' }), t('options_locked'))}
              >
                {t('options_lock_now')}
              </button>
            </>
          )}
          {mismatch && <span class="error">{t('options_mismatch')}</span>}
          {done && (
            <span class="ok" role="status" data-testid="vault-done">
              {done}
            </span>
          )}
        </div>
      </form>
      <div class="row">
        <label for="vault-minutes">{t('options_lock_after')}</label>
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
              void run(
                () => send({ type: 'settings.set', settings: { autoLockMinutes: value } }),
                t('options_setting_saved'),
              );
          }}
        />
        <span>{t(lockManaged ? 'options_minutes_managed' : 'options_minutes')}</span>
      </div>
      <ErrorNote error={error} />
    </div>
  );
}
