import browser from 'webextension-polyfill';
import type { HostAccess, KeyValueStore, TabOpener } from '../core/ports';
import { originPattern } from '../cpanel/host';

/** Core's ports on top of the WebExtension API: the only browser-specific glue the core needs. */

export function storageArea(area: browser.Storage.StorageArea): KeyValueStore {
  return {
    async get<T>(key: string) {
      return (await area.get(key))[key] as T | undefined;
    },
    set: (key, value) => area.set({ [key]: value }),
    remove: (key) => area.remove(key),
    setMany: (entries) => area.set(entries),
  };
}

export const tabOpener: TabOpener = {
  async open(url) {
    const tab = await browser.tabs.create({ url, active: true });
    if (tab.id === undefined) throw new Error('The browser did not open a tab.');
    return tab.id;
  },
  reveal: (tabId) =>
    browser.tabs.update(tabId, { active: true }).then(
      () => true,
      () => false,
    ),
  async navigate(tabId, url) {
    await browser.tabs.update(tabId, { url, active: true });
  },
};

export const hostAccess: HostAccess = {
  has: (host) => browser.permissions.contains({ origins: [originPattern(host)] }),
};
