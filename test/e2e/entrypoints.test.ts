import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { useEmulatorAndBrowser } from './fixtures';
import { demoAccount, rootAccount, signedInTab } from './flows';
import { EMULATOR_HOSTS } from './hosts';

// Every way in besides the popup's own button: search, pins, context menu, shortcuts, omnibox, WHM.
const HOST = EMULATOR_HOSTS[1] as string;
const env = useEmulatorAndBrowser({ host: HOST, accounts: [demoAccount(HOST), rootAccount(HOST)] });
const opened: Page[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((page) => page.close()));
});

async function popup(): Promise<Page> {
  const page = await env.browser.openPage('src/popup/index.html');
  opened.push(page);
  await page.getByTestId('mailbox').first().waitFor();
  return page;
}

async function signedInAs(action: () => Promise<unknown>): Promise<{ user: string | null; url: string }> {
  const tab = await signedInTab(env.browser, action);
  opened.push(tab);
  return { user: await tab.getByTestId('signed-in-user').textContent(), url: tab.url() };
}

/** Fires the worker's real registered listeners, as Chrome does for a native menu click or a shortcut. */
function dispatchInWorker(script: string): Promise<unknown> {
  return env.browser.worker.evaluate(script);
}

async function notificationIds(): Promise<string[]> {
  return Object.keys(
    (await env.browser.worker.evaluate('chrome.notifications.getAll()')) as Record<string, unknown>,
  );
}

describe('popup mailbox list', () => {
  it('lists every mailbox of the account and narrows as you type', async () => {
    const page = await popup();
    const emails = await page
      .getByTestId('mailbox')
      .evaluateAll((rows) => rows.map((row) => row.dataset.email));
    expect(emails).toEqual(
      expect.arrayContaining(['info@example.com', 'sales@example.com', 'support@example.net', 'demo']),
    );
    await page.getByTestId('search').fill('sal');
    await expect.poll(() => page.getByTestId('mailbox').count()).toBe(1);
    const result = await signedInAs(() => page.getByTestId('search').press('Enter'));
    expect(result.user).toBe('sales@example.com');
  });

  it('moves the highlight with the arrow keys and opens it with Enter', async () => {
    const page = await popup();
    const search = page.getByTestId('search');
    await search.fill('example.com');
    // Rows: sales@ (opened above), then frozen@ (suspended) and info@ alphabetically.
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowUp', 'ArrowDown']) await search.press(key);
    const highlighted = await page
      .locator('[data-testid="mailbox"][aria-selected="true"]')
      .getAttribute('data-email');
    expect(highlighted).toBe(await page.getByTestId('mailbox').nth(2).getAttribute('data-email'));
    expect(highlighted).toBe('info@example.com');
    const result = await signedInAs(() => search.press('Enter'));
    expect(result.user).toBe(highlighted);
  });

  it('puts pinned, then recently opened mailboxes first', async () => {
    let page = await popup();
    await page.locator('[data-email="support@example.net"] .pin').click();
    await page.close();
    page = await popup();
    expect(await page.getByTestId('mailbox').first().getAttribute('data-email')).toBe('support@example.net');
    // sales@ was opened above, so it leads the unpinned rows.
    expect(await page.getByTestId('mailbox').nth(1).getAttribute('data-email')).toMatch(
      /@example\.(com|net)$/,
    );
  });
});

describe('context menu', () => {
  it('opens the mailbox of a mailto: link, found by its domain', async () => {
    const result = await signedInAs(() =>
      dispatchInWorker(`chrome.contextMenus.onClicked.dispatch({
        menuItemId: 'open-webmail-for-address', editable: false, pageUrl: 'https://elsewhere.example/',
        linkUrl: 'mailto:Sales@Example.com?subject=Hello' }, { id: -1 })`),
    );
    expect(result.user).toBe('sales@example.com');
  });

  it('opens the address found in selected text, on an addon domain', async () => {
    const result = await signedInAs(() =>
      dispatchInWorker(`chrome.contextMenus.onClicked.dispatch({
        menuItemId: 'open-webmail-for-address', editable: false, pageUrl: 'https://elsewhere.example/',
        selectionText: 'Please write to support@example.net today' }, { id: -1 })`),
    );
    expect(result.user).toBe('support@example.net');
  });

  it('opens an address of a domain only a WHM token reaches, through create_user_session', async () => {
    const result = await signedInAs(() =>
      dispatchInWorker(`chrome.contextMenus.onClicked.dispatch({
        menuItemId: 'open-webmail-for-address', editable: false, pageUrl: 'https://elsewhere.example/',
        linkUrl: 'mailto:orders@shop.test' }, { id: -1 })`),
    );
    expect(result.user).toBe('orders@shop.test');
  });

  it.each([
    ['nobody@unknown-domain.test', 'no_account_for_domain'],
    ['ghost@example.com', 'not_found'],
  ])('notifies when %s cannot be opened (%s)', async (address, code) => {
    await dispatchInWorker(`chrome.contextMenus.onClicked.dispatch({
      menuItemId: 'open-webmail-for-address', editable: false, pageUrl: 'https://elsewhere.example/',
      linkUrl: 'mailto:${address}' }, { id: -1 })`);
    await expect
      .poll(notificationIds)
      .toEqual(expect.arrayContaining([expect.stringMatching(`^wml-error:${code}:`)]));
  });

  it('is registered for mailto: links and selections', async () => {
    // The menu exists once the install event ran: creating it again must fail as a duplicate.
    const error = await dispatchInWorker(`new Promise((resolve) => chrome.contextMenus.create(
      { id: 'open-webmail-for-address', title: 'x', contexts: ['link'] }, () => resolve(chrome.runtime.lastError?.message ?? '')))`);
    expect(error).toMatch(/duplicate/i);
  });
});

