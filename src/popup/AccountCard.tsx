import { useState } from 'preact/hooks';
import type { AccountSummary } from '../core/accounts';
import { send } from '../messages/client';
import { ErrorNote } from '../ui/ErrorNote';

/** One account: open its own Webmail, or type a mailbox it owns and press Enter. */
export function AccountCard({ account }: { account: AccountSummary }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [email, setEmail] = useState('');

  async function open(mailbox?: string) {
    setBusy(true);
    setError(null);
    try {
      await send<'webmail.open'>({ type: 'webmail.open', accountId: account.id, email: mailbox });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const inputId = `mailbox-${account.id}`;
  return (
    <section class="account" data-testid="account" aria-label={account.label}>
      <div class="account-head">
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
          onClick={() => open()}
        >
          Open Webmail
        </button>
      </div>
      <form
        class="mailbox-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (email.trim()) void open(email);
        }}
      >
        <label class="visually-hidden" for={inputId}>
          Mailbox address
        </label>
        <input
          id={inputId}
          type="email"
          data-testid="mailbox-input"
          placeholder="info@example.com"
          autocomplete="off"
          value={email}
          onInput={(event) => setEmail(event.currentTarget.value)}
        />
        <button type="submit" disabled={busy || !email.trim()}>
          Open
        </button>
      </form>
      <ErrorNote error={error} />
    </section>
  );
}
