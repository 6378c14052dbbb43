import type { MailboxEntry } from '../core/mailboxSearch';
import { t } from '../i18n/t';

interface Props {
  entry: MailboxEntry;
  onOpenCpanel: (entry: MailboxEntry) => void;
}

/**
 * What a WHM account's mailbox row adds: the cPanel user that owns it, and cPanel as that user. Like the pin,
 * the action is hidden from assistive technology (an option holds no controls): Alt+C is its keyboard way.
 */
export function OwnerCells({ entry, onOpenCpanel }: Props) {
  return (
    <>
      {!entry.main && (
        <span class="muted mailbox-account" data-testid="mailbox-owner">
          {entry.user}
        </span>
      )}
      <span
        class="pin"
        aria-hidden="true"
        title={t('popup_directory_cpanel_title', entry.user ?? '')}
        data-testid="open-owner-cpanel"
        onClick={(event) => {
          event.stopPropagation();
          onOpenCpanel(entry);
        }}
      >
        {t('popup_cpanel')}
      </span>
    </>
  );
}
