import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../src/cpanel/errors';
import { DEMO_TOKEN, type FaultKind, type FaultMatch, HTTP_TEXT, ROOT_TOKEN } from '../emulator';
import { useEmulatorAndBrowser } from './fixtures';
import { type AccountFields, addAccountThroughOptions } from './flows';
import { EMULATOR_HOSTS } from './hosts';
import {
  captureNotifications,
  ErrorWatch,
  notificationIds,
  settingsOf,
  shownNotifications,
  stopServiceWorker,
  storageSnapshot,
  WAIT,
  waitUntil,
} from './observe';

// Every injected fault, asserted where the user acted: the popup (and the launch tab it opened), a
// notification for the shortcut and the context menu, the options page for a save, the server's own page
// for a rejected Webmail login. One emulator serves four addresses: its own, one that will present an
// untrusted certificate, one that will stop listening, one the browser will fail to resolve.
const HOST = EMULATOR_HOSTS[10] as string;
const UNTRUSTED = EMULATOR_HOSTS[11] as string;
const GONE = EMULATOR_HOSTS[12] as string;
const NOWHERE = EMULATOR_HOSTS[13] as string;

const SESSION_CALL: FaultMatch = { address: HOST, port: 2083, path: '/execute/Session/' };
const WHM_SESSION_CALL: FaultMatch = { address: HOST, port: 2087, path: '/json-api/create_user_session' };

const ACCOUNTS: AccountFields[] = [
  { host: HOST, username: 'demo', token: DEMO_TOKEN, label: 'Main' },
  { host: HOST, username: 'root', token: ROOT_TOKEN, kind: 'whm', label: 'Root' },
  { host: UNTRUSTED, username: 'demo', token: DEMO_TOKEN, label: 'Untrusted' },
  { host: GONE, username: 'demo', token: DEMO_TOKEN, label: 'Gone' },
  { host: NOWHERE, username: 'demo', token: DEMO_TOKEN, label: 'Nowhere' },
];

interface HttpFault {
  fault: FaultKind;
  code: ErrorCode;
  /** What the message must say happened (the advice, what to do, is checked separately). */
  says: RegExp;
  message?: string;
}

const STATUS0_TEXT = 'Session creation is not permitted.';

const HTTP_FAULTS: HttpFault[] = [
  { fault: 'http401', code: 'auth_failed', says: /token/i },
  { fault: 'http403', code: 'auth_failed', says: /token|403/i },
  { fault: 'htmlLogin', code: 'not_json', says: /web page|login page/i },
  { fault: 'status0', code: 'api_error', says: /Session creation is not permitted\./, message: STATUS0_TEXT },
  { fault: 'http500', code: 'api_error', says: /HTTP 500/ },
  { fault: 'truncatedJson', code: 'not_json', says: /not API data/i },
  { fault: 'malformedJson', code: 'not_json', says: /not API data/i },
  { fault: 'wrongShape', code: 'invalid_response', says: /unexpected shape/i },
  { fault: 'unsafeSession', code: 'invalid_response', says: /unusable/i },
  { fault: 'reset', code: 'network', says: /refused|dropped|could not be reached/i },
];

let watch: ErrorWatch;
let baseline: Record<string, string>;
const opened: Page[] = [];

// First run: every account is saved while its server answers.
const env = useEmulatorAndBrowser({
  host: HOST,
  listeners: [UNTRUSTED, GONE, NOWHERE].map((address) => ({ address, ports: [2083] })),
  accounts: ACCOUNTS,
  timeout: 120_000,
});

beforeAll(async () => {
  // Still the first run: the popup caches the mailbox lists.
  const first = env.browser;
  const popup = await first.openPage('src/popup/index.html');
  const cached = async () => {
    const keys = Object.keys(await storageSnapshot(first.worker));
    return keys.filter((key) => key.startsWith('mailboxes:')).length === 4;
  };
  await waitUntil(cached, 'the mailbox lists of the four cPanel accounts');
  await popup.close();

  // Second run on the same profile: NOWHERE no longer resolves, as after its DNS record vanished.
  await env.relaunch({ extraArgs: [`--host-resolver-rules=MAP ${NOWHERE} ~NOTFOUND`] });
  env.browser.context.on('page', (page) => opened.push(page));
  watch = await ErrorWatch.start(env.browser);
  baseline = settingsOf(await storageSnapshot(env.browser.worker));
  expect(JSON.parse(baseline.accounts ?? '{}').accounts).toHaveLength(ACCOUNTS.length);
}, 120_000);

