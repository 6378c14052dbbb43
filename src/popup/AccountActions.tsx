import { useState } from 'preact/hooks';
import type { AccountSummary } from '../core/accounts';
import type { WhmService } from '../cpanel/whmSession';

/** cPanel pages a WHM session can land on directly (`app`), besides cPanel's home. */
const CPANEL_APPS = [
  ['', 'Home'],
  ['Email_Accounts', 'Email Accounts'],
  ['FileManager_Home', 'File Manager'],
  ['Database_phpMyAdmin', 'phpMyAdmin'],
  ['Backups_Home', 'Backups'],
] as const;

interface Props {
  account: AccountSummary;
  busy: boolean;
  onOpenOwnWebmail: () => void;
  onOpenSession: (service: WhmService, user?: string, app?: string) => void;
}

/** The buttons an account's token allows: its own Webmail for cPanel tokens; Webmail, cPanel, WHM for WHM. */
export function AccountActions({ account, busy, onOpenOwnWebmail, onOpenSession }: Props) {
  const [user, setUser] = useState('');
  const [app, setApp] = useState('');
  const id = account.id;
  if (account.kind === 'cpanel') {
    return (
      <section class="account" data-testid="account" aria-label={account.label}>
        <div class="account-name">
          <strong>{account.label}</strong>
          <span class="muted">
            {account.username} · {account.host}
          </span>
        </div>
        <button
          type="button"
          class="primary"
          data-testid="open-webmail"
          disabled={busy}
          onClick={onOpenOwnWebmail}
        >
          Webmail
        </button>
      </section>
    );
  }
  return (
    <section class="account whm" data-testid="account" aria-label={account.label}>
      <div class="account-head">
        <div class="account-name">
          <strong>{account.label}</strong>
          <span class="muted">
            WHM · {account.username} · {account.host}
          </span>
        </div>
        <button
          type="button"
          data-testid="open-whm"
          disabled={busy}
          onClick={() => onOpenSession('whostmgrd')}
        >
          WHM
        </button>
      </div>
      <div class="row">
        <label class="visually-hidden" for={`whm-user-${id}`}>
          cPanel user or email address
        </label>
        <input
          id={`whm-user-${id}`}
          data-testid="whm-user"
          placeholder="cPanel user or email address"
          autocomplete="off"
          spellcheck={false}
          value={user}
          onInput={(event) => setUser(event.currentTarget.value)}
        />
      </div>
      <div class="row">
        <button
          type="button"
          data-testid="whm-open-webmail"
          disabled={busy || !user.includes('@')}
          title="Webmail of the email address"
          onClick={() => onOpenSession('webmaild', user)}
        >
          Webmail
        </button>
        <button
          type="button"
          data-testid="whm-open-cpanel"
          disabled={busy || user.trim() === '' || user.includes('@')}
          title="cPanel of the user"
          onClick={() => onOpenSession('cpaneld', user, app || undefined)}
        >
          cPanel
        </button>
        <label class="visually-hidden" for={`whm-app-${id}`}>
          cPanel page
        </label>
        <select
          id={`whm-app-${id}`}
          data-testid="whm-app"
          value={app}
          onChange={(e) => setApp(e.currentTarget.value)}
        >
          {CPANEL_APPS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}
