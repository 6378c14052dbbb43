import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN } from '../emulator';
import { FAULT_CODES } from '../support/faultCodes';
import { useEmulatorAndBrowser } from './fixtures';
import { demoAccount, rootAccount } from './flows';
import { EMULATOR_HOSTS } from './hosts';
import {
  captureNotifications,
  ErrorWatch,
  settingsOf,
  shownNotifications,
  stopServiceWorker,
  storageSnapshot,
  WAIT,
} from './observe';

// Double triggers, a worker stopped between events, failures that must leave no trace, and a suite that fails
// on any uncaught error or unhandled rejection in the worker or an extension page.
const HOST = EMULATOR_HOSTS[14] as string;
const SESSION_CALL = { port: 2083, path: '/execute/Session/' };

let watch: ErrorWatch;
let baseline: Record<string, string>;
/** Pages that opened during the current test, ours (popups) and the extension's (launch tabs). */
const opened: Page[] = [];

const env = useEmulatorAndBrowser({
  host: HOST,
  accounts: [demoAccount(HOST, 'Main'), rootAccount(HOST)],
  async beforeAccounts(browser) {
    watch = await ErrorWatch.start(browser);
  },
});

beforeAll(async () => {
  env.browser.context.on('page', (page) => opened.push(page));
  baseline = settingsOf(await storageSnapshot(env.browser.worker));
});

afterEach(async () => {
  env.emulator.faults.clear();
  await Promise.all(opened.splice(0).map((page) => page.close()));
  expect(watch.take()).toEqual([]);
  expect(settingsOf(await storageSnapshot(env.browser.worker))).toEqual(baseline);
});

afterAll(async () => {
  await watch?.stop();
});

const isSessionCall = (path: string) => path.startsWith('/execute/Session/create_webmail_session');
const sessionCalls = () => env.emulator.requests.filter((request) => isSessionCall(request.path)).length;
/** Tabs the extension opened (launch pages and where they led), not the popups the test opened. */
const extensionTabs = () => opened.filter((page) => !page.url().includes('/src/popup/'));

/** Closes the tabs this test opened but `keep` (its popup), wherever `keep` stands among them. */
async function closeAllBut(keep: Page): Promise<void> {
  const others = opened.splice(0).filter((page) => page !== keep);
  opened.push(keep);
  await Promise.all(others.map((page) => page.close()));
}

async function popup(): Promise<Page> {
  const page = await env.browser.openPage('src/popup/index.html');
  await page.getByTestId('mailbox').first().waitFor();
  return page;
}

const mainWebmail = (page: Page) =>
  page.locator('[data-testid="account"][aria-label="Main"] [data-testid="open-webmail"]');

/**
 * Waits for the tab a trigger opened and checks it is the only one, from a single API call, before it is
 * signed in (a second login in another tab would replace the first one's cookie, so count first).
 */
async function oneSignedInTab(callsBefore: number): Promise<Page> {
  await expect.poll(() => extensionTabs().length, WAIT).toBeGreaterThan(0);
  await expect.poll(() => sessionCalls() - callsBefore, WAIT).toBeGreaterThan(0);
  // Long enough for a second launch, if there were one, to have opened its tab.
  await new Promise((resolve) => setTimeout(resolve, 750));
  // On failure, when each call arrived: a second call long after the first means the de-duplication ended early.
  const arrivals = env.emulator.requests.filter((request) => isSessionCall(request.path)).slice(callsBefore);
  const offsets = arrivals.map((request) => request.at - (arrivals[0]?.at ?? 0));
  expect(sessionCalls() - callsBefore, `API calls arrived at +${offsets.join(', +')} ms`).toBe(1);
  expect(extensionTabs()).toHaveLength(1);
  const [tab] = extensionTabs();
  await tab?.getByTestId('signed-in-user').waitFor();
  return tab as Page;
}

const menuClick = (address: string) => `chrome.contextMenus.onClicked.dispatch({
  menuItemId: 'open-webmail-for-address', editable: false, pageUrl: 'https://elsewhere.example/',
  linkUrl: 'mailto:${address}' }, { id: -1 })`;
const SHORTCUT = `chrome.commands.onCommand.dispatch('open-default-webmail')`;

describe('two triggers in a row on the same target: one API call, one tab', () => {
  it('a double-click on the popup’s Webmail button', async () => {
    const page = await popup();
    const before = sessionCalls();
    await mainWebmail(page).dblclick();
    const tab = await oneSignedInTab(before);
    expect(await tab.getByTestId('signed-in-user').textContent()).toBe('demo');
  });

  it('the same button in two popups at once, while the server is slow', async () => {
    env.emulator.faults.set({ fault: 'slow', delayMs: 1_000, match: SESSION_CALL });
    const [first, second] = [await popup(), await popup()];
    const before = sessionCalls();
    await Promise.all([mainWebmail(first).click(), mainWebmail(second).click()]);
    await oneSignedInTab(before);
    // Both popups were answered (one tab for both), neither shows an error.
    expect(await first.getByTestId('error').count()).toBe(0);
    expect(await second.getByTestId('error').count()).toBe(0);
  });

  it('the context menu twice on one address at once', async () => {
    const before = sessionCalls();
    await Promise.all([
      env.browser.worker.evaluate(menuClick('info@example.com')),
      env.browser.worker.evaluate(menuClick('INFO@example.com')),
    ]);
    const tab = await oneSignedInTab(before);
    expect(await tab.getByTestId('signed-in-user').textContent()).toBe('info@example.com');
  });

  it('the shortcut pressed twice at once', async () => {
    const before = sessionCalls();
    await Promise.all([env.browser.worker.evaluate(SHORTCUT), env.browser.worker.evaluate(SHORTCUT)]);
    await oneSignedInTab(before);
  });

  it('the shortcut double-tapped (250 ms apart), the server answering at its normal speed', async () => {
    const before = sessionCalls();
    await env.browser.worker.evaluate(SHORTCUT);
    await new Promise((resolve) => setTimeout(resolve, 250));
    await env.browser.worker.evaluate(SHORTCUT);
    await oneSignedInTab(before);
  });

  // De-duplication must not outlive its purpose: once the tab is closed, the same click signs in anew.
  it('a later click, once the first tab was closed, opens a new tab', async () => {
    const page = await popup();
    let before = sessionCalls();
    await mainWebmail(page).click();
    await oneSignedInTab(before);
    await closeAllBut(page);
    before = sessionCalls();
    await mainWebmail(page).click();
    await oneSignedInTab(before);
  });
});

