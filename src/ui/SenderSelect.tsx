import { useEffect, useState } from 'preact/hooks';
import type { AccountSummary } from '../core/accounts';
import type { SendFrom } from '../core/settings';
import { t } from '../i18n/t';
import { send } from '../messages/client';

/** One mailbox that can write: an account's own Webmail (no email) or one of its mailboxes. */
export interface Sender extends SendFrom {
  label: string;
}

/** Every mailbox of every account, each account's own Webmail first (cPanel accounts only). */
export async function loadSenders(): Promise<Sender[]> {
  const { accounts } = await send({ type: 'account.list' });
  const lists = await Promise.all(
    accounts.map((account: AccountSummary) =>
      send({ type: 'mailboxes.list', accountId: account.id }).then(
        ({ mailboxes }) => mailboxes,
        () => [],
      ),
    ),
  );
  return accounts.flatMap((account, index) => [
    ...(account.kind === 'cpanel'
      ? [{ accountId: account.id, label: t('compose_own_webmail', account.label) }]
      : []),
    ...(lists[index] ?? [])
      .filter((mailbox) => !mailbox.main && !mailbox.suspended && mailbox.email.includes('@'))
      .map((mailbox) => ({ accountId: account.id, email: mailbox.email, label: mailbox.email })),
  ]);
}

/** A `<select>` value for a sender: account id and email, which has no newline. */
export const senderValue = ({ accountId, email }: SendFrom): string => `${accountId}\n${email ?? ''}`;

export function senderOf(value: string): SendFrom | undefined {
  const [accountId, email] = value.split('\n');
  if (!accountId) return undefined;
  return email ? { accountId, email } : { accountId };
}

interface Props {
  id: string;
  value: string;
  onChange: (value: string) => void;
  /** Options besides the mailboxes, listed first: `[value, label]`. */
  extra?: [string, string][];
  testId?: string;
}

/** A one-line chooser of the mailbox that writes. */
export function SenderSelect({ id, value, onChange, extra = [], testId }: Props) {
  const [senders, setSenders] = useState<Sender[] | null>(null);
  useEffect(() => {
    loadSenders().then(setSenders, () => setSenders([]));
  }, []);
  return (
    <select
      id={id}
      data-testid={testId}
      value={value}
      disabled={senders === null}
      onChange={(event) => onChange((event.target as HTMLSelectElement).value)}
    >
      {extra.map(([key, label]) => (
        <option key={key} value={key}>
          {label}
        </option>
      ))}
      {senders?.map((sender) => (
        <option key={senderValue(sender)} value={senderValue(sender)}>
          {sender.label}
        </option>
      ))}
    </select>
  );
}
