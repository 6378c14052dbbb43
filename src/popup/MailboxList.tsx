import type { MailboxEntry } from './entries';

interface Props {
  entries: MailboxEntry[];
  total: number;
  highlighted: number;
  showAccount: boolean;
  onOpen: (entry: MailboxEntry) => void;
  onPin: (entry: MailboxEntry) => void;
  onHover: (index: number) => void;
}

/** The searchable mailbox list: a listbox the search field drives with the arrow keys. */
export function MailboxList({ entries, total, highlighted, showAccount, onOpen, onPin, onHover }: Props) {
  return (
    <>
      <div
        class="mailboxes"
        id="mailbox-list"
        role="listbox"
        aria-label="Mailboxes"
        data-testid="mailbox-list"
      >
        {entries.map((entry, index) => (
          <div
            key={entry.key}
            id={`mailbox-option-${index}`}
            role="option"
            aria-selected={index === highlighted}
            class={index === highlighted ? 'mailbox highlighted' : 'mailbox'}
            data-testid="mailbox"
            data-email={entry.email}
            tabIndex={-1}
            onMouseEnter={() => onHover(index)}
          >
            <button type="button" class="mailbox-open" tabIndex={-1} onClick={() => onOpen(entry)}>
              <span class="mailbox-email">{entry.main ? `${entry.email} (main account)` : entry.email}</span>
              {showAccount && <span class="muted mailbox-account">{entry.accountLabel}</span>}
              {entry.suspended && <span class="badge">login suspended</span>}
            </button>
            {!entry.main && (
              <button
                type="button"
                class="pin"
                tabIndex={-1}
                aria-pressed={entry.pinned}
                aria-label={entry.pinned ? `Unpin ${entry.email}` : `Pin ${entry.email}`}
                title={entry.pinned ? 'Unpin' : 'Pin to the top'}
                onClick={() => onPin(entry)}
              >
                {entry.pinned ? '★' : '☆'}
              </button>
            )}
          </div>
        ))}
      </div>
      {total > entries.length && (
        <p class="muted more" data-testid="more">
          Showing {entries.length} of {total.toLocaleString()} mailboxes: type to narrow.
        </p>
      )}
    </>
  );
}
