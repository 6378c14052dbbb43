import { useState } from 'preact/hooks';
import type { MailboxEntry } from '../core/mailboxSearch';

interface ListKeys {
  shown: MailboxEntry[];
  query: string;
  /** Empties the search (Escape); the highlight goes back to the first row. */
  clearQuery: () => void;
  aim: (entry: MailboxEntry | undefined) => void;
  /** Enter: opens the highlighted row, or with none, tries the query as an address. */
  open: (entry: MailboxEntry | undefined) => void;
  /** Alt+P on a mailbox row (not an account's own). */
  togglePin: (entry: MailboxEntry) => void;
  /** Alt+C on a WHM row: cPanel as the cPanel user that owns it. */
  openCpanel: (entry: MailboxEntry) => void;
}

/**
 * The highlighted row and the search box's keys for the list: arrows move the highlight, Enter opens,
 * Alt+P pins, Alt+C opens cPanel, Escape empties the search.
 */
export function useListKeys(keys: ListKeys) {
  const [highlighted, setHighlighted] = useState(0);
  const { shown } = keys;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = Math.min(Math.max(highlighted + step, 0), Math.max(shown.length - 1, 0));
      setHighlighted(next);
      keys.aim(shown[next]);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      keys.open(shown[highlighted]);
    } else if (event.altKey && event.code === 'KeyP') {
      // Alt+P by key position, so it works whatever letter a layout puts there (and macOS's Option+P "π").
      event.preventDefault();
      const entry = shown[highlighted];
      if (entry && !entry.main) keys.togglePin(entry);
    } else if (event.altKey && event.code === 'KeyC') {
      event.preventDefault();
      const entry = shown[highlighted];
      if (entry?.user) keys.openCpanel(entry);
    } else if (event.key === 'Escape' && keys.query) {
      event.preventDefault();
      keys.clearQuery();
      setHighlighted(0);
    }
  };
  return { highlighted, setHighlighted, onKeyDown };
}
