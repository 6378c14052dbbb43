import { useEffect } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { STORAGE_KEYS } from '../rules';

/** Keys whose change means the account list a page shows is out of date. */
const WATCHED = new Set<string>([STORAGE_KEYS.accounts, STORAGE_KEYS.managedPolicyCache]);

/**
 * Calls `refresh` when accounts change elsewhere: another page edited them, or an administrator's policy
 * arrived (Chromium delivers it seconds after start).
 */
export function useAccountsChanged(refresh: () => void): void {
  useEffect(() => {
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'managed' || Object.keys(changes).some((key) => WATCHED.has(key))) refresh();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, [refresh]);
}
