import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { AccountSummary } from '../core/accounts';
import { LauncherError, msg } from '../cpanel/errors';
import { isValidHost, normalizeHost, originPattern } from '../cpanel/host';
import type { Verified } from '../cpanel/verify';
import { plural, t } from '../i18n/t';
import { send } from '../messages/client';
import { ErrorNote } from '../ui/ErrorNote';
import { useAction } from '../ui/useAction';

interface FormState {
  label: string;
  kind: 'cpanel' | 'whm';
  host: string;
  port: string;
  username: string;
  token: string;
  locale: string;
  askPassword: boolean;
}

const EMPTY: FormState = {
  label: '',
  kind: 'cpanel',
  host: '',
  port: '',
  username: '',
  token: '',
  locale: '',
  askPassword: false,
};

function stateOf(account: AccountSummary): FormState {
  return {
    label: account.label,
    kind: account.kind,
    host: account.host,
    port: String(account.port),
    username: account.username,
    token: '',
    locale: account.locale ?? '',
    askPassword: account.askPassword === true,
  };
}

/** What answered the token check, in the page's language. */
function verifiedText(verified: Verified): string {
  return 'mailboxes' in verified
    ? plural(verified.mailboxes, 'options_verified_mailboxes_one', 'options_verified_mailboxes_other')
    : t('options_verified_whm', verified.whmVersion);
}

interface Props {
  /** The account being edited; a new account when absent. */
  editing?: AccountSummary;
  onSaved: () => void;
  onCancel?: () => void;
}

/**
 * Adds or edits an account. Host access is requested first, inside the click, because the browser only
 * shows its permission prompt during a user gesture; the worker then verifies the token before storing.
 */
export function AccountForm({ editing, onSaved, onCancel }: Props) {
  const [form, setForm] = useState<FormState>(editing ? stateOf(editing) : EMPTY);
  const { busy, error, run, setError } = useAction();
  const [saved, setSaved] = useState('');
  const managed = editing?.managed === true;
  const prefix = editing ? `edit-${editing.id.replace(/[^a-z0-9-]/gi, '')}` : 'account';
  // The stored token never follows the account to another server: a new host or port needs it again.
  const serverChanged =
    editing !== undefined &&
    !managed &&
    (normalizeHost(form.host) !== editing.host ||
      (form.port.trim() !== '' && Number(form.port) !== editing.port));

  const field = (name: Exclude<keyof FormState, 'askPassword'>) => ({
    id: `${prefix}-${name}`,
    name,
    value: form[name],
    disabled: managed && name !== 'token',
    onInput: (event: Event) => {
      const value = (event.currentTarget as HTMLInputElement).value;
      // Functional updates: two quick edits must not overwrite each other with a stale copy of the form.
      setForm((current) => ({ ...current, [name]: value }));
    },
  });

  async function requestAccess(host: string): Promise<void> {
    const granted = await browser.permissions.request({ origins: [originPattern(host)] });
    if (!granted) {
      throw new LauncherError('permission_denied', msg('error_access_refused', host));
    }
  }

  async function save(event: Event) {
    event.preventDefault();
    setSaved('');
    const host = normalizeHost(form.host);
    if (!isValidHost(host)) {
      setError(new LauncherError('bad_input', msg('error_input_host_invalid')));
      return;
    }
    // A failure keeps what was typed in the form, so a fix is one edit away.
    await run(async () => {
      await requestAccess(host);
      const port = form.port.trim() === '' ? undefined : Number(form.port);
      const fields = {
        label: form.label,
        host,
        port,
        username: form.username,
        locale: form.locale,
        askPassword: form.askPassword,
      };
      let verified: Verified | undefined;
      if (editing) {
        const changes = managed ? { token: form.token } : { ...fields, token: form.token || undefined };
        verified = (await send({ type: 'account.update', id: editing.id, changes })).verified;
      } else {
        const account = { ...fields, kind: form.kind, token: form.token };
        verified = (await send({ type: 'account.save', account })).verified;
        setForm(EMPTY);
      }
      setSaved(verified ? t('options_saved_verified', verifiedText(verified)) : t('options_saved'));
      onSaved();
    });
  }

  return (
    <form class="account-form" onSubmit={save} data-testid={editing ? 'edit-form' : 'account-form'}>
      {!editing && (
        <>
          <label for={`${prefix}-kind`}>{t('options_token_type')}</label>
          <select {...field('kind')}>
            <option value="cpanel">{t('options_token_cpanel')}</option>
            <option value="whm">{t('options_token_whm')}</option>
          </select>
        </>
      )}
      <label for={`${prefix}-host`}>{t('options_server')}</label>
      <input
        {...field('host')}
        required
        placeholder={t('options_server_placeholder')}
        autocomplete="off"
        spellcheck={false}
      />
      <label for={`${prefix}-port`}>{t('options_port')}</label>
      <input
        {...field('port')}
        inputMode="numeric"
        placeholder={form.kind === 'whm' ? '2087' : '2083'}
        autocomplete="off"
      />
      <label for={`${prefix}-username`}>{t('options_user')}</label>
      <input {...field('username')} required autocomplete="off" spellcheck={false} />
      <label for={`${prefix}-token`}>{t('options_token')}</label>
      <input
        {...field('token')}
        type="password"
        required={!editing || managed || serverChanged}
        placeholder={editing && !managed && !serverChanged ? t('options_token_keep') : ''}
        autocomplete="off"
        spellcheck={false}
      />
      {serverChanged && (
        <p class="hint" data-testid="token-again">
          {t('options_security_token_again_hint')}
        </p>
      )}
      <label for={`${prefix}-label`}>{t('options_label')}</label>
      <input {...field('label')} placeholder={t('options_label_placeholder')} />
      <label for={`${prefix}-locale`}>{t('options_language')}</label>
      <input {...field('locale')} placeholder={t('options_language_placeholder')} autocomplete="off" />
      {form.kind === 'cpanel' && (
        <>
          <span />
          <label class="checkbox">
            <input
              type="checkbox"
              id={`${prefix}-askPassword`}
              checked={form.askPassword}
              disabled={managed}
              onChange={(event) => {
                const checked = event.currentTarget.checked;
                setForm((current) => ({ ...current, askPassword: checked }));
              }}
            />{' '}
            {t('options_ask_password')}
          </label>
        </>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy} data-testid="save-account">
          {t(busy ? 'options_checking' : editing ? 'options_save_changes' : 'options_save_account')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('options_cancel')}
          </button>
        )}
        {saved && (
          <span class="ok" role="status" data-testid="saved">
            {saved}
          </span>
        )}
      </div>
      <div class="hint">
        <ErrorNote error={error} />
      </div>
    </form>
  );
}
