import browser from 'webextension-polyfill';
import { isErrorCode, LauncherError } from '../cpanel/errors';
import { t } from '../i18n/t';
import { ERROR_ADVICE } from '../presentation/errorAdvice';
import { errorText } from '../presentation/errorText';

const ERROR_PREFIX = 'wml-error:';
let counter = 0;
/** Where a click on a notification leads, for errors whose fix is visiting the server. */
const origins = new Map<string, string>();

/**
 * Shows a failure of a trigger that has no page of its own (context menu, shortcut, omnibox): what happened
 * and what to do. The error code is part of the notification id, so a click can lead to the fix.
 */
export async function notifyError(error: unknown): Promise<void> {
  const code = error instanceof LauncherError ? error.code : 'invalid_response';
  const message = error instanceof LauncherError ? errorText(error) : t('error_unexpected');
  counter += 1;
  const id = `${ERROR_PREFIX}${code}:${counter}`;
  if (error instanceof LauncherError && error.origin) origins.set(id, error.origin);
  await clearEarlierErrors();
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    title: t('notify_title'),
    message: `${message}\n${t(ERROR_ADVICE[code].advice)}`,
  });
}

/** Only the latest failure stays on screen: older ones describe attempts the user has moved on from. */
async function clearEarlierErrors(): Promise<void> {
  const shown = Object.keys(await browser.notifications.getAll());
  await Promise.all(
    shown
      .filter((id) => id.startsWith(ERROR_PREFIX))
      .map((id) => {
        origins.delete(id);
        return browser.notifications.clear(id);
      }),
  );
}

/** A click leads to the fix: the options page, the server (certificate), or the popup to unlock. */
export function registerNotificationClicks(): void {
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(ERROR_PREFIX)) return;
    void browser.notifications.clear(id);
    const code = id.slice(ERROR_PREFIX.length).split(':')[0];
    if (!isErrorCode(code)) return;
    const origin = origins.get(id);
    origins.delete(id);
    if (code === 'locked') {
      void browser.tabs.create({ url: browser.runtime.getURL('src/popup/index.html') });
    } else if (ERROR_ADVICE[code].action === 'options') {
      void browser.runtime.openOptionsPage();
    } else if (ERROR_ADVICE[code].action === 'openServer' && origin) {
      void browser.tabs.create({ url: `${origin}/` });
    }
  });
}
