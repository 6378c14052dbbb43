import type { MailboxEntry } from '../core/mailboxSearch';
import { t, uiLanguage } from '../i18n/t';
import { OwnerCells } from './OwnerCells';

interface Props {
  entries: MailboxEntry[];
  /** The lists are still being read: the rows are the worker's first ones and a search may miss some. */
  busy: boolean;
  total: number;
  highlighted: number;
  showAccount: boolean;
  onOpen: (entry: MailboxEntry) => void;
  onPin: (entry: MailboxEntry) => void;
  /** Roundcube's compose screen, signed in as this mailbox. */
  onWrite?: (entry: MailboxEntry) => void;
  /** cPanel for the owner of a WHM account's mailbox. */
  onOpenCpanel: (entry: MailboxEntry) => void;
  onHover: (index: number) => void;
  /** The pointer left a row: what it rested on too briefly is not prepared. */
  onLeave: () => void;
}

/** The searchable mailbox list: a listbox the search field drives with the arrow keys. */
export function MailboxList(props: Props) {
  const {
    entries,
    busy,
    total,
    highlighted,
    showAccount,
    onOpen,
    onPin,
    onWrite,
    onOpenCpanel,
    onHover,
    onLeave,
  } = props;
  // Looked up once per render, not once per row.
  const label = {
    suspended: t('popup_suspended'),
    pinned: t('popup_pinned'),
    pin: t('popup_pin'),
    unpin: t('popup_unpin'),
    write: t('compose_write'),
  };
  return (
    <>
      <div
        class="mailboxes"
        id="mailbox-list"
        role="listbox"
        aria-label={t('popup_mailboxes')}
        aria-busy={busy}
        data-testid="mailbox-list"
      >
        {entries.map((entry, index) => (
          // Keyed by position: a keystroke then rewrites the text of the rows on screen instead of replacing
          // them, which keeps it cheap with 10,000 mailboxes behind the list.
          // An option holds no controls (a listbox must not nest them): the row opens on click, the star
          // pins on click, and Alt+P pins from the keyboard (the hint below the list says so).
          // biome-ignore lint/a11y/useKeyWithClickEvents: the search field drives the list from the keyboard
          <div
            key={index}
            id={`mailbox-option-${index}`}
            role="option"
            aria-selected={index === highlighted}
            class={index === highlighted ? 'mailbox highlighted' : 'mailbox'}
            data-testid="mailbox"
            data-email={entry.email}
            tabIndex={-1}
            onMouseEnter={() => onHover(index)}
            onMouseLeave={onLeave}
            onClick={() => onOpen(entry)}
          >
            <span class="mailbox-email">
              {entry.main ? t('popup_main_account', entry.email) : entry.email}
            </span>
            {entry.user && <OwnerCells entry={entry} onOpenCpanel={onOpenCpanel} />}
            {showAccount && <span class="muted mailbox-account">{entry.accountLabel}</span>}
            {entry.suspended && <span class="badge">{label.suspended}</span>}
            {entry.pinned && <span class="visually-hidden">{label.pinned}</span>}
            {onWrite && !entry.suspended && (
              // Like the star: a mouse shortcut; the context menu and mailto: links are the other ways in.
              <span
                class="write"
                aria-hidden="true"
                title={t('compose_write_from', entry.email)}
                data-testid="write"
                onClick={(event) => {
                  event.stopPropagation();
                  onWrite(entry);
                }}
              >
                {label.write}
              </span>
            )}
            {!entry.main && (
              // Hidden from assistive technology: Alt+P is the keyboard way to pin.
              <span
                class={entry.pinned ? 'pin pinned' : 'pin'}
                aria-hidden="true"
                title={entry.pinned ? label.unpin : label.pin}
                data-testid="pin"
                onClick={(event) => {
                  event.stopPropagation();
                  onPin(entry);
                }}
              >
                {entry.pinned ? '★' : '☆'}
              </span>
            )}
          </div>
        ))}
      </div>
      <p class="muted hint" id="pin-hint">
        {t('popup_pin_hint')}
      </p>
      {total > entries.length && (
        <p class="muted more" data-testid="more">
          {t('popup_more', entries.length, total.toLocaleString(uiLanguage()))}
        </p>
      )}
    </>
  );
}
