import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MAILBOX_COPIES } from '../../src/rules';
import { DEMO_TOKEN } from '../emulator';
import { useEmulatorAndBrowser } from './fixtures';
import { demoAccount } from './flows';
import { EMULATOR_HOSTS } from './hosts';
import { storageSnapshot, WAIT } from './observe';

// How the popup gets its mailboxes: the first rows from the worker (a few rows, not the lists), the lists
// from its own copy in IndexedDB, confirmed by version, so an unchanged list never crosses the message
// channel again; the copy follows the server's changes and goes with the account.
const HOST = EMULATOR_HOSTS[35] as string;

const env = useEmulatorAndBrowser({ host: HOST, accounts: [demoAccount(HOST)] });

interface Seen {
  /** The rows on screen when the first row appeared. */
  firstRows: string[];
  /** Per mailboxes.compact reply: whether it carried the list. */
  compactCarriedList: boolean[];
  headAnswered: boolean;
  /** mailboxes.compact requests sent when the first row appeared. */
  compactAskedAtFirstRow: number;
  /** The list's aria-busy when the first row appeared. */
  busyAtFirstRow: string | null;
}

/** Records, from before the popup's own script runs, its first rows and what the worker answered. */
function watchPopup() {
  const seen = {
    firstRows: [] as string[],
    compactCarriedList: [] as boolean[],
    headAnswered: false,
    compactAsked: 0,
    compactAskedAtFirstRow: -1,
    busyAtFirstRow: null as string | null,
  };
  (globalThis as { __seen?: typeof seen }).__seen = seen;
  const send = chrome.runtime.sendMessage.bind(chrome.runtime) as (message: unknown) => Promise<unknown>;
  (chrome.runtime as { sendMessage: unknown }).sendMessage = (message: { type?: string }) => {
    if (message.type === 'mailboxes.compact') seen.compactAsked += 1;
    const reply = send(message);
    void reply.then((answer) => {
      if (message.type === 'mailboxes.head') seen.headAnswered = true;
      if (message.type === 'mailboxes.compact')
        seen.compactCarriedList.push((answer as { list?: unknown } | undefined)?.list !== undefined);
    });
    return reply;
  };
  const observer = new MutationObserver(() => {
    const rows = [...document.querySelectorAll<HTMLElement>('[data-testid=mailbox]')];
    if (rows.length === 0) return;
    observer.disconnect();
    seen.firstRows = rows.map((row) => row.dataset.email ?? '');
    seen.compactAskedAtFirstRow = seen.compactAsked;
    seen.busyAtFirstRow =
      document.querySelector('[data-testid=mailbox-list]')?.getAttribute('aria-busy') ?? null;
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function openWatchedPopup(): Promise<Page> {
  const page = await env.browser.context.newPage();
  await page.addInitScript(watchPopup);
  await page.goto(`chrome-extension://${env.browser.extensionId}/src/popup/index.html`);
  return page;
}

const seen = (page: Page) => page.evaluate(() => (globalThis as unknown as { __seen: Seen }).__seen);
const shownRows = (page: Page) =>
  page.$$eval('[data-testid=mailbox]', (rows) => rows.map((row) => (row as HTMLElement).dataset.email ?? ''));

/** The popup's copies in IndexedDB, by account id: the addresses of each. */
const copies = (page: Page) =>
  page.evaluate(
    ({ database, table }) =>
      new Promise<Record<string, string>>((resolve, reject) => {
        const open = indexedDB.open(database);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(table)) return resolve({});
          const found: Record<string, string> = {};
          const cursor = db.transaction(table).objectStore(table).openCursor();
          cursor.onsuccess = () => {
            const at = cursor.result;
            if (!at) return resolve(found);
            found[String(at.key)] = (at.value as { list: { emails: string } }).list.emails;
            at.continue();
          };
        };
      }),
    MAILBOX_COPIES,
  );

async function accountId(page: Page): Promise<string> {
  const reply = (await page.evaluate(() => chrome.runtime.sendMessage({ type: 'account.list' }))) as {
    accounts: { id: string }[];
  };
  return reply.accounts[0]?.id as string;
}

describe('the popup’s mailbox lists', () => {
  it('keeps a copy, and is sent only the version of an unchanged list on the next open', async () => {
    const first = await openWatchedPopup();
    await first.locator('[data-testid=mailbox]').first().waitFor();
    const id = await accountId(first);
    await expect.poll(async () => (await copies(first))[id], WAIT).toContain('info@example.com');
    expect((await seen(first)).compactCarriedList).toEqual([true]);
    await first.close();

    const again = await openWatchedPopup();
    await expect.poll(async () => (await seen(again)).compactCarriedList, WAIT).toEqual([false]);
    await expect.poll(() => shownRows(again), WAIT).toContain('frozen@example.com');
    await again.close();
  });

  it('draws the worker’s first rows, which the lists then leave as they are', async () => {
    const popup = await openWatchedPopup();
    await expect.poll(async () => (await seen(popup)).compactCarriedList.length, WAIT).toBe(1);
    const { firstRows, headAnswered, compactAskedAtFirstRow, busyAtFirstRow } = await seen(popup);
    expect(headAnswered).toBe(true);
    // Drawn before any list was even asked for: the rows came from the worker's few, and the list says it
    // is still busy until every list is in.
    expect(compactAskedAtFirstRow).toBe(0);
    expect(busyAtFirstRow).toBe('true');
    await expect.poll(() => popup.getByTestId('mailbox-list').getAttribute('aria-busy'), WAIT).toBe('false');
    expect(firstRows).toEqual([
      'demo',
      'frozen@example.com',
      'info@example.com',
      'sales@example.com',
      'support@example.net',
    ]);
    expect(await shownRows(popup)).toEqual(firstRows);
    await popup.close();
  });

  it('stores the worker’s cache compact: one string of addresses, no object per mailbox', async () => {
    const snapshot = await storageSnapshot(env.browser.worker);
    const [stored] = Object.entries(snapshot).filter(([key]) => key.startsWith('mailboxes:'));
    expect(JSON.parse(stored?.[1] ?? 'null')).toMatchObject({
      value: { emails: 'demo\nfrozen@example.com\ninfo@example.com\nsales@example.com\nsupport@example.net' },
    });
  });

  it('follows a change on the server after Refresh, in the rows, the copy and the next first rows', async () => {
    const popup = await openWatchedPopup();
    await popup.locator('[data-testid=mailbox]').first().waitFor();
    const demo = env.emulator.fixture.accounts.find((account) => account.user === 'demo');
    demo?.mailboxes.push({ email: 'added@example.com', password: 'x' });
    await popup.getByTestId('refresh').click();
    await popup.locator('[data-testid="mailbox"][data-email="added@example.com"]').waitFor();
    expect((await seen(popup)).compactCarriedList.at(-1)).toBe(true);
    const id = await accountId(popup);
    await expect.poll(async () => (await copies(popup))[id], WAIT).toContain('added@example.com');
    await popup.close();

    const next = await openWatchedPopup();
    await expect.poll(async () => (await seen(next)).firstRows, WAIT).toContain('added@example.com');
    await expect.poll(async () => (await seen(next)).compactCarriedList, WAIT).toEqual([false]);
    await next.close();
  });

  it('drops the copy with the account: in the options page at once, else at the next popup', async () => {
    const popup = await openWatchedPopup();
    await popup.locator('[data-testid=mailbox]').first().waitFor();
    const first = await accountId(popup);
    await expect.poll(async () => Object.keys(await copies(popup)), WAIT).toEqual([first]);
    // Removed without the options page (as an administrator's policy may): the next popup finds it gone.
    await popup.evaluate((id) => chrome.runtime.sendMessage({ type: 'account.remove', id }), first);
    await popup.close();
    const next = await openWatchedPopup();
    await expect.poll(async () => Object.keys(await copies(next)), WAIT).toEqual([]);

    const saved = (await next.evaluate(
      (account) => chrome.runtime.sendMessage({ type: 'account.save', account }),
      { kind: 'cpanel', host: HOST, username: 'demo', token: DEMO_TOKEN, label: 'Again' },
    )) as { id: string };
    await next.close();
    const third = await openWatchedPopup();
    await expect.poll(async () => Object.keys(await copies(third)), WAIT).toEqual([saved.id]);
    const options = await env.browser.openPage('src/options/index.html');
    await options.getByTestId('remove-account').click();
    await expect.poll(async () => Object.keys(await copies(third)), WAIT).toEqual([]);
    await Promise.all([options.close(), third.close()]);
  });
});
