import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeWorld, worldResellerToken } from '../emulator';
import { useEmulatorAndBrowser } from './fixtures';
import { addVerifiedAccount, rootAccount, signedInTab } from './flows';
import { EMULATOR_HOSTS } from './hosts';
import { stopServiceWorker } from './observe';

// A WHM token on a server of 300 accounts: the directory of every mailbox, built in the worker.
const HOST = EMULATOR_HOSTS[31] as string;
const ACCOUNTS = 300;
const MAILBOXES = 3;
/** A mailbox whose login the server has suspended (the account itself is not). */
const LOCKED = 'box02@acct0010.test';
/** Each account's addresses and its own mailbox, in the world as the test has changed it so far. */
const everyMailbox = () =>
  env.emulator.fixture.accounts.reduce((sum, account) => sum + account.mailboxes.length + 1, 0);

const world = makeWorld({ accounts: ACCOUNTS, mailboxes: MAILBOXES, resellers: 2, suspendedEvery: 50 });
const locked = world.accounts[9]?.mailboxes.find((mailbox) => mailbox.email === LOCKED);
if (locked) locked.suspendedLogin = true;
const env = useEmulatorAndBrowser({ host: HOST, emulator: { fixture: world, latencyMs: 25 } });

interface Listed {
  email: string;
  user?: string;
  main?: boolean;
  suspended?: boolean;
}

async function accountId(page: Page, label: string): Promise<string> {
  const { accounts } = (await page.evaluate(() => chrome.runtime.sendMessage({ type: 'account.list' }))) as {
    accounts: { id: string; label: string }[];
  };
  const found = accounts.find((account) => account.label === label);
  if (!found) throw new Error(`no account ${label}`);
  return found.id;
}

async function listed(page: Page, id: string): Promise<Listed[]> {
  const reply = (await page.evaluate(
    (accountId) => chrome.runtime.sendMessage({ type: 'mailboxes.list', accountId }),
    id,
  )) as { mailboxes: Listed[] };
  return reply.mailboxes;
}

/** The users whose list the stored directory holds (what a restarted worker need not ask again). */
async function storedDone(page: Page, id: string): Promise<string[]> {
  const stored = (await page.evaluate(() => chrome.storage.local.get(null))) as Record<string, unknown>;
  // The directory is kept in chunks of accounts: `whmDirectory:<id>:<n>`.
  const prefix = `whmDirectory:${id}:`;
  return Object.entries(stored)
    .filter(([key]) => key.startsWith(prefix))
    .flatMap(([, chunk]) => Object.entries(chunk as Record<string, { at?: number; failed?: string }>))
    .filter(([, entry]) => entry.at !== undefined && !entry.failed)
    .map(([user]) => user);
}

/** The users whose mailboxes the server was asked for (uapi_cpanel Email::list_pops), from request `from` on. */
const popsAsked = (from = 0, by?: string) =>
  env.emulator.requests
    .slice(from)
    .filter((r) => r.path.startsWith('/json-api/uapi_cpanel') && (by === undefined || r.authUser === by))
    .map((r) => new URL(r.path, 'https://x').searchParams.get('cpanel.user') ?? '');

