import { useState } from 'preact/hooks';
import type { AccountSummary } from '../core/accounts';
import type { WhmService } from '../cpanel/whmSession';
import { t } from '../i18n/t';
import { TempUser } from './TempUser';

/** cPanel pages a WHM session can land on directly (`app`), besides cPanel's home. */
const CPANEL_APPS = [
  ['', 'popup_app_home'],
  ['Email_Accounts', 'popup_app_email_accounts'],
  ['FileManager_Home', 'popup_app_file_manager'],
  ['Database_phpMyAdmin', 'popup_app_phpmyadmin'],
  ['Backups_Home', 'popup_app_backups'],
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
          {t('popup_webmail')}
        </button>
      </section>
    );
  }
  return (
    <section class="account whm" data-testid="account" aria-label={account.label}>
      <div class="account-head">
        <div class="account-name">
          <strong>{account.label}</strong>
          <span class="muted">{t('popup_whm_account', account.username, account.host)}</span>
        </div>
        <button
          type="button"
          data-testid="open-whm"
          disabled={busy}
          onClick={() => onOpenSession('whostmgrd')}
        >
          {t('popup_whm')}
        </button>
      </div>
      <div class="row">
        <label class="visually-hidden" for={`whm-user-${id}`}>
          {t('popup_whm_user')}
        </label>
        <input
          id={`whm-user-${id}`}
          data-testid="whm-user"
          placeholder={t('popup_whm_user')}
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
          title={t('popup_whm_webmail_title')}
          onClick={() => onOpenSession('webmaild', user)}
        >
          {t('popup_webmail')}
        </button>
        <button
          type="button"
          data-testid="whm-open-cpanel"
          disabled={busy || user.trim() === '' || user.includes('@')}
          title={t('popup_whm_cpanel_title')}
          onClick={() => onOpenSession('cpaneld', user, app || undefined)}
        >
          {t('popup_cpanel')}
        </button>
        <label class="visually-hidden" for={`whm-app-${id}`}>
          {t('popup_whm_app')}
        </label>
        <select
          id={`whm-app-${id}`}
          data-testid="whm-app"
          value={app}
          onChange={(e) => setApp(e.currentTarget.value)}
        >
          {CPANEL_APPS.map(([value, label]) => (
            <option key={value} value={value}>
              {t(label)}
            </option>
          ))}
        </select>
      </div>
      <TempUser accountId={id} />
    </section>
  );
}
