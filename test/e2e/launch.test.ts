import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { render } from '../../src/i18n/format';
import type { FaultKind, FaultMatch } from '../emulator';
import { useEmulatorAndBrowser } from './fixtures';
import { demoAccount, rootAccount } from './flows';
import { EMULATOR_HOSTS } from './hosts';
import { captureNotifications, ErrorWatch, shownNotifications, stopServiceWorker, WAIT } from './observe';

// The launch page a person sees: what it says while it signs in, its failure view (which account, what
// happened, what to do, Try again in the same tab), cPanel's own HTML pages told apart, and the fix behind a
// notification's click after the worker was stopped.
const HOST = EMULATOR_HOSTS[33] as string;
const UNTRUSTED = EMULATOR_HOSTS[34] as string;
const SESSION_CALL: FaultMatch = { address: HOST, port: 2083, path: '/execute/Session/' };
const WHM_SESSION_CALL: FaultMatch = { address: HOST, port: 2087, path: '/json-api/create_user_session' };

let watch: ErrorWatch;
const opened: Page[] = [];

const env = useEmulatorAndBrowser({
  host: HOST,
  listeners: [{ address: UNTRUSTED, ports: [2083] }],
  accounts: [demoAccount(HOST, 'Main'), rootAccount(HOST, 'Root'), demoAccount(UNTRUSTED, 'Shaky')],
  timeout: 120_000,
});

beforeAll(async () => {
  env.browser.context.on('page', (page) => opened.push(page));
  watch = await ErrorWatch.start(env.browser);
});

afterEach(async () => {
  env.emulator.faults.clear();
  await Promise.all(opened.splice(0).map((page) => page.close()));
  expect(watch.take()).toEqual([]);
});

afterAll(async () => {
  await watch?.stop();
});

async function popup(): Promise<Page> {
  const page = await env.browser.openPage('src/popup/index.html');
  await page.getByTestId('account').first().waitFor();
  return page;
}

function accountButton(page: Page, label: string, testId: string) {
  return page.locator(`[data-testid="account"][aria-label="${label}"] [data-testid="${testId}"]`);
}

/** Clicks an account's button in the popup and returns the launch tab it opened. */
async function launchFrom(label: string, testId = 'open-webmail'): Promise<Page> {
  const page = await popup();
  const [tab] = await Promise.all([
    env.browser.context.waitForEvent('page'),
    accountButton(page, label, testId).click(),
  ]);
  return tab;
}

async function failureView(tab: Page, code: string) {
  await expect.poll(() => tab.getByTestId('error-code').textContent(), WAIT).toBe(code);
  const text = async (id: string) => ((await tab.getByTestId(id).textContent()) ?? '').trim();
  return {
    title: await text('launch-title'),
    account: await text('launch-account'),
    message: await text('error-message'),
    advice: await text('error-advice'),
    focused: await tab.evaluate(() => document.activeElement?.getAttribute('data-testid')),
  };
}

describe('cPanel’s own HTML answers, told apart', () => {
  const PAGES: [FaultKind, string, string][] = [
    ['html-license', render('error_html_license'), render('advice_html_license')],
    ['html-cphulk', render('error_html_cphulk'), render('advice_html_cphulk')],
    ['htmlLogin', render('error_html_login'), render('advice_html_login')],
    ['html-cloudflare', render('error_html_proxy', ['521']), render('advice_html_proxy')],
    ['html-other', render('error_web_page'), render('advice_not_json')],
  ];

  it('the messages differ from one another', () => {
    expect(new Set(PAGES.map(([, message]) => message)).size).toBe(PAGES.length);
    expect(new Set(PAGES.map(([, , advice]) => advice)).size).toBe(PAGES.length);
    expect(render('error_html_license')).toMatch(/licen[cs]e is not valid; its administrator must renew it/);
  });

  it.each(PAGES)(
    '%s: not_json with its own message and advice (cPanel token)',
    async (fault, message, advice) => {
      env.emulator.faults.set({ fault, match: SESSION_CALL });
      const view = await failureView(await launchFrom('Main'), 'not_json');
      expect(view.message).toBe(message);
      expect(view.advice).toBe(advice);
    },
  );

  it.each(PAGES)('%s: not_json with its own message (WHM token)', async (fault, message) => {
    env.emulator.faults.set({ fault, match: WHM_SESSION_CALL });
    const view = await failureView(await launchFrom('Root', 'open-whm'), 'not_json');
    expect(view.message).toBe(message);
  });

  it('the popup shows the same message and advice', async () => {
    env.emulator.faults.set({ fault: 'html-cphulk', match: SESSION_CALL });
    const page = await popup();
    await Promise.all([
      env.browser.context.waitForEvent('page'),
      accountButton(page, 'Main', 'open-webmail').click(),
    ]);
    const note = page.getByTestId('error');
    await expect.poll(() => note.getAttribute('data-code'), WAIT).toBe('not_json');
    expect(await note.textContent()).toContain(render('error_html_cphulk'));
    expect(await note.textContent()).toContain(render('advice_html_cphulk'));
  });
});

