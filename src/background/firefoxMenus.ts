import type { Menus } from 'webextension-polyfill';
import browser from 'webextension-polyfill';
import { t } from '../i18n/t';
import { addressFromClick, COMPOSE_MENU_ID, MENU_ID } from './contextMenu';

// Menu titles are one line; a very long address is cut so the item stays readable.
const MAX_ADDRESS_LENGTH = 60;

/** The part of Firefox's menus API this uses; Chrome has no onShown or refresh. */
export type ShownMenus = Pick<Menus.Static, 'onShown' | 'update' | 'refresh'>;

/**
 * "Open Webmail for info@example.com" (or "Write to …" for the compose item), or the item's generic title
 * (see contextMenu.ts) with no address.
 * `&` is doubled in the address: Firefox reads a single `&` as an access key.
 */
export function titleFor(address: string | undefined, id: string = MENU_ID): string {
  const compose = id === COMPOSE_MENU_ID;
  if (!address) return t(compose ? 'ext_context_menu_compose' : 'ext_context_menu');
  const shown =
    address.length > MAX_ADDRESS_LENGTH ? `${address.slice(0, MAX_ADDRESS_LENGTH - 1)}…` : address;
  return t(compose ? 'ext_context_menu_compose_for' : 'ext_context_menu_for', shown.replaceAll('&', '&&'));
}

/** Firefox's menus API, which Firefox also offers as `contextMenus`; undefined in Chrome. */
export function firefoxMenus(): ShownMenus | undefined {
  const menus = browser.contextMenus as Partial<ShownMenus> | undefined;
  return menus?.onShown && menus.update && menus.refresh ? (menus as ShownMenus) : undefined;
}

/**
 * Firefox only: names the clicked address in the context-menu item while the menu opens. Firefox tells
 * onShown the link or selection only on pages the extension has host access to (the user's own servers, such
 * as Webmail itself); elsewhere the item shows the generic title. Returns whether it registered.
 */
export function registerFirefoxMenuTitle(menus: ShownMenus | undefined = firefoxMenus()): boolean {
  if (!menus) return false;
  // The title each item has now; unknown after the background restarts, so the next showing sets it.
  const current = new Map<string, string>();
  menus.onShown.addListener((info) => {
    const address = addressFromClick(info);
    const updates = [MENU_ID, COMPOSE_MENU_ID]
      .filter((id) => info.menuIds.includes(id))
      .map((id) => ({ id, title: titleFor(address, id) }))
      .filter(({ id, title }) => current.get(id) !== title);
    if (updates.length === 0) return;
    for (const { id, title } of updates) current.set(id, title);
    // The menu is already open: refresh() redraws it. A failure only costs the nicety, so it is dropped.
    void Promise.all(updates.map(({ id, title }) => menus.update(id, { title })))
      .then(() => menus.refresh())
      .catch(() => {
        for (const { id } of updates) current.delete(id);
      });
  });
  return true;
}
