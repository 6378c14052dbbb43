import browser from 'webextension-polyfill';
import type { Openers } from '../core/openers';
import { findAddress } from '../cpanel/address';
import { LauncherError, msg } from '../cpanel/errors';
import { t } from '../i18n/t';
import type { PendingActions } from './pendingActions';
import { runTrigger } from './triggers';

export const MENU_ID = 'open-webmail-for-address';

/** The address a right-click was about: a mailto: link's first recipient, or the first one in the selection. */
export function addressFromClick(info: { linkUrl?: string; selectionText?: string }): string | undefined {
  if (info.linkUrl?.toLowerCase().startsWith('mailto:')) {
    const recipients = info.linkUrl.slice('mailto:'.length).split('?')[0] ?? '';
    const decoded = (() => {
      try {
        return decodeURIComponent(recipients);
      } catch {
        return recipients;
      }
    })();
    const address = findAddress(decoded);
    if (address) return address;
  }
  return info.selectionText ? findAddress(info.selectionText) : undefined;
}

/** "Open Webmail for this address" on mailto: links and selected text. */
export function registerContextMenu(openers: Openers, pending: PendingActions): void {
  // Menus persist across worker restarts; they only need creating when the extension is installed or updated.
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: MENU_ID,
      title: t('ext_context_menu'),
      contexts: ['link', 'selection'],
      targetUrlPatterns: ['mailto:*'],
    });
  });
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId !== MENU_ID) return;
    const address = addressFromClick(info);
    void runTrigger(pending, address ? { kind: 'address', email: address } : undefined, async () => {
      if (!address) throw new LauncherError('bad_input', msg('error_nothing_clicked'));
      return openers.openForAddress(address);
    });
  });
}