describe('the launch page', () => {
  it('says whom it asks, then whom it signs in, then lands signed in', async () => {
    env.emulator.faults.set({ fault: 'slow', delayMs: 4000, match: SESSION_CALL, times: 1 });
    env.emulator.faults.set({ fault: 'slow', delayMs: 3000, match: { address: HOST, port: 2096 }, times: 1 });
    const tab = await launchFrom('Main');
    // Every text the status takes, as it changes: once the form is posted the page soon goes.
    const seen: string[] = [];
    await tab.waitForLoadState('domcontentloaded');
    await tab.exposeFunction('__statusChanged', (text: string) => seen.push(text));
    await tab.evaluate(() => {
      const status = document.getElementById('status') as HTMLElement;
      const report = () =>
        (window as unknown as { __statusChanged(text: string): void }).__statusChanged(
          status.textContent ?? '',
        );
      report();
      new MutationObserver(report).observe(status, { childList: true, characterData: true, subtree: true });
    });
    await expect.poll(() => seen, WAIT).toContain(`Asking ${HOST}…`);
    await expect.poll(() => seen, WAIT).toContain('Signing in to Webmail for demo…');
    expect(seen.indexOf(`Asking ${HOST}…`)).toBeLessThan(seen.indexOf('Signing in to Webmail for demo…'));
    await tab.getByTestId('signed-in-user').waitFor();
    expect(await tab.getByTestId('signed-in-user').textContent()).toBe('demo');
  });

  it('names the account, server and target when it fails; the fix has the focus', async () => {
    env.emulator.faults.set({ fault: 'http401', match: SESSION_CALL });
    const tab = await launchFrom('Main');
    const view = await failureView(tab, 'auth_failed');
    expect(view.title).toBe('Could not sign in to Webmail for demo');
    expect(view.account).toBe(`Account “Main” on ${HOST}`);
    expect(view.message).toMatch(/token/i);
    expect(view.focused).toBe('fix');
    expect(await tab.getByTestId('launch-status').isVisible()).toBe(false);
    expect(await tab.getByTestId('fix').textContent()).toBe(render('advice_open_options'));
    expect(await tab.getByTestId('try-again').isVisible()).toBe(true);
    expect(await tab.getByTestId('close').isVisible()).toBe(true);
  });

  it('Try again, once the server is fixed, signs in from that same tab', async () => {
    env.emulator.faults.set({ fault: 'html-license', match: SESSION_CALL });
    const tab = await launchFrom('Main');
    const view = await failureView(tab, 'not_json');
    // Nothing in the extension fixes a licence: Try again is the primary action.
    expect(view.focused).toBe('try-again');
    expect(await tab.getByTestId('fix').isVisible()).toBe(false);
    env.emulator.faults.clear();
    const pagesBefore = env.browser.context.pages().length;
    await tab.getByTestId('try-again').click();
    await tab.getByTestId('signed-in-user').waitFor();
    expect(await tab.getByTestId('signed-in-user').textContent()).toBe('demo');
    expect(env.browser.context.pages().length).toBe(pagesBefore);
  });

  it('Try again works for a WHM target too (cPanel as the WHM user’s account)', async () => {
    env.emulator.faults.set({ fault: 'http500', match: WHM_SESSION_CALL, times: 1 });
    const tab = await launchFrom('Root', 'open-whm');
    const view = await failureView(tab, 'api_error');
    expect(view.title).toBe('Could not sign in to WHM for root');
    await tab.getByTestId('try-again').click();
    await tab.getByTestId('signed-in-user').waitFor();
    expect(await tab.getByTestId('signed-in-user').textContent()).toBe('root');
  });

  it('a reloaded launch page explains that its sign-in is gone, and Try again starts a new one', async () => {
    env.emulator.faults.set({ fault: 'http500', match: SESSION_CALL, times: 1 });
    const tab = await launchFrom('Main');
    await failureView(tab, 'api_error');
    await tab.reload();
    const view = await failureView(tab, 'not_found');
    expect(view.title).toBe(render('launch_lost_title'));
    expect(view.message).toBe(render('launch_lost_text'));
    expect(view.account).toBe(`Account “Main” on ${HOST}`);
    expect(view.focused).toBe('try-again');
    await tab.getByTestId('try-again').click();
    await tab.getByTestId('signed-in-user').waitFor();
  });

  it('Close closes the tab', async () => {
    env.emulator.faults.set({ fault: 'http500', match: SESSION_CALL });
    const tab = await launchFrom('Main');
    await failureView(tab, 'api_error');
    await Promise.all([tab.waitForEvent('close'), tab.getByTestId('close').click()]);
    expect(tab.isClosed()).toBe(true);
  });
});

