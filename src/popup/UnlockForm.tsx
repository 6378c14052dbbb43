import { useState } from 'preact/hooks';
import { t } from '../i18n/t';
import { send } from '../messages/client';
import { ErrorNote } from '../ui/ErrorNote';
import { useAction } from '../ui/useAction';

/** Shown while the vault is locked: the accounts stay visible, opening one needs the passphrase. */
export function UnlockForm({ onUnlocked }: { onUnlocked: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, run } = useAction();

  async function unlock(event: Event) {
    event.preventDefault();
    await run(async () => {
      await send({ type: 'vault.unlock', passphrase });
      setPassphrase('');
      onUnlocked();
    });
  }

  return (
    <form class="unlock" data-testid="unlock-form" onSubmit={unlock}>
      <label for="unlock-passphrase">{t('popup_unlock_prompt')}</label>
      <div class="row">
        <input
          id="unlock-passphrase"
          type="password"
          autocomplete="current-password"
          value={passphrase}
          onInput={(event) => setPassphrase(event.currentTarget.value)}
          // biome-ignore lint/a11y/noAutofocus: unlocking is the only thing a locked popup can do
          autoFocus
        />
        <button type="submit" class="primary" disabled={busy || !passphrase}>
          {t('popup_unlock')}
        </button>
      </div>
      <ErrorNote error={error} />
    </form>
  );
}