describe('the directory of a WHM token', () => {
  it('lists every mailbox of 300 accounts within 30 s, never more than 6 requests in flight', async () => {
    await addVerifiedAccount(env.browser, rootAccount(HOST));
    env.emulator.load.reset();
    const popup = await env.browser.openPage('src/popup/index.html');
    await popup.getByTestId('directory-progress').waitFor();
    expect(await popup.getByTestId('directory-progress').textContent()).toMatch(
      /^(Indexing \d+ of 300 accounts|Reading the accounts) on Root/,
    );
    const id = await accountId(popup, 'Root');
    await expect
      .poll(async () => (await listed(popup, id)).length, { timeout: 30_000, interval: 250 })
      .toBe(everyMailbox());
    expect(env.emulator.load.maxInFlight).toBeGreaterThan(1);
    expect(env.emulator.load.maxInFlight).toBeLessThanOrEqual(6);
    // The popup shows it too: the progress line goes, the list counts every mailbox.
    await popup.getByTestId('directory-progress').waitFor({ state: 'detached', timeout: 10_000 });
    await expect.poll(() => popup.getByTestId('more').textContent()).toContain('1,200');
    const all = await listed(popup, id);
    expect(all.find((m) => m.email === 'box02@acct0123.test')).toEqual({
      email: 'box02@acct0123.test',
      user: 'acct0123',
    });
    // Every mailbox of the suspended accounts, and the one mailbox whose login alone is suspended.
    expect(all.filter((m) => m.suspended).length).toBe((ACCOUNTS / 50) * (MAILBOXES + 1) + 1);
    expect(all.find((m) => m.email === LOCKED)).toEqual({ email: LOCKED, user: 'acct0010', suspended: true });
    expect(new Set(popsAsked()).size).toBe(ACCOUNTS);
    await popup.close();
  });

  it('finds a mailbox of any account by typing its address; Enter opens it signed in', async () => {
    const popup = await env.browser.openPage('src/popup/index.html');
    await popup.getByTestId('search').fill('box03@acct0287');
    await expect
      .poll(() => popup.getByTestId('mailbox').first().getAttribute('data-email'))
      .toBe('box03@acct0287.test');
    expect(await popup.getByTestId('mailbox-owner').first().textContent()).toBe('acct0287');
    const tab = await signedInTab(env.browser, () => popup.getByTestId('search').press('Enter'));
    expect(await tab.getByTestId('signed-in-user').textContent()).toBe('box03@acct0287.test');
    expect(new URL(tab.url()).port).toBe('2096');
    await Promise.all([tab.close(), popup.close()]);
  });

  it('marks a mailbox whose login is suspended, and says so before opening anything', async () => {
    const popup = await env.browser.openPage('src/popup/index.html');
    await popup.getByTestId('search').fill(LOCKED);
    const row = popup.locator(`[data-testid="mailbox"][data-email="${LOCKED}"]`);
    await row.waitFor();
    expect(await row.textContent()).toMatch(/suspended/i);
    const from = env.emulator.requests.length;
    const pagesBefore = env.browser.context.pages().length;
    await row.click();
    const error = popup.getByTestId('error');
    await expect.poll(() => error.getAttribute('data-code')).toBe('bad_input');
    expect(await error.textContent()).toContain(`Logins to ${LOCKED} are suspended`);
    expect(env.browser.context.pages().length).toBe(pagesBefore);
    const sessions = env.emulator.requests.slice(from).filter((r) => r.path.includes('create_user_session'));
    expect(sessions).toEqual([]);
    await popup.close();
  });

  it('offers cPanel for the cPanel user that owns a row', async () => {
    const popup = await env.browser.openPage('src/popup/index.html');
    await popup.getByTestId('search').fill('box01@acct0042.test');
    await expect.poll(() => popup.getByTestId('mailbox').count()).toBe(1);
    const tab = await signedInTab(env.browser, () => popup.getByTestId('open-owner-cpanel').first().click());
    expect(await tab.getByTestId('signed-in-user').textContent()).toBe('acct0042');
    expect(new URL(tab.url()).port).toBe('2083');
    await Promise.all([tab.close(), popup.close()]);
  });

  it('shows a new mailbox on the server after Refresh', async () => {
    const account = env.emulator.fixture.accounts.find((a) => a.user === 'acct0077');
    account?.mailboxes.push({ email: 'fresh@acct0077.test', password: 'x' });
    const popup = await env.browser.openPage('src/popup/index.html');
    await popup.getByTestId('search').fill('fresh@acct0077');
    await expect.poll(() => popup.getByTestId('mailbox').count()).toBe(0);
    await popup.getByTestId('refresh').click();
    await expect
      .poll(() => popup.getByTestId('mailbox').first().getAttribute('data-email'), { timeout: 30_000 })
      .toBe('fresh@acct0077.test');
    await popup.close();
  });

  it('lists for a reseller only the accounts it owns, and never asks about others', async () => {
    const owned = new Set(
      env.emulator.fixture.accounts.filter((a) => a.owner === 'reseller1').map((a) => a.user),
    );
    await addVerifiedAccount(env.browser, {
      host: HOST,
      username: 'reseller1',
      token: worldResellerToken(1),
      kind: 'whm',
      label: 'Reseller',
    });
    const popup = await env.browser.openPage('src/popup/index.html');
    const id = await accountId(popup, 'Reseller');
    await expect
      .poll(async () => (await listed(popup, id)).length, { timeout: 30_000, interval: 250 })
      .toBe(owned.size * (MAILBOXES + 1));
    const users = new Set((await listed(popup, id)).map((m) => m.user));
    expect(users).toEqual(owned);
    expect(popsAsked(0, 'reseller1').length).toBeGreaterThan(0);
    expect(popsAsked(0, 'reseller1').every((user) => owned.has(user))).toBe(true);
    await popup.close();
  });

  it('resumes after a worker restart mid-index instead of starting over', async () => {
    env.emulator.setLatency(120);
    // Counted from before the account exists: an open popup may start its index as soon as it is saved.
    const start = env.emulator.requests.length;
    await addVerifiedAccount(env.browser, rootAccount(HOST, 'Root again'));
    let popup = await env.browser.openPage('src/popup/index.html');
    const id = await accountId(popup, 'Root again');
    await expect
      .poll(async () => (await storedDone(popup, id)).length, { timeout: 20_000 })
      .toBeGreaterThan(40);
    const before = await storedDone(popup, id);
    expect(before.length).toBeLessThan(ACCOUNTS);
    // From here on, no user listed in `before` may be asked for again, by the old worker or the new one.
    const restartedAt = env.emulator.requests.length;
    await stopServiceWorker(env.browser, popup);
    await popup.close();
    env.emulator.setLatency(25);
    // The next page wakes a fresh worker; it goes on from what storage holds.
    popup = await env.browser.openPage('src/popup/index.html');
    await expect
      .poll(async () => (await listed(popup, id)).length, { timeout: 30_000, interval: 250 })
      .toBe(everyMailbox());
    const afterRestart = popsAsked(restartedAt, 'root');
    expect(afterRestart.length).toBeGreaterThan(0);
    expect(afterRestart.filter((user) => before.includes(user))).toEqual([]);
    expect(new Set(popsAsked(start, 'root')).size).toBe(ACCOUNTS);
    await popup.close();
  });

  it('lists every mailbox a cPanel user owns when its user name is typed', async () => {
    // An address without the owner's name in it: only the owner can make it match.
    const account = env.emulator.fixture.accounts.find((a) => a.user === 'acct0123');
    account?.mailboxes.push({ email: 'sales@widgets.example', password: 'x' });
    const popup = await env.browser.openPage('src/popup/index.html');
    await popup.getByTestId('refresh').click();
    const rows = async () => {
      const emails = await popup
        .getByTestId('mailbox')
        .evaluateAll((all) => all.map((row) => row.dataset.email));
      return [...new Set(emails)].sort();
    };
    await popup.getByTestId('search').fill('acct0123');
    await expect
      .poll(rows, { timeout: 30_000, interval: 250 })
      .toEqual([
        'acct0123',
        'box01@acct0123.test',
        'box02@acct0123.test',
        'box03@acct0123.test',
        'sales@widgets.example',
      ]);
    const owners = await popup.getByTestId('mailbox-owner').allTextContents();
    expect(new Set(owners)).toEqual(new Set(['acct0123']));
    // Words still AND together: the owner and a word of the address.
    await popup.getByTestId('search').fill('acct0123 sales');
    await expect.poll(rows).toEqual(['sales@widgets.example']);
    await popup.getByTestId('search').fill('acct0124 sales');
    await expect.poll(() => popup.getByTestId('mailbox').count()).toBe(0);
    await popup.close();
  });
});