describe('notifications', () => {
  const SHORTCUT = `chrome.commands.onCommand.dispatch('open-default-webmail')`;

  async function setDefault(label: string): Promise<void> {
    const page = await env.browser.openPage('src/popup/index.html');
    await page.evaluate(async (wanted) => {
      const { accounts } = (await chrome.runtime.sendMessage({ type: 'account.list' })) as {
        accounts: { id: string; label: string }[];
      };
      const id = accounts.find((account) => account.label === wanted)?.id;
      await chrome.runtime.sendMessage({ type: 'account.setDefault', id });
    }, label);
    await page.close();
  }

  afterAll(async () => {
    await env.listener(UNTRUSTED).setTrusted(true);
    await setDefault('Main');
  });

  it('name the account; a click after a worker restart still leads to the fix', async () => {
    await setDefault('Shaky');
    // A server whose certificate was trusted before gets no offer to accept another (no fix to click):
    // this one is met as never trusted (forgotten, and the worker restarted so its memory forgets too).
    await env.browser.worker.evaluate(`chrome.storage.local.remove('trustedOrigins')`);
    const before = await env.browser.openPage('src/popup/index.html');
    await stopServiceWorker(env.browser, before);
    await before.evaluate(() => chrome.runtime.sendMessage({ type: 'account.list' }));
    await before.close();
    await env.listener(UNTRUSTED).setTrusted(false);
    await captureNotifications(env.browser.worker);
    const [tab] = await Promise.all([
      env.browser.context.waitForEvent('page'),
      env.browser.worker.evaluate(SHORTCUT),
    ]);
    await expect.poll(async () => (await shownNotifications(env.browser.worker)).length, WAIT).toBe(1);
    const [note] = await shownNotifications(env.browser.worker);
    expect(note?.id).toMatch(/^wml-error:tls:\d+$/);
    expect(note?.title).toBe(`Could not sign in: “Shaky” on ${UNTRUSTED}`);
    await failureView(tab, 'tls');

    // The worker stops between the error and the click; any event starts a fresh one.
    const page = await env.browser.openPage('src/popup/index.html');
    await env.browser.worker.evaluate('globalThis.beforeStop = true');
    await stopServiceWorker(env.browser, page);
    await page.evaluate(() => chrome.runtime.sendMessage({ type: 'account.list' }));
    expect(await env.browser.worker.evaluate('globalThis.beforeStop ?? false')).toBe(false);
    // The server's page opens (on the certificate warning, as that is the fix).
    await env.browser.worker.evaluate(`chrome.notifications.onClicked.dispatch(${JSON.stringify(note?.id)})`);
    const tabUrls = async () =>
      (
        (await env.browser.worker.evaluate('chrome.tabs.query({})')) as {
          url?: string;
          pendingUrl?: string;
        }[]
      ).map((tab) => tab.pendingUrl || tab.url);
    await expect.poll(tabUrls, WAIT).toContain(`https://${UNTRUSTED}:2083/`);
  });
});
