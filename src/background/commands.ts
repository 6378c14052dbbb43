import browser from 'webextension-polyfill';
import type { AccountRepository } from '../core/accounts';
import type { Openers } from '../core/openers';
import { findAddress } from '../cpanel/address';
import { LauncherError, msg } from '../cpanel/errors';
import type { PendingActions } from './pendingActions';
import { runTrigger } from './triggers';

/** Reads the page's selection through activeTab, which the shortcut itself grants: no content script. */
async function selectedText(tabId: number | undefined): Promise<string> {
  if (tabId === undefined) return '';
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId, allFrames: false },
      func: () => globalThis.getSelection?.()?.toString() ?? '',
    });
    return typeof result?.result === 'string' ? result.result : '';
  } catch {
    // Pages such as the browser's own settings cannot be scripted.
    return '';
  }
}

/** Opens the default account's own Webmail (the first account unless one was chosen). */
export async function openDefaultWebmail(accounts: AccountRepository, openers: Openers) {
  const account = await accounts.defaultAccount();
  if (!account) throw new LauncherError('not_found', msg('error_no_accounts'));
  return openers.openWebmail({ accountId: account.id });
}

/** Keyboard shortcuts (changeable in the browser's shortcut settings); `_execute_action` needs no code. */
export function registerCommands(
  accounts: AccountRepository,
  openers: Openers,
  pending: PendingActions,
): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'open-default-webmail') {
      void runTrigger(pending, { kind: 'default' }, () => openDefaultWebmail(accounts, openers));
    } else if (command === 'open-webmail-for-selection') {
      // The selection is read now: by the time the vault is unlocked the page may have changed.
      void selectedText(tab?.id).then((text) => {
        const address = findAddress(text);
        return runTrigger(pending, address ? { kind: 'address', email: address } : undefined, async () => {
          if (!address) throw new LauncherError('bad_input', msg('error_select_address'));
          return openers.openForAddress(address);
        });
      });
    }
  });
}
