import browser from 'webextension-polyfill';
import type { Keyring } from '../core/keyring';

const ALARM = 'vault-idle-check';

/**
 * Locks an idle vault even when the worker was stopped in between: an alarm survives the worker and
 * wakes it once a minute while the vault is unlocked. The key's own idle check covers the rest.
 */
export function registerAutoLock(keyring: Keyring): () => Promise<void> {
  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name !== ALARM) return;
    await keyring.lockIfIdle();
    const { enabled, locked } = await keyring.status();
    if (locked || !enabled) await browser.alarms.clear(ALARM);
  });
  return async () => {
    await browser.alarms.create(ALARM, { periodInMinutes: 1 });
  };
}
