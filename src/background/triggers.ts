import browser from 'webextension-polyfill';
import { LauncherError } from '../cpanel/errors';
import { notifyError } from './notify';
import type { PendingAction, PendingActions } from './pendingActions';

/**
 * Runs a trigger that has no page of its own (menu, shortcut, omnibox). A locked vault keeps the action for
 * after the unlock and asks for the passphrase; any other failure becomes a notification.
 */
export async function runTrigger(
  pending: PendingActions,
  action: PendingAction | undefined,
  run: () => Promise<unknown>,
): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (error instanceof LauncherError && error.code === 'locked' && action) {
      await pending.remember(action);
      await askToUnlock();
    }
    await notifyError(error);
  }
}

async function askToUnlock(): Promise<void> {
  // openPopup needs a focused window; where it is refused, the notification still says what to do.
  await browser.action.openPopup?.().catch(() => undefined);
}
