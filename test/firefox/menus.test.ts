import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const { registerFirefoxMenuTitle, titleFor } = await import('../../src/background/firefoxMenus');
// Node has no browser.i18n: titles come from the English catalogue.
const GENERIC_TITLE = 'Open Webmail for this address';
const { COMPOSE_MENU_ID, MENU_ID } = await import('../../src/background/contextMenu');

type ShownListener = (info: {
  menuIds: (string | number)[];
  contexts: string[];
  editable: boolean;
  linkUrl?: string;
  selectionText?: string;
}) => void;

function fakeMenus() {
  let shown: ShownListener = () => undefined;
  const calls: string[] = [];
  const menus = {
    onShown: {
      addListener: (listener: ShownListener) => {
        shown = listener;
      },
    },
    update: vi.fn(
      async (id: string | number, props: { title?: string }) =>
        void calls.push(`update ${id} ${props.title}`),
    ),
    refresh: vi.fn(async () => void calls.push('refresh')),
  };
  const show = async (info: Partial<Parameters<ShownListener>[0]>) => {
    shown({ menuIds: [MENU_ID], contexts: ['link'], editable: false, ...info });
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { menus, calls, show };
}

describe('registerFirefoxMenuTitle', () => {
  it('does nothing where the browser has no onShown (Chrome)', () => {
    expect(registerFirefoxMenuTitle(undefined)).toBe(false);
  });

  it('names the address of a mailto: link, then redraws the open menu', async () => {
    const { menus, calls, show } = fakeMenus();
    expect(registerFirefoxMenuTitle(menus as never)).toBe(true);
    await show({ linkUrl: 'mailto:info@example.com?subject=Hi' });
    expect(calls).toEqual([`update ${MENU_ID} Open Webmail for info@example.com`, 'refresh']);
  });

  it('names an address found in the selected text', async () => {
    const { menus, calls, show } = fakeMenus();
    registerFirefoxMenuTitle(menus as never);
    await show({ contexts: ['selection'], selectionText: 'write to sales@example.org today' });
    expect(calls[0]).toBe(`update ${MENU_ID} Open Webmail for sales@example.org`);
  });

  it('goes back to the generic title when Firefox withholds the link (no host access to the page)', async () => {
    const { menus, calls, show } = fakeMenus();
    registerFirefoxMenuTitle(menus as never);
    await show({ linkUrl: 'mailto:info@example.com' });
    await show({});
    expect(calls.slice(2)).toEqual([`update ${MENU_ID} ${GENERIC_TITLE}`, 'refresh']);
  });

  it('leaves the menu alone when the title is already right, or the item is not shown', async () => {
    const { menus, calls, show } = fakeMenus();
    registerFirefoxMenuTitle(menus as never);
    await show({ linkUrl: 'mailto:info@example.com' });
    await show({ linkUrl: 'mailto:info@example.com' });
    await show({ menuIds: ['another-extension-item'], linkUrl: 'mailto:other@example.com' });
    expect(calls).toHaveLength(2);
  });

  it('tries again on the next showing when an update fails', async () => {
    const { menus, calls, show } = fakeMenus();
    menus.update.mockRejectedValueOnce(new Error('menu item not found'));
    registerFirefoxMenuTitle(menus as never);
    await show({ linkUrl: 'mailto:info@example.com' });
    await show({ linkUrl: 'mailto:info@example.com' });
    expect(calls).toEqual([`update ${MENU_ID} Open Webmail for info@example.com`, 'refresh']);
  });
});

describe('titleFor', () => {
  it('doubles & so Firefox shows it instead of making an access key', () => {
    expect(titleFor('a&b@example.com')).toBe('Open Webmail for a&&b@example.com');
  });

  it('is the generic title when there is no address', () => {
    expect(titleFor(undefined)).toBe(GENERIC_TITLE);
  });

  it('cuts a very long address', () => {
    const title = titleFor(`${'x'.repeat(80)}@example.com`);
    expect(title.endsWith('…')).toBe(true);
    expect(title.length).toBeLessThan(80);
  });
});

describe('the compose item', () => {
  it('is named after the address too, redrawn once with the other item', async () => {
    const { menus, calls, show } = fakeMenus();
    registerFirefoxMenuTitle(menus as never);
    await show({ menuIds: [MENU_ID, COMPOSE_MENU_ID], linkUrl: 'mailto:a&b@example.com?subject=Hi' });
    expect(calls).toEqual([
      `update ${MENU_ID} Open Webmail for a&&b@example.com`,
      `update ${COMPOSE_MENU_ID} Write to a&&b@example.com`,
      'refresh',
    ]);
    await show({ menuIds: [COMPOSE_MENU_ID], contexts: ['selection'] });
    expect(calls.slice(3)).toEqual([`update ${COMPOSE_MENU_ID} Write to this address`, 'refresh']);
  });
});
