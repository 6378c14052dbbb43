import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cloneFixture, demoFixture, makeMailboxes } from '../emulator';
import { useEmulatorAndBrowser } from './fixtures';
import { demoAccount, signedInTab } from './flows';
import { EMULATOR_HOSTS } from './hosts';
import { stopServiceWorker, WAIT } from './observe';

// webmail.prepare: the session is made while the user aims at a row, and the click only opens the tab.
const HOST = EMULATOR_HOSTS[22] as string;
const PASSPHRASE = 'correct horse battery staple';
/** Longer than the popup's 80 ms aim, with room for a busy machine. */
const SETTLE_MS = 600;

const fixture = cloneFixture(demoFixture);
// Enough rows for a sweep across ten of them.
fixture.accounts[0]?.mailboxes.push(...makeMailboxes('example.com', 12));
const env = useEmulatorAndBrowser({ host: HOST, emulator: { fixture }, accounts: [demoAccount(HOST)] });

/** How many times the server was asked for a session: for mailboxes, or for the account itself. */
const sessionCalls = (fn: 'for_mail_user' | 'for_self') =>
  env.emulator.requests.filter((request) =>
    request.path.startsWith(`/execute/Session/create_webmail_session_${fn}?`),
  ).length;

let accountId = '';
async function popup(): Promise<Page> {
  const page = await env.browser.openPage('src/popup/index.html');
  await page.locator('[data-testid="mailbox"][data-email="info@example.com"]').waitFor();
  accountId ||= (await page.evaluate(async () => {
    const reply = await chrome.runtime.sendMessage({ type: 'account.list' });
    return reply.accounts[0].id;
  })) as string;
  return page;
}

function send(page: Page, message: Record<string, unknown>): Promise<{ ok: boolean }> {
  return page.evaluate((request) => chrome.runtime.sendMessage(request), message);
}

/**
 * Runs `action` in the popup `page` and returns the tab it opened, signed in; how many tabs were created
 * meanwhile; how many entries the tab's history holds; and the navigation requests of its main frame, in
 * order. (Not the URL a tab was created with: without the "tabs" permission some Chromium versions do
 * not tell it, even for the extension's own page.)
 */
async function openedTab(page: Page, action: () => Promise<unknown>) {
  await page.evaluate(() => {
    const created: number[] = [];
    Object.assign(globalThis, { createdTabs: created });
    chrome.tabs.onCreated.addListener((tab) => created.push(tab.id ?? -1));
  });
  const navigations: Request[] = [];
  const record = (request: Request) => {
    if (request.isNavigationRequest()) navigations.push(request);
  };
  env.browser.context.on('request', record);
  try {
    const tab = await signedInTab(env.browser, action);
    return {
      tab,
      created: (await page.evaluate(() => (globalThis as unknown as { createdTabs: number[] }).createdTabs))
        .length,
      history: await tab.evaluate(() => history.length),
      navigations: navigations
        .filter((request) => request.frame() === tab.mainFrame())
        .map((request) => `${request.method()} ${request.url()}`),
    };
  } finally {
    env.browser.context.off('request', record);
  }
}

