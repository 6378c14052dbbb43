import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { IDLE_SESSION_MS } from '../emulator/constants';
import { useEmulatorAndBrowser } from './fixtures';
import { rootAccount, signedInTab } from './flows';
import { EMULATOR_HOSTS } from './hosts';
import { ErrorWatch, recordRequests, stopServiceWorker, WAIT } from './observe';

// Session::create_temp_user from the popup, inside the cPanel session the extension has just opened.
const HOST = EMULATOR_HOSTS[6] as string;
const TEMP_USER = /^\/cpsess\d{10}\/execute\/Session\/create_temp_user$/;

let watch: ErrorWatch;
let recorder: ReturnType<typeof recordRequests>;
/** Moves the emulator's clock, to let a cPanel session expire. */
let clockOffset = 0;
const opened: Page[] = [];

const env = useEmulatorAndBrowser({
  host: HOST,
  emulator: { now: () => Date.now() + clockOffset },
  accounts: [rootAccount(HOST)],
  timeout: 60_000,
  async beforeAccounts(browser) {
    recorder = recordRequests(browser.context);
    watch = await ErrorWatch.start(browser);
  },
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((page) => page.close()));
  expect(watch.take()).toEqual([]);
  expect(env.browser.pageErrors).toEqual([]);
});

afterAll(async () => {
  await watch?.stop();
});

async function popup(): Promise<Page> {
  const page = await env.browser.openPage('src/popup/index.html');
  opened.push(page);
  await page.getByTestId('account').first().waitFor();
  return page;
}

const rootCard = (page: Page) => page.locator('[data-testid="account"][aria-label="Root"]');

/** Opens cPanel of `user` from the popup's WHM card and returns the signed-in tab. */
async function openCpanel(page: Page, user: string): Promise<Page> {
  const card = rootCard(page);
  await card.getByTestId('whm-user').fill(user);
  const tab = await signedInTab(env.browser, () => card.getByTestId('whm-open-cpanel').click());
  expect(await tab.getByTestId('signed-in-user').textContent()).toBe(user);
  return tab;
}

/** axe's findings on the page, in the light and the dark theme. */
async function violations(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    found.push(
      ...violations.map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target).join(' | ')}`),
    );
  }
  return found;
}

/** What the worker keeps about open cPanel sessions, per storage area. */
async function storedSessions(): Promise<{ session: unknown; local: unknown }> {
  const worker = env.browser.context.serviceWorkers()[0] ?? env.browser.worker;
  return (await worker.evaluate(`(async () => ({
    session: (await chrome.storage.session.get('cpanelSessions')).cpanelSessions,
    local: (await chrome.storage.local.get('cpanelSessions')).cpanelSessions,
  }))()`)) as { session: unknown; local: unknown };
}

describe('a temporary database user inside the cPanel session the extension opened', () => {
  it('is offered for that session, created there with its cookie alone, and shown to copy', async () => {
    const page = await popup();
    expect(await page.getByTestId('cpanel-session').count()).toBe(0);
    const tab = await openCpanel(page, 'demo');
    opened.push(tab);

    const session = rootCard(page).getByTestId('cpanel-session');
    await expect.poll(() => session.count(), WAIT).toBe(1);
    expect(await session.textContent()).toContain('cPanel of demo');
    // Kept in memory-only session storage, so it outlives a worker restart but is never written to disk.
    expect((await storedSessions()).local).toBeUndefined();
    await stopServiceWorker(env.browser, page);

    await session.getByTestId('create-temp-user').click();
    const name = page.getByTestId('temp-user-name');
    await name.waitFor();
    const user = /cpses_[A-Za-z0-9]+/.exec((await name.textContent()) ?? '')?.[0];
    expect(user).toMatch(/^cpses_/);
    expect(await page.getByTestId('temp-user').textContent()).toContain('cPanel removes it');
    const copy = page.getByTestId('copy-temp-user');
    await copy.click();
    await expect.poll(() => copy.textContent(), WAIT).toBe('Copied');
    expect(await violations(page)).toEqual([]);

    // The server saw it inside that session: its security token, its cookie, no Authorization header.
    const calls = env.emulator.requests.filter((request) => TEMP_USER.test(request.path));
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.authScheme).toBeNull();
    expect(call?.port).toBe(2083);
    const cookie = [...env.emulator.cookieSessions.values()].find((c) => c.user === 'demo');
    expect(cookie?.service).toBe('cpaneld');
    expect(call?.path.startsWith(`${cookie?.token}/`)).toBe(true);
    expect(new URL(tab.url()).pathname.startsWith(`${cookie?.token}/`)).toBe(true);
    const sent = (await recorder.all()).filter((request) => TEMP_USER.test(new URL(request.url).pathname));
    expect(sent).toHaveLength(1);
    expect(sent[0]?.fromWorker).toBe(true);
    expect(sent[0]?.headers.cookie).toContain(`cpsession=${cookie?.id}`);
    expect(sent[0]?.headers.authorization).toBeUndefined();
  });

  it('is no longer offered once the cPanel tab is closed', async () => {
    const page = await popup();
    const tab = await openCpanel(page, 'demo');
    const sessions = rootCard(page).getByTestId('cpanel-session');
    await expect.poll(() => sessions.count(), WAIT).toBe(1);
    await tab.close();
    await expect.poll(() => sessions.count(), WAIT).toBe(0);
    expect((await storedSessions()).session).toEqual({});
    const fresh = await popup();
    expect(await fresh.getByTestId('cpanel-session').count()).toBe(0);
  });

  it('says clearly that a session the server has expired has ended, and stops offering it', async () => {
    const page = await popup();
    opened.push(await openCpanel(page, 'demo'));
    const sessions = rootCard(page).getByTestId('cpanel-session');
    await expect.poll(() => sessions.count(), WAIT).toBe(1);
    const before = env.emulator.requests.filter((request) => TEMP_USER.test(request.path)).length;

    clockOffset += IDLE_SESSION_MS + 60_000;
    await sessions.getByTestId('create-temp-user').click();
    const error = page.getByTestId('temp-user-error');
    await error.waitFor();
    // An ErrorNote: the message, then the advice.
    expect(await error.locator('p.error').textContent()).toBe(
      'The cPanel session of demo has ended. Open cPanel again, then create the user.',
    );
    expect(await error.getAttribute('data-code')).toBe('not_found');
    expect(env.emulator.requests.filter((request) => TEMP_USER.test(request.path))).toHaveLength(before + 1);
    await expect.poll(() => sessions.count(), WAIT).toBe(0);
    expect(await page.getByTestId('temp-user-name').count()).toBe(0);
    expect(await violations(page)).toEqual([]);
  });
});
