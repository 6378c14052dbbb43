import browser from 'webextension-polyfill';
import type { Directory } from '../core/directory';
import type { Openers } from '../core/openers';
import { findAddress } from '../cpanel/address';
import { LauncherError, msg } from '../cpanel/errors';
import { t } from '../i18n/t';
import type { PendingActions } from './pendingActions';
import { runTrigger } from './triggers';

const MAX_SUGGESTIONS = 6;

/** Omnibox descriptions are XML: the label and address must not be read as markup. */
function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** `wm <address>`: suggestions from the cached mailbox lists, Enter opens the chosen one. */
export function registerOmnibox(directory: Directory, openers: Openers, pending: PendingActions): void {
  browser.omnibox.setDefaultSuggestion({ description: escapeXml(t('ext_omnibox_default')) });
  browser.omnibox.onInputChanged.addListener((text, suggest) => {
    const query = text.trim().toLowerCase();
    if (!query) return;
    void directory.cachedMailboxes().then((lists) => {
      const suggestions: browser.Omnibox.SuggestResult[] = [];
      for (const { account, mailboxes } of lists) {
        for (const mailbox of mailboxes ?? []) {
          if (mailbox.main || !mailbox.email.includes(query)) continue;
          suggestions.push({
            content: mailbox.email,
            description: `<match>${escapeXml(mailbox.email)}</match> <dim>${escapeXml(account.label)}</dim>`,
          });
          if (suggestions.length === MAX_SUGGESTIONS) return suggest(suggestions);
        }
      }
      suggest(suggestions);
    });
  });
  browser.omnibox.onInputEntered.addListener((text) => {
    const address = findAddress(text);
    void runTrigger(pending, address ? { kind: 'address', email: address } : undefined, async () => {
      if (!address) throw new LauncherError('bad_input', msg('error_not_an_address', text.trim()));
      return openers.openForAddress(address);
    });
  });
}
