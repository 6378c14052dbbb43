import { useState } from 'preact/hooks';
import { t } from '../i18n/t';

/** Asks for a mailbox password for accounts set to check it; the password is sent once and forgotten. */
export function PasswordPrompt({
  email,
  busy,
  onSubmit,
  onCancel,
}: {
  email: string;
  busy: boolean;
  onSubmit: (password: string) => void;
  onCancel: () => void;
}) {
  const [password, setPassword] = useState('');
  return (
    <form
      class="password-prompt"
      data-testid="password-prompt"
      onSubmit={(event) => {
        event.preventDefault();
        if (password) onSubmit(password);
      }}
    >
      <label for="mailbox-password">{t('popup_password_of', email)}</label>
      <div class="row">
        <input
          id="mailbox-password"
          type="password"
          autocomplete="current-password"
          value={password}
          onInput={(event) => setPassword(event.currentTarget.value)}
          // biome-ignore lint/a11y/noAutofocus: the prompt appears because the user asked to open this mailbox
          autoFocus
        />
        <button type="submit" class="primary" disabled={busy || !password}>
          {t('popup_open')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('popup_cancel')}
        </button>
      </div>
    </form>
  );
}
