import browser from 'webextension-polyfill';
import type { Openers } from '../core/openers';
import type { SettingsStore } from '../core/settings';
import { findAddress } from '../cpanel/address';
import { LauncherError, msg } from '../cpanel/errors';
import { t } from '../i18n/t';
import type { PendingActions } from './pendingActions';
import { runTrigger } from './triggers';

export const MENU_ID = 'open-webmail-for-address';
export const COMPOSE_MENU_ID = 'compose-to-address';
/** The page mailto: links open (see the manifests' protocol handler) and "ask every time" shows. */
export const COMPOSE_PAGE_PATH = 'src/compose/index.html';

/** The compose page for a mailto: URI or address, as a protocol handler opens it (`?uri=%s`). */
export function composePageUrl(to: string): string {
  return `${browser.runtime.getURL(COMPOSE_PAGE_PATH)}?uri=${encodeURIComponent(to)}`;
}

/** What "Write to …" writes: a mailto: link as a whole (subject, cc …), else the selected address. */
export function composeTargetFromClick(info: {
  linkUrl?: string;
  selectionText?: string;
}): string | undefined {
  if (info.linkUrl?.toLowerCase().startsWith('mailto:') && addressFromClick({ linkUrl: info.linkUrl })) {
    return info.linkUrl;
  }
  return info.selectionText ? findAddress(info.selectionText) : undefined;
}

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

/**
 * "Open Webmail for this address" and "Write to this address" on mailto: links and selected text. The
 * second is offered for any address, ours or not: it writes from the "Send from" mailbox.
 */
export function registerContextMenu(
  openers: Openers,
  pending: PendingActions,
  settings: Pick<SettingsStore, 'get'>,
): void {
  // Menus persist across worker restarts; they only need creating when the extension is installed or updated.
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: MENU_ID,
      title: t('ext_context_menu'),
      contexts: ['link', 'selection'],
      targetUrlPatterns: ['mailto:*'],
    });
    browser.contextMenus.create({
      id: COMPOSE_MENU_ID,
      title: t('ext_context_menu_compose'),
      contexts: ['link', 'selection'],
      targetUrlPatterns: ['mailto:*'],
    });
  });
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId === COMPOSE_MENU_ID) {
      const to = composeTargetFromClick(info);
      void runTrigger(pending, to ? { kind: 'compose', to } : undefined, async () => {
        if (!to) throw new LauncherError('bad_input', msg('error_nothing_clicked'));
        // "Ask every time": the compose page asks, then signs in inside its own tab.
        if ((await settings.get()).sendFrom === 'ask')
          return browser.tabs.create({ url: composePageUrl(to) });
        return openers.compose({ to });
      });
      return;
    }
    if (info.menuItemId !== MENU_ID) return;
    const address = addressFromClick(info);
    void runTrigger(pending, address ? { kind: 'address', email: address } : undefined, async () => {
      if (!address) throw new LauncherError('bad_input', msg('error_nothing_clicked'));
      return openers.openForAddress(address);
    });
  });
}
