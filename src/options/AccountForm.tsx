import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
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

/**
 * Adds an account. Host access is requested first, inside the click, because the browser only shows its
 * permission prompt during a user gesture; the worker then verifies the token before anything is stored.
 */
export function AccountForm({ onSaved }: { onSaved: () => void }) {
  const [form, setForm] = useState<FormState>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState('');

  const field = (name: Exclude<keyof FormState, 'askPassword'>) => ({
    id: `account-${name}`,
    name,
    value: form[name],
    onInput: (event: Event) => {
      const value = (event.currentTarget as HTMLInputElement).value;
      // Functional updates: two quick edits must not overwrite each other with a stale copy of the form.
      setForm((current) => ({ ...current, [name]: value }));
    },
  });

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
      const granted = await browser.permissions.request({ origins: [originPattern(host)] });
      if (!granted) {
        throw new LauncherError(
          'permission_denied',
          `Access to ${host} was not allowed, so the account was not saved.`,
        );
      }
      const port = form.port.trim() === '' ? undefined : Number(form.port);
      const reply = await send<'account.save'>({
        type: 'account.save',
        account: {
          label: form.label,
          kind: form.kind,
          host,
          port,
          username: form.username,
          token: form.token,
          locale: form.locale,
          askPassword: form.askPassword,
        },
      });
      setSaved(`Token verified (${reply.verified}). Account saved.`);
      setForm(EMPTY);
      onSaved();
    } catch (failure) {
      // The form keeps what was typed, so a fix is one edit away.
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="account-form" onSubmit={save} data-testid="account-form">
      <label for="account-kind">Token type</label>
      <select {...field('kind')}>
        <option value="cpanel">cPanel account token</option>
        <option value="whm">WHM token (root or reseller)</option>
      </select>
      <label for="account-host">Server</label>
      <input
        {...field('host')}
        required
        placeholder="server.example.com"
        autocomplete="off"
        spellcheck={false}
      />
      <label for="account-port">Port</label>
      <input
        {...field('port')}
        inputMode="numeric"
        placeholder={form.kind === 'whm' ? '2087' : '2083'}
        autocomplete="off"
      />
      <label for="account-username">User name</label>
      <input {...field('username')} required autocomplete="off" spellcheck={false} />
      <label for="account-token">API token</label>
      <input {...field('token')} type="password" required autocomplete="off" spellcheck={false} />
      <label for="account-label">Label</label>
      <input {...field('label')} placeholder="optional, e.g. Client A" />
      <label for="account-locale">Language</label>
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
              id="account-askPassword"
              checked={form.askPassword}
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
          {busy ? 'Checking the token…' : 'Save account'}
        </button>
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