describe('keyboard shortcuts', () => {
  it('open-default-webmail opens the first account’s own Webmail', async () => {
    const result = await signedInAs(() =>
      dispatchInWorker(`chrome.commands.onCommand.dispatch('open-default-webmail')`),
    );
    expect(result.user).toBe('demo');
  });

  it('open-webmail-for-selection reads the selected address of the active page', async () => {
    const first = await signedInAs(() =>
      dispatchInWorker(`chrome.contextMenus.onClicked.dispatch({ menuItemId: 'open-webmail-for-address',
        editable: false, pageUrl: 'https://x.example/', linkUrl: 'mailto:info@example.com' }, { id: -1 })`),
    );
    const page = opened[opened.length - 1] as Page;
    await page.bringToFront();
    // Another address than the one just opened: a repeat of the same target within seconds is taken as a
    // double trigger and answered with the tab already open.
    await page.evaluate(() => {
      const node = document.body.appendChild(document.createElement('p'));
      node.textContent = 'Write to support@example.net.';
      getSelection()?.selectAllChildren(node);
    });
    const tabId = await env.browser.worker.evaluate(
      `chrome.tabs.query({ url: ${JSON.stringify(first.url)} }).then((tabs) => tabs[0].id)`,
    );
    const result = await signedInAs(() =>
      dispatchInWorker(
        `chrome.tabs.get(${tabId}).then((tab) => chrome.commands.onCommand.dispatch('open-webmail-for-selection', tab))`,
      ),
    );
    expect(first.user).toBe('info@example.com');
    expect(result.user).toBe('support@example.net');
  });
});

describe('omnibox keyword wm', () => {
  it('suggests cached mailboxes as you type', async () => {
    const suggestions = (await dispatchInWorker(`new Promise((resolve) =>
      chrome.omnibox.onInputChanged.dispatch('info', (list) => resolve(list)))`)) as { content: string }[];
    expect(suggestions.map((suggestion) => suggestion.content)).toContain('info@example.com');
  });

  it('opens the entered address', async () => {
    const result = await signedInAs(() =>
      dispatchInWorker(`chrome.omnibox.onInputEntered.dispatch('info@example.com', 'currentTab')`),
    );
    expect(result.user).toBe('info@example.com');
  });
});

describe('WHM token', () => {
  async function whmCard(page: Page) {
    return page.locator('[data-testid="account"]', { hasText: 'Root' });
  }

  it('opens cPanel of a user on a chosen page', async () => {
    const page = await popup();
    const card = await whmCard(page);
    await card.getByTestId('whm-user').fill('demo');
    await card.getByTestId('whm-app').selectOption('Email_Accounts');
    const tab = await signedInTab(env.browser, () => card.getByTestId('whm-open-cpanel').click());
    opened.push(tab);
    expect(await tab.getByTestId('signed-in-user').textContent()).toBe('demo');
    expect(await tab.getByTestId('cpanel-app').textContent()).toContain('Email_Accounts');
    expect(new URL(tab.url()).port).toBe('2083');
  });

  it('opens WHM itself', async () => {
    const page = await popup();
    const card = await whmCard(page);
    const result = await signedInAs(() => card.getByTestId('open-whm').click());
    expect(result.user).toBe('root');
    expect(new URL(result.url).port).toBe('2087');
  });

  it('opens the Webmail of an address', async () => {
    const page = await popup();
    const card = await whmCard(page);
    await card.getByTestId('whm-user').fill('orders@shop.test');
    const result = await signedInAs(() => card.getByTestId('whm-open-webmail').click());
    expect(result.user).toBe('orders@shop.test');
    expect(new URL(result.url).port).toBe('2096');
  });
});

describe('privacy', () => {
  it('never put a session in a URL, nor used the session-bearing WHM url', () => {
    const sessions = [...env.emulator.sessions.values()].map((issued) => issued.session);
    expect(sessions.length).toBeGreaterThan(5);
    for (const url of [
      ...env.browser.requestedUrls,
      ...env.emulator.requests.map((request) => request.path),
    ]) {
      expect(url).not.toContain('session=');
      for (const session of sessions) expect(url).not.toContain(encodeURIComponent(session));
    }
    expect(env.browser.pageErrors).toEqual([]);
  });
});