afterEach(async () => {
  env.emulator.faults.clear();
  await Promise.all(opened.splice(0).map((page) => page.close()));
  // No uncaught error or unhandled rejection anywhere, and no failure touched the settings.
  expect(watch.take()).toEqual([]);
  expect(settingsOf(await storageSnapshot(env.browser.worker))).toEqual(baseline);
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

interface Shown {
  message: string;
  advice: string;
}

/** The launch tab shows the code, what happened and what to do; returns the last two. */
async function launchTabShows(tab: Page, code: ErrorCode): Promise<Shown> {
  await expect.poll(() => tab.getByTestId('error-code').textContent(), WAIT).toBe(code);
  const message = (await tab.getByTestId('error-message').textContent()) ?? '';
  const advice = (await tab.getByTestId('error-advice').textContent()) ?? '';
  expect(message.length).toBeGreaterThan(10);
  expect(advice.length).toBeGreaterThan(10);
  expect(await tab.getByTestId('signed-in-user').count()).toBe(0);
  return { message, advice };
}

/** Clicks in the popup; the popup and the launch tab it opened both tell the same failure. */
async function failsInPopup(
  click: (page: Page) => Promise<void>,
  code: ErrorCode,
): Promise<Shown & { page: Page }> {
  const page = await popup();
  const [tab] = await Promise.all([env.browser.context.waitForEvent('page'), click(page)]);
  const note = page.getByTestId('error');
  await expect.poll(() => note.getAttribute('data-code'), WAIT).toBe(code);
  const shown = await launchTabShows(tab, code);
  const text = (await note.textContent()) ?? '';
  expect(text).toContain(shown.message);
  expect(text).toContain(shown.advice);
  return { ...shown, page };
}

/** Runs a trigger that has no page; a notification with the code tells the failure, and so does the tab. */
async function failsWithNotification(trigger: string, code: ErrorCode): Promise<Shown> {
  await captureNotifications(env.browser.worker);
  const before = (await shownNotifications(env.browser.worker)).length;
  const [tab] = await Promise.all([
    env.browser.context.waitForEvent('page'),
    env.browser.worker.evaluate(trigger),
  ]);
  await expect
    .poll(
      async () => (await shownNotifications(env.browser.worker)).slice(before).map((note) => note.id),
      WAIT,
    )
    .toEqual([expect.stringMatching(new RegExp(`^wml-error:${code}:\\d+$`))]);
  const note = (await shownNotifications(env.browser.worker))[before];
  // Recorded as create() was called; on screen once it resolved.
  await expect.poll(() => notificationIds(env.browser.worker), WAIT).toContain(note?.id);
  const shown = await launchTabShows(tab, code);
  expect(note?.message).toContain(shown.message);
  expect(note?.message).toContain(shown.advice);
  return shown;
}

const SHORTCUT = `chrome.commands.onCommand.dispatch('open-default-webmail')`;
const menuClick = (address: string) => `chrome.contextMenus.onClicked.dispatch({
  menuItemId: 'open-webmail-for-address', editable: false, pageUrl: 'https://elsewhere.example/',
  linkUrl: 'mailto:${address}' }, { id: -1 })`;

describe('API faults, clicked in the popup (cPanel token)', () => {
  it.each(HTTP_FAULTS)('$fault → $code', async ({ fault, code, says, message }) => {
    env.emulator.faults.set({ fault, match: SESSION_CALL, ...(message ? { message } : {}) });
    const shown = await failsInPopup((page) => accountButton(page, 'Main', 'open-webmail').click(), code);
    expect(shown.message).toMatch(says);
    expect(env.emulator.faults.hits.length).toBeGreaterThan(0);
  });
});

describe('API faults, clicked in the popup (WHM token)', () => {
  const whmFaults = HTTP_FAULTS.filter(({ fault }) =>
    ['http401', 'http403', 'htmlLogin', 'status0', 'truncatedJson', 'wrongShape', 'unsafeSession'].includes(
      fault,
    ),
  );
  it.each(whmFaults)('$fault → $code', async ({ fault, code, says, message }) => {
    env.emulator.faults.set({ fault, match: WHM_SESSION_CALL, ...(message ? { message } : {}) });
    const shown = await failsInPopup((page) => accountButton(page, 'Root', 'open-whm').click(), code);
    expect(shown.message).toMatch(says);
    expect(env.emulator.faults.hits.length).toBeGreaterThan(0);
  });
});

describe('API faults, from the keyboard shortcut (notification)', () => {
  it.each(HTTP_FAULTS)('$fault → $code', async ({ fault, code, says, message }) => {
    env.emulator.faults.set({ fault, match: SESSION_CALL, ...(message ? { message } : {}) });
    const shown = await failsWithNotification(SHORTCUT, code);
    expect(shown.message).toMatch(says);
  });
});

describe('server states', () => {
  it('a suspended mailbox, from the context menu: says so before opening anything', async () => {
    // A stock server would hand out a session that the 2096 login refuses (Cpanel/API/Session.pm).
    await captureNotifications(env.browser.worker);
    const before = (await shownNotifications(env.browser.worker)).length;
    const pages = env.browser.context.pages().length;
    await env.browser.worker.evaluate(menuClick('frozen@example.com'));
    await expect
      .poll(
        async () => (await shownNotifications(env.browser.worker)).slice(before).map((note) => note.id),
        WAIT,
      )
      .toEqual([expect.stringMatching(/^wml-error:bad_input:\d+$/)]);
    const note = (await shownNotifications(env.browser.worker))[before];
    expect(note?.message).toContain('Logins to frozen@example.com are suspended');
    expect(env.browser.context.pages().length).toBe(pages);
  });

  it('a token rejected for a mailbox, from the context menu: auth_failed', async () => {
    env.emulator.faults.set({ fault: 'http401', match: SESSION_CALL });
    await failsWithNotification(menuClick('info@example.com'), 'auth_failed');
  });

  it('a suspended account (the server’s own 403): auth_failed in the popup', async () => {
    const demo = env.emulator.fixture.accounts.find((account) => account.user === 'demo');
    if (!demo) throw new Error('no demo account');
    demo.suspended = true;
    try {
      await failsInPopup((page) => accountButton(page, 'Main', 'open-webmail').click(), 'auth_failed');
    } finally {
      demo.suspended = false;
    }
    expect(
      env.emulator.requests.some((request) => request.path.includes('create_webmail_session_for_self')),
    ).toBe(true);
  });

  it('session creation switched off by the host: api_error with the server’s text', async () => {
    const demo = env.emulator.fixture.accounts.find((account) => account.user === 'demo');
    if (!demo) throw new Error('no demo account');
    demo.sessionCreationDisabled = true;
    try {
      const shown = await failsInPopup(
        (page) => accountButton(page, 'Main', 'open-webmail').click(),
        'api_error',
      );
      expect(shown.message).toContain(STATUS0_TEXT);
    } finally {
      demo.sessionCreationDisabled = false;
    }
  });
});

describe('network faults', () => {
  it('an untrusted certificate where a trusted one was before: tls, and no offer to accept it', async () => {
    // Earlier popups may have prepared this account's session while its certificate was good; a session
    // made then would sign in without asking the server. Prepared sessions live in the worker's memory.
    const page = await env.browser.openPage('src/popup/index.html');
    await stopServiceWorker(env.browser, page);
    await page.evaluate(() => chrome.runtime.sendMessage({ type: 'account.list' }));
    await page.close();
    await env.listener(UNTRUSTED).setTrusted(false);
    const shown = await failsInPopup(
      (page) => accountButton(page, 'Untrusted', 'open-webmail').click(),
      'tls',
    );
    expect(shown.message).toMatch(/was trusted before/i);
    expect(await shown.page.getByTestId('error').textContent()).toMatch(/Do not accept this certificate/);
    expect(await shown.page.getByTestId('open-server').count()).toBe(0);
  });

  it('an untrusted certificate on save: tls on the options page, nothing stored', async () => {
    const options = await addAccountThroughOptions(env.browser, {
      host: UNTRUSTED,
      username: 'demo',
      token: DEMO_TOKEN,
      label: 'Again',
    });
    await expect.poll(() => options.getByTestId('error').getAttribute('data-code'), WAIT).toBe('tls');
    expect(await options.getByTestId('error').textContent()).toMatch(/certificate/i);
  });

  it('connection refused: network', async () => {
    await env.listener(GONE).close();
    const shown = await failsInPopup(
      (page) => accountButton(page, 'Gone', 'open-webmail').click(),
      'network',
    );
    expect(shown.message).toMatch(/refused/i);
  });

  it('an unknown host (DNS): network, saying the name was not found', async () => {
    const shown = await failsInPopup(
      (page) => accountButton(page, 'Nowhere', 'open-webmail').click(),
      'network',
    );
    expect(shown.message).toMatch(/could not be found/i);
  });

  it('an unknown host on save: network on the options page, nothing stored', async () => {
    const options = await addAccountThroughOptions(env.browser, {
      host: NOWHERE,
      username: 'demo',
      token: DEMO_TOKEN,
      label: 'Typo',
    });
    await expect.poll(() => options.getByTestId('error').getAttribute('data-code'), WAIT).toBe('network');
    expect(await options.getByTestId('error').textContent()).toMatch(/could not be found/i);
  });

  it('a hung response: timeout within 15 s, and the message says so', { timeout: 30_000 }, async () => {
    env.emulator.faults.set({ fault: 'hang', match: SESSION_CALL });
    const page = await popup();
    const started = Date.now();
    const [tab] = await Promise.all([
      env.browser.context.waitForEvent('page'),
      accountButton(page, 'Main', 'open-webmail').click(),
    ]);
    await page.locator('[data-testid="error"][data-code="timeout"]').waitFor({ timeout: 20_000 });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThan(14_000);
    expect(elapsed).toBeLessThanOrEqual(16_000);
    const shown = await launchTabShows(tab, 'timeout');
    expect(shown.message).toMatch(/15 seconds/);
  });
});

describe('a Webmail login that rejects the session', () => {
  // The login page's notice by msg_code (Cpanel/Template/Unauthenticated.pm).
  it.each([
    ['expired', 'sessionExpired', HTTP_TEXT.expiredSession],
    ['already used', 'sessionUsed', HTTP_TEXT.invalidSession],
  ] as const)(
    '%s: the server’s login-failure page, and nothing claims success',
    async (_name, fault, notice) => {
      env.emulator.faults.set({ fault, match: { address: HOST, port: 2096, path: '/login' }, times: 1 });
      const page = await popup();
      const [tab] = await Promise.all([
        env.browser.context.waitForEvent('page'),
        accountButton(page, 'Main', 'open-webmail').click(),
      ]);
      await tab.getByTestId('login-failure').waitFor();
      expect(await tab.getByTestId('login-failure').textContent()).toContain(notice);
      expect(tab.url()).toMatch(new RegExp(`^https://${HOST.replace(/\./g, '\\.')}:2096/cpsess\\d+/login$`));
      expect(await tab.getByTestId('signed-in-user').count()).toBe(0);
      // The API call succeeded, so the popup has nothing to report, and no launch page said "signed in".
      await expect.poll(() => page.getByTestId('error').count(), WAIT).toBe(0);
      expect(env.emulator.faults.hits.map((hit) => hit.fault)).toEqual([fault]);
      expect(env.emulator.cookieSessions.size).toBe(0);
    },
  );
});
