import { useRef } from 'preact/hooks';
import type { AccountSummary } from '../core/accounts';
import type { MailboxEntry } from '../core/mailboxSearch';
import { prepare } from './actions';

/**
 * How long the pointer (or the arrow keys) must rest on a row before its session is prepared: a person aims
 * at a row for 100–300 ms before clicking, while a sweep across rows stays under this on each.
 */
const AIM_MS = 80;

/** `aim` a row the user points at (or moved to with the keys): prepared once it stays aimed at for AIM_MS. */
export function usePrepareOnAim(accountById: Map<string, AccountSummary>) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  function aim(entry: MailboxEntry | undefined) {
    clearTimeout(timer.current);
    // A suspended mailbox's session would only be refused at its login: nothing to prepare.
    if (!entry || entry.suspended || (!entry.main && accountById.get(entry.accountId)?.askPassword)) return;
    timer.current = setTimeout(() => prepare(entry.accountId, entry.main ? undefined : entry.email), AIM_MS);
  }
  const unaim = () => clearTimeout(timer.current);
  return { aim, unaim };
}
