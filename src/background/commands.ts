import browser from 'webextension-polyfill';
import type { AccountRepository } from '../core/accounts';
import type { Openers } from '../core/openers';
import { findAddress } from '../cpanel/address';
import { LauncherError } from '../cpanel/errors';
import { notifyError } from './notify';

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

async function openDefault(accounts: AccountRepository, openers: Openers) {
  const [first] = await accounts.list();
  if (!first) throw new LauncherError('not_found', 'Add an account on the options page first.');
  return openers.openWebmail({ accountId: first.id });
}

async function openForSelection(openers: Openers, tabId: number | undefined) {
  const address = findAddress(await selectedText(tabId));
  if (!address) throw new LauncherError('bad_input', 'Select an email address in the page first.');
  return openers.openForAddress(address);
}

/** Keyboard shortcuts (changeable in the browser's shortcut settings); `_execute_action` needs no code. */
export function registerCommands(accounts: AccountRepository, openers: Openers): void {
  browser.commands.onCommand.addListener((command, tab) => {
    const run =
      command === 'open-default-webmail'
        ? openDefault(accounts, openers)
        : command === 'open-webmail-for-selection'
          ? openForSelection(openers, tab?.id)
          : undefined;
    run?.catch(notifyError);
  });
}
