import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { AccountSummary } from '../core/accounts';
import { LauncherError } from '../cpanel/errors';
import { isValidHost, normalizeHost, originPattern } from '../cpanel/host';
import { send } from '../messages/client';
import { ErrorNote } from '../ui/ErrorNote';

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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  const managed = editing?.managed === true;
  const prefix = editing ? `edit-${editing.id.replace(/[^a-z0-9-]/gi, '')}` : 'account';

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
      throw new LauncherError(
        'permission_denied',
        `Access to ${host} was not allowed, so nothing was saved.`,
      );
    }
  }

  async function save(event: Event) {
    event.preventDefault();
    setError(null);
    setSaved('');
    const host = normalizeHost(form.host);
    if (!isValidHost(host)) {
      setError(
        new LauncherError(
          'bad_input',
          'The server address is not a valid host name, e.g. server.example.com.',
        ),
      );
      return;
    }
    setBusy(true);
    try {
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
      let verified: string | undefined;
      if (editing) {
        const changes = managed ? { token: form.token } : { ...fields, token: form.token || undefined };
        verified = (await send({ type: 'account.update', id: editing.id, changes })).verified;
      } else {
        const account = { ...fields, kind: form.kind, token: form.token };
        verified = (await send({ type: 'account.save', account })).verified;
        setForm(EMPTY);
      }
      setSaved(verified ? `Token verified (${verified}). Account saved.` : 'Account saved.');
      onSaved();
    } catch (failure) {
      // The form keeps what was typed, so a fix is one edit away.
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="account-form" onSubmit={save} data-testid={editing ? 'edit-form' : 'account-form'}>
      {!editing && (
        <>
          <label for={`${prefix}-kind`}>Token type</label>
          <select {...field('kind')}>
            <option value="cpanel">cPanel account token</option>
            <option value="whm">WHM token (root or reseller)</option>
          </select>
        </>
      )}
      <label for={`${prefix}-host`}>Server</label>
      <input
        {...field('host')}
        required
        placeholder="server.example.com"
        autocomplete="off"
        spellcheck={false}
      />
      <label for={`${prefix}-port`}>Port</label>
      <input
        {...field('port')}
        inputMode="numeric"
        placeholder={form.kind === 'whm' ? '2087' : '2083'}
        autocomplete="off"
      />
      <label for={`${prefix}-username`}>User name</label>
      <input {...field('username')} required autocomplete="off" spellcheck={false} />
      <label for={`${prefix}-token`}>API token</label>
      <input
        {...field('token')}
        type="password"
        required={!editing || managed}
        placeholder={editing && !managed ? 'leave empty to keep the saved token' : ''}
        autocomplete="off"
        spellcheck={false}
      />
      <label for={`${prefix}-label`}>Label</label>
      <input {...field('label')} placeholder="optional, e.g. Client A" />
      <label for={`${prefix}-locale`}>Language</label>
      <input
        {...field('locale')}
        placeholder="optional: en, de, pt_br … (default: the browser's)"
        autocomplete="off"
      />
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
            Ask for the mailbox password before opening a mailbox (cPanel checks it)
          </label>
        </>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy} data-testid="save-account">
          {busy ? 'Checking the token…' : editing ? 'Save changes' : 'Save account'}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
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