const row = (page: Page, email: string) => page.locator(`[data-testid="mailbox"][data-email="${email}"]`);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('prepared sign-in in Chromium', () => {
  it('prepares the account’s own Webmail when the popup opens with one account, and the click uses it', async () => {
    const before = sessionCalls('for_self');
    const page = await popup();
    await expect.poll(() => sessionCalls('for_self'), WAIT).toBe(before + 1);
    const tab = await signedInTab(env.browser, () => page.getByTestId('open-webmail').click());
    expect(await tab.getByTestId('signed-in-user').textContent()).toBe('demo');
    expect(sessionCalls('for_self')).toBe(before + 1);
    await Promise.all([tab.close(), page.close()]);
  });

  it('makes no session for the head start when the click came first', async () => {
    // The list must come from a slow server, so the popup's head start (sent once every list is in) is
    // still to come when the user clicks.
    const options = await env.browser.openPage('src/options/index.html');
    await options.evaluate(async () => {
      const cached = Object.keys(await chrome.storage.local.get(null)).filter((key) =>
        key.startsWith('mailboxes:'),
      );
      await chrome.storage.local.remove(cached);
    });
    // The worker keeps its lists in memory too: a new one has only storage to go by.
    await stopServiceWorker(env.browser, options);
    await options.close();
    env.emulator.faults.set({ fault: 'slow', match: { path: '/execute/Email/list_pops' }, delayMs: 2_000 });
    try {
      const before = sessionCalls('for_self');
      const page = await env.browser.openPage('src/popup/index.html');
      const tab = await signedInTab(env.browser, () => page.getByTestId('open-webmail').click());
      expect(await tab.getByTestId('signed-in-user').textContent()).toBe('demo');
      // The slow list is in (the worker stores it before it answers), and the popup has had time to act on it.
      const storedLists = () =>
        page.evaluate(async () =>
          Object.keys(await chrome.storage.local.get(null)).some((key) => key.startsWith('mailboxes:')),
        );
      await expect.poll(storedLists, WAIT).toBe(true);
      await pause(SETTLE_MS);
      expect(sessionCalls('for_self')).toBe(before + 1);
      await Promise.all([tab.close(), page.close()]);
    } finally {
      env.emulator.faults.clear();
    }
  });

  it('makes one API call for two prepares; the open after them makes none and signs in; never twice', async () => {
    const page = await popup();
    const before = sessionCalls('for_mail_user');
    const target = { accountId, email: 'sales@example.com' };
    const replies = await Promise.all([
      send(page, { type: 'webmail.prepare', ...target }),
      send(page, { type: 'webmail.prepare', ...target }),
    ]);
    expect(replies).toEqual([{ ok: true }, { ok: true }]);
    expect(sessionCalls('for_mail_user')).toBe(before + 1);

    const first = await signedInTab(env.browser, () => send(page, { type: 'webmail.open', ...target }));
    expect(await first.getByTestId('signed-in-user').textContent()).toBe('sales@example.com');
    expect(sessionCalls('for_mail_user')).toBe(before + 1);
    await first.close();

    // The prepared session was used up: the next open asks the server for a new one.
    const second = await signedInTab(env.browser, () => send(page, { type: 'webmail.open', ...target }));
    expect(await second.getByTestId('signed-in-user').textContent()).toBe('sales@example.com');
    expect(sessionCalls('for_mail_user')).toBe(before + 2);
    const logins = env.emulator.requests.filter((request) => request.path.endsWith('/login'));
    const bodies = logins.slice(-2).map((request) => request.body);
    expect(new Set(bodies).size).toBe(2);
    await Promise.all([second.close(), page.close()]);
  });

  it('prepares the row the pointer rests on, and the click on it makes no API call', async () => {
    const page = await popup();
    const before = sessionCalls('for_mail_user');
    await row(page, 'support@example.net').hover();
    await expect.poll(() => sessionCalls('for_mail_user'), WAIT).toBe(before + 1);
    const tab = await signedInTab(env.browser, () => row(page, 'support@example.net').click());
    expect(await tab.getByTestId('signed-in-user').textContent()).toBe('support@example.net');
    expect(sessionCalls('for_mail_user')).toBe(before + 1);
    await Promise.all([tab.close(), page.close()]);
  });

  it('posts a prepared session from the popup itself: no launch tab, no API call, and only once', async () => {
    const page = await popup();
    const before = sessionCalls('for_mail_user');
    await row(page, 'info@example.com').hover();
    await expect.poll(() => sessionCalls('for_mail_user'), WAIT).toBe(before + 1);

    const first = await openedTab(page, () => row(page, 'info@example.com').click());
    expect(await first.tab.getByTestId('signed-in-user').textContent()).toBe('info@example.com');
    expect(sessionCalls('for_mail_user')).toBe(before + 1);
    // One tab, whose first navigation is the login POST to Webmail: no launch page was opened.
    expect(first.created).toBe(1);
    expect(first.history).toBe(1);
    expect(first.navigations[0]).toMatch(
      new RegExp(`^POST https://${HOST.replaceAll('.', '\\.')}:2096/cpsess\\d{10}/login$`),
    );
    // The Webmail page cannot reach back into the extension page that opened it.
    expect(await first.tab.evaluate(() => window.opener)).toBeNull();
    // Recorded as a recent mailbox, as any open is.
    const { recent } = (await send(page, { type: 'recents.get' })) as unknown as { recent: unknown[] };
    expect(recent[0]).toEqual({ accountId, email: 'info@example.com' });
    await first.tab.close();

    // Used up: the next open of the target (the same message the popup sends, past the popup's own guard
    // against a double-click) asks the server and signs in through the launch tab.
    await page.mouse.move(1, 1);
    const again = { type: 'webmail.open', accountId, email: 'info@example.com', acceptsLogin: true };
    const second = await openedTab(page, () => send(page, again));
    expect(await second.tab.getByTestId('signed-in-user').textContent()).toBe('info@example.com');
    expect(second.created).toBe(1);
    // The launch page came first in this tab: one step back is it.
    expect(second.history).toBe(2);
    await second.tab.goBack();
    expect(second.tab.url()).toContain('/src/launch/index.html#');
    const logins = env.emulator.requests.filter((request) => request.path.endsWith('/login'));
    const bodies = logins.slice(-2).map((request) => request.body);
    expect(new Set(bodies).size).toBe(2);
    expect(sessionCalls('for_mail_user')).toBe(before + 2);
    await Promise.all([second.tab.close(), page.close()]);
    expect(env.browser.pageErrors).toEqual([]);
  });

  it('opens through the launch tab when nothing was prepared', async () => {
    const page = await popup();
    const before = sessionCalls('for_mail_user');
    const reply = await send(page, {
      type: 'webmail.open',
      accountId,
      email: 'sales@example.com',
      acceptsLogin: true,
    });
    expect(reply).toMatchObject({ ok: true, tabId: expect.any(Number) });
    expect(reply).not.toHaveProperty('login');
    expect(sessionCalls('for_mail_user')).toBe(before + 1);
    await page.close();
  });

  it('prepares the row the arrow keys move to', async () => {
    const page = await popup();
    const before = sessionCalls('for_mail_user');
    await page.getByTestId('search').fill('box0000');
    await row(page, 'box00002@example.com').waitFor();
    await page.getByTestId('search').press('ArrowDown');
    await expect.poll(() => sessionCalls('for_mail_user'), WAIT).toBe(before + 1);
    const last = env.emulator.requests.filter((request) => request.path.includes('for_mail_user?')).at(-1);
    expect(new URL(last?.path ?? '', 'https://x').searchParams.get('login')).toBe('box00002');
    await page.close();
  });

  it('prepares nothing for a sweep of the pointer across ten rows', async () => {
    const page = await popup();
    await page.mouse.move(1, 1);
    const before = sessionCalls('for_mail_user');
    expect(await page.getByTestId('mailbox').count()).toBeGreaterThanOrEqual(10);
    // The pointer enters and leaves ten rows in turn, as fast as a hand sweeps (all in one task here, so a
    // busy machine cannot stretch the sweep past the 80 ms aim), and ends off the list.
    await page.evaluate(() => {
      const rows = [...document.querySelectorAll('[data-testid="mailbox"]')].slice(0, 10);
      for (const row of rows) {
        row.dispatchEvent(new MouseEvent('mouseenter'));
        row.dispatchEvent(new MouseEvent('mouseleave'));
      }
    });
    await pause(SETTLE_MS);
    expect(sessionCalls('for_mail_user')).toBe(before);
    await page.close();
  });

  it('drops a prepared session when the vault locks', async () => {
    const options = await env.browser.openPage('src/options/index.html');
    await options.fill('#vault-new', PASSPHRASE);
    await options.fill('#vault-confirm', PASSPHRASE);
    await options.getByTestId('vault-submit').click();
    await expect
      .poll(() => options.getByTestId('vault-done').textContent(), WAIT)
      .toContain('Passphrase set');
    await options.close();

    const page = await popup();
    const before = sessionCalls('for_mail_user');
    const target = { accountId, email: 'info@example.com' };
    await send(page, { type: 'webmail.prepare', ...target });
    expect(sessionCalls('for_mail_user')).toBe(before + 1);
    expect(await send(page, { type: 'vault.lock' })).toEqual({ ok: true });
    expect(await send(page, { type: 'vault.unlock', passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    const tab = await signedInTab(env.browser, () => send(page, { type: 'webmail.open', ...target }));
    expect(await tab.getByTestId('signed-in-user').textContent()).toBe('info@example.com');
    expect(sessionCalls('for_mail_user')).toBe(before + 2);
    await Promise.all([tab.close(), page.close()]);
  });

  it('prepares nothing with the setting off', async () => {
    const options = await env.browser.openPage('src/options/index.html');
    const box = options.getByTestId('prepare-sign-in');
    await expect.poll(() => box.isChecked(), WAIT).toBe(true);
    await box.uncheck();
    await expect
      .poll(() => send(options, { type: 'settings.get' }), WAIT)
      .toMatchObject({ settings: { prepareSignIn: false } });
    await options.close();

    const self = sessionCalls('for_self');
    const before = sessionCalls('for_mail_user');
    const page = await popup();
    await row(page, 'sales@example.com').hover();
    await send(page, { type: 'webmail.prepare', accountId, email: 'info@example.com' });
    await pause(SETTLE_MS);
    expect(sessionCalls('for_mail_user')).toBe(before);
    expect(sessionCalls('for_self')).toBe(self);
    await page.close();
    expect(env.browser.pageErrors).toEqual([]);
  });
});