describe('the worker stopped between events', () => {
  it('the next popup click starts a fresh worker and signs in', async () => {
    const page = await popup();
    await env.browser.worker.evaluate('globalThis.beforeStop = true');
    await stopServiceWorker(env.browser, page);
    const before = sessionCalls();
    await mainWebmail(page).click();
    await oneSignedInTab(before);
    // A fresh instance answered (the old global is gone), and the error watch covers it too.
    expect(await env.browser.worker.evaluate('globalThis.beforeStop ?? false')).toBe(false);
    await env.browser.worker.evaluate(
      `setTimeout(() => Promise.reject(new Error('planted after restart')), 0); 1`,
    );
    await expect.poll(() => watch.errors.join('\n'), WAIT).toContain('planted after restart');
    watch.take();
  });

  it('a newly opened popup lists mailboxes and opens a typed address after a stop', async () => {
    const first = await popup();
    await stopServiceWorker(env.browser, first);
    await first.close();
    const page = await popup();
    await page.getByTestId('search').fill('sales@example.com');
    const before = sessionCalls();
    await page.getByTestId('search').press('Enter');
    const tab = await oneSignedInTab(before);
    expect(await tab.getByTestId('signed-in-user').textContent()).toBe('sales@example.com');
  });

  it('the context menu still works in the restarted worker', async () => {
    const page = await popup();
    await stopServiceWorker(env.browser, page);
    // Any event starts the worker again; a message from the popup is the one a test can send.
    await page.evaluate(() => chrome.runtime.sendMessage({ type: 'account.list' }));
    await page.close();
    const before = sessionCalls();
    await env.browser.worker.evaluate(menuClick('support@example.net'));
    const tab = await oneSignedInTab(before);
    expect(await tab.getByTestId('signed-in-user').textContent()).toBe('support@example.net');
  });

  it('a failure after a restart is still reported where the user acted', async () => {
    const page = await popup();
    await stopServiceWorker(env.browser, page);
    env.emulator.faults.set({ fault: 'http401', match: SESSION_CALL });
    // The launch tab opens along with the call: wait for it, so it cannot open during the next test.
    await Promise.all([env.browser.context.waitForEvent('page'), mainWebmail(page).click()]);
    await expect.poll(() => page.getByTestId('error').getAttribute('data-code'), WAIT).toBe('auth_failed');
  });
});

describe('failures leave no trace and the next trigger works', () => {
  it('every fault, from the popup then the shortcut: settings byte-identical, then a normal sign-in', async () => {
    const accountsBefore = (await storageSnapshot(env.browser.worker)).accounts;
    const page = await popup();
    for (const [fault, code] of FAULT_CODES) {
      env.emulator.faults.set({ fault, match: SESSION_CALL });
      await mainWebmail(page).click();
      await expect.poll(() => page.getByTestId('error').getAttribute('data-code'), WAIT).toBe(code);
      await captureNotifications(env.browser.worker);
      const notes = (await shownNotifications(env.browser.worker)).length;
      await env.browser.worker.evaluate(SHORTCUT);
      await expect
        .poll(
          async () => (await shownNotifications(env.browser.worker)).slice(notes).map((note) => note.id),
          WAIT,
        )
        .toEqual([expect.stringMatching(`^wml-error:${code}:`)]);
      expect((await storageSnapshot(env.browser.worker)).accounts).toBe(accountsBefore);
      env.emulator.faults.clear();
      await closeAllBut(page);
    }
    // Nothing a failure did lingers: the same click now signs in.
    const before = sessionCalls();
    await mainWebmail(page).click();
    await oneSignedInTab(before);
    await expect.poll(() => page.getByTestId('error').count(), WAIT).toBe(0);
  });

  it('a failed save changes nothing either', async () => {
    env.emulator.faults.set({ fault: 'http500', match: { port: 2083, path: '/execute/Email/list_pops' } });
    const options = await env.browser.openPage('src/options/index.html');
    await options.fill('#account-host', HOST);
    await options.fill('#account-username', 'demo');
    await options.fill('#account-token', DEMO_TOKEN);
    await options.fill('#account-label', 'Second');
    await options.click('[data-testid="save-account"]');
    await expect.poll(() => options.getByTestId('error').getAttribute('data-code'), WAIT).toBe('api_error');
  });
});

describe('the error watch itself', () => {
  it('sees an unhandled rejection in the worker, so a clean run means a clean worker', async () => {
    await env.browser.worker.evaluate(
      `setTimeout(() => Promise.reject(new Error('planted rejection')), 0); 1`,
    );
    await expect.poll(() => watch.errors.join('\n'), WAIT).toContain('planted rejection');
    watch.take();
  });

  it('sees an uncaught error in an extension page', async () => {
    const page = await popup();
    await page.evaluate(() => setTimeout(() => Promise.reject(new Error('planted page error')), 0));
    await expect.poll(() => watch.errors.join('\n'), WAIT).toContain('planted page error');
    watch.take();
  });
});
