import browser from 'webextension-polyfill';
import { LauncherError } from '../cpanel/errors';

const ERROR_PREFIX = 'wml-error:';
let counter = 0;

/**
 * Shows a failure of a trigger that has no page of its own (context menu, shortcut, omnibox). The error
 * code is part of the notification id, so a click can lead to the right fix and tests can read it.
 */
export async function notifyError(error: unknown): Promise<void> {
  const code = error instanceof LauncherError ? error.code : 'invalid_response';
  const message = error instanceof LauncherError ? error.message : 'Something unexpected went wrong.';
  counter += 1;
  await browser.notifications.create(`${ERROR_PREFIX}${code}:${counter}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    title: 'Webmail Launcher could not open Webmail',
    message,
  });
}

/** A click on an error about the token or host access opens the options page, where both are fixed. */
export function registerNotificationClicks(): void {
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(ERROR_PREFIX)) return;
    void browser.notifications.clear(id);
    if (/^wml-error:(auth_failed|permission_denied|no_account_for_domain|locked):/.test(id)) {
      void browser.runtime.openOptionsPage();
    }
  });
}
