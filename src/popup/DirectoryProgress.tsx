import { useEffect, useState } from 'preact/hooks';
import type { AccountSummary } from '../core/accounts';
import type { IndexStatus } from '../core/whmIndex';
import { t, uiLanguage } from '../i18n/t';
import { send } from '../messages/client';

/** How often the popup asks how far the directory has got, while it is being built. */
const POLL_MS = 400;
/** Looks after a start or a Refresh, before the run shows up as running. */
const FIRST_LOOKS = 3;

interface Props {
  /** The WHM accounts: one progress line each while its directory is built. */
  accounts: AccountSummary[];
  /** Changes on Refresh: looks again even if nothing was running. */
  kick: number;
  /** The directory of this account has more (or fewer) mailboxes than the popup last read. */
  onGrow: (accountId: string) => void;
  /** How many mailboxes of the account the popup has now. */
  shown: (accountId: string) => number;
}

/** "Indexing 120 of 300 accounts on Root…", and which accounts could not be listed. */
export function DirectoryProgress({ accounts, kick, onGrow, shown }: Props) {
  const [statuses, setStatuses] = useState<IndexStatus[]>([]);
  const watching = accounts.length > 0;

  useEffect(() => {
    if (!watching) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const seen = new Map<string, string>();
    let looks = 0;
    const look = async () => {
      const reply = await send<'directory.status'>({ type: 'directory.status' }).catch(() => undefined);
      if (stopped || !reply) return;
      looks += 1;
      setStatuses(reply.statuses);
      for (const status of reply.statuses) {
        const mark = `${status.done}/${status.total}/${status.running}`;
        const before = seen.get(status.accountId);
        // A run that ended before the first look still has news for a popup that holds nothing yet.
        const missed =
          before === undefined && !status.running && status.total > 0 && shown(status.accountId) === 0;
        if ((before !== undefined && before !== mark) || missed) onGrow(status.accountId);
        seen.set(status.accountId, mark);
      }
      if (looks < FIRST_LOOKS || reply.statuses.some((status) => status.running)) {
        timer = setTimeout(() => void look(), POLL_MS);
      }
    };
    void look();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [watching, kick]);

  const labels = new Map(accounts.map((account) => [account.id, account.label]));
  const count = (n: number) => n.toLocaleString(uiLanguage());
  return (
    <>
      {statuses.map((status) => {
        const label = labels.get(status.accountId) ?? '';
        return (
          <div key={status.accountId} class="muted hint" data-testid="directory-status" data-account={label}>
            {status.running && (
              <p data-testid="directory-progress">
                {status.total > 0
                  ? t('popup_directory_indexing', count(status.done), count(status.total), label)
                  : t('popup_directory_starting', label)}
              </p>
            )}
            {status.failed > 0 && (
              <p data-testid="directory-failed">
                {t('popup_directory_failed', count(status.failed), label, status.failedUsers.join(', '))}
              </p>
            )}
            {status.error && (
              <p data-testid="directory-error">{t('popup_directory_error', label, status.error)}</p>
            )}
          </div>
        );
      })}
    </>
  );
}
