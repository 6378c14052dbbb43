import browser from 'webextension-polyfill';
import { isErrorCode, LauncherError } from '../cpanel/errors';
import { t } from '../i18n/t';
import { adviceFor } from '../presentation/errorAdvice';
import { type ErrorFix, fixFor } from '../presentation/errorFix';
import { errorText } from '../presentation/errorText';

const ERROR_PREFIX = 'wml-error:';
let counter = 0;

/**
 * `storage.session` key: the fix of the error notification on screen, by notification id. Kept out of the
 * worker's memory so a click still leads somewhere after the worker was stopped and started again.
 */
export const NOTIFICATION_FIXES_KEY = 'notificationFixes';

/**
 * Shows a failure of a trigger that has no page of its own (context menu, shortcut, omnibox): which account,
 * what happened and what to do. The error code is part of the notification id; the fix waits in
 * storage.session for a click.
 */
export async function notifyError(error: unknown): Promise<void> {
  const launcherError = error instanceof LauncherError ? error : undefined;
  const code = launcherError?.code ?? 'invalid_response';
  const message = launcherError ? errorText(launcherError) : t('error_unexpected');
  const advice = adviceFor(launcherError ?? { code });
  const account = launcherError?.account;
  counter += 1;
  const id = `${ERROR_PREFIX}${code}:${counter}`;
  const fix = launcherError ? fixFor(launcherError) : undefined;
  await clearEarlierErrors();
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    title: account ? t('notify_title_account', account.label, account.host) : t('notify_title'),
    message: `${message}\n${t(advice.advice)}`,
  });
  // Only the latest failure stays on screen, so only its fix is kept. Where storage fails, the click still
  // finds the fix its code implies.
  await browser.storage.session
    .set({ [NOTIFICATION_FIXES_KEY]: fix ? { [id]: fix } : {} })
    .catch(() => undefined);
}

/** Only the latest failure stays on screen: older ones describe attempts the user has moved on from. */
async function clearEarlierErrors(): Promise<void> {
  const shown = Object.keys(await browser.notifications.getAll());
  await Promise.all(
    shown.filter((id) => id.startsWith(ERROR_PREFIX)).map((id) => browser.notifications.clear(id)),
  );
}

async function takeFix(id: string): Promise<ErrorFix | undefined> {
  const stored = await browser.storage.session.get(NOTIFICATION_FIXES_KEY);
  const fixes = (stored[NOTIFICATION_FIXES_KEY] ?? {}) as Record<string, ErrorFix>;
  const fix = fixes[id];
  if (fix) {
    delete fixes[id];
    await browser.storage.session.set({ [NOTIFICATION_FIXES_KEY]: fixes });
  }
  return fix;
}

/** Opens the page of a fix; the popup's own page stands in for the toolbar popup, which needs a gesture. */
export function runFix(fix: ErrorFix): void {
  if (fix.kind === 'unlock') {
    void browser.tabs.create({ url: browser.runtime.getURL('src/popup/index.html') });
  } else if (fix.kind === 'options') {
    void browser.runtime.openOptionsPage();
  } else {
    void browser.tabs.create({ url: `${fix.origin}/` });
  }
}

/** A click leads to the fix: the options page, the server (certificate), or the popup to unlock. */
export function registerNotificationClicks(): void {
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(ERROR_PREFIX)) return;
    void browser.notifications.clear(id);
    const code = id.slice(ERROR_PREFIX.length).split(':')[0];
    if (!isErrorCode(code)) return;
    void takeFix(id).then((fix) => {
      // Without a stored fix (a notification older than this version), the code alone still leads somewhere.
      const found = fix ?? fixFor({ code });
      if (found) runFix(found);
    });
  });
}
