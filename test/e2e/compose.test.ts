import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useEmulatorAndBrowser } from './fixtures';
import { demoAccount, rootAccount, signedInTab } from './flows';
import { EMULATOR_HOSTS } from './hosts';
import { recordRequests, type SeenRequest, WAIT } from './observe';

// Writing mail: webmail.compose, the compose-to-address menu item, the mailto: handler page, "Send from",
// "Open Webmail at" and the popup's Write action, each ending on Roundcube's compose screen, signed in.
const HOST = EMULATOR_HOSTS[23] as string;

let recorder: ReturnType<typeof recordRequests>;
const opened: Page[] = [];
/** Every URL a frame of any tab was at. */
const visited: string[] = [];

const env = useEmulatorAndBrowser({
  host: HOST,
  accounts: [demoAccount(HOST), rootAccount(HOST)],
  timeout: 60_000,
  beforeAccounts(browser) {
    recorder = recordRequests(browser.context);
    browser.context.on('page', (page) => page.on('framenavigated', (frame) => visited.push(frame.url())));
  },
});

beforeAll(async () => {
  sender = await env.browser.openPage('src/options/index.html');
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((page) => page.close()));
});

async function extensionPage(path: string): Promise<Page> {
  const page = await env.browser.openPage(path);
  opened.push(page);
  return page;
}

/** An extension page to send messages from, as the popup and options do; opened before any action. */
let sender: Page;

function sendMessage(message: Record<string, unknown>): Promise<{ ok: boolean; error?: unknown }> {
  return sender.evaluate((request) => chrome.runtime.sendMessage(request), message);
}

interface ComposeScreen {
  user: string | null;
  to: string | null;
  cc: string | null;
  bcc: string | null;
  subject: string | null;
  body: string;
  params: string | null;
  url: string;
}

async function composeScreen(tab: Page): Promise<ComposeScreen> {
  await tab.getByTestId('compose').waitFor(WAIT);
  const text = (id: string) => tab.getByTestId(id).textContent();
  return {
    user: await text('signed-in-user'),
    to: await text('compose-to'),
    cc: await text('compose-cc'),
    bcc: await text('compose-bcc'),
    subject: await text('compose-subject'),
    body: await tab.getByTestId('compose-body').inputValue(),
    params: await text('compose-params'),
    url: tab.url(),
  };
}

/** The compose screen of the tab `action` opens. */
async function composedBy(action: () => Promise<unknown>): Promise<ComposeScreen> {
  const tab = await signedInTab(env.browser, action);
  opened.push(tab);
  return composeScreen(tab);
}

async function accountId(label: string): Promise<string> {
  const reply = (await sender.evaluate(() => chrome.runtime.sendMessage({ type: 'account.list' }))) as {
    accounts: { id: string; label: string }[];
  };
  const found = reply.accounts.find((account) => account.label === label);
  if (!found) throw new Error(`no account ${label}`);
  return found.id;
}

function menuClick(info: string): Promise<unknown> {
  return env.browser.worker.evaluate(`chrome.contextMenus.onClicked.dispatch({ menuItemId: 'compose-to-address',
    editable: false, pageUrl: 'https://elsewhere.example/', ${info} }, { id: -1 })`);
}

describe('webmail.compose', () => {
  it('lands signed in on Roundcube’s compose screen with every field of a mailto: URI filled', async () => {
    const screen = await composedBy(() =>
      sendMessage({
        type: 'webmail.compose',
        to:
          'mailto:alice@example.org,bob@example.org?cc=carol@example.org&bcc=dave@example.org' +
          '&subject=Meeting%20notes%20%E2%9C%93&body=Hello%2C%0D%0Asee%20you%20at%2010.',
      }),
    );
    expect(screen).toMatchObject({
      user: 'demo',
      to: 'alice@example.org, bob@example.org',
      cc: 'carol@example.org',
      bcc: 'dave@example.org',
      subject: 'Meeting notes ✓',
      params: 'bcc body cc subject to',
    });
    // A textarea's value has its line breaks normalised to \n.
    expect(screen.body).toBe('Hello,\nsee you at 10.');
    // As on a real server, Roundcube moved the fields out of the URL into its session.
    const url = new URL(screen.url);
    expect(url.pathname).toMatch(/^\/cpsess\d{10}\/3rdparty\/roundcube\/$/);
    expect([...url.searchParams.keys()]).toEqual(['_task', '_action', '_id']);
  });

  it('writes from the chosen mailbox', async () => {
    const id = await accountId('Demo');
    const screen = await composedBy(() =>
      sendMessage({
        type: 'webmail.compose',
        to: 'someone@example.org',
        accountId: id,
        email: 'sales@example.com',
      }),
    );
    expect(screen).toMatchObject({ user: 'sales@example.com', to: 'someone@example.org', params: 'to' });
  });

  it('writes from a mailbox only a WHM token reaches, through create_user_session', async () => {
    const id = await accountId('Root');
    const screen = await composedBy(() =>
      sendMessage({
        type: 'webmail.compose',
        to: 'mailto:x@example.org?subject=Hi',
        accountId: id,
        email: 'orders@shop.test',
      }),
    );
    expect(screen).toMatchObject({ user: 'orders@shop.test', to: 'x@example.org', subject: 'Hi' });
  });

  it('keeps & and = in a field as text: no field can add or change a parameter', async () => {
    const screen = await composedBy(() =>
      sendMessage({
        type: 'webmail.compose',
        to:
          'mailto:odd%3F_task%3Dsettings@example.org?subject=a%26_task%3Dsettings%26_action%3Dshow' +
          '&cc=c@example.org%26_bcc%3Devil@example.org',
      }),
    );
    expect(screen).toMatchObject({
      to: 'odd?_task=settings@example.org',
      subject: 'a&_task=settings&_action=show',
      cc: 'c@example.org&_bcc=evil@example.org',
      bcc: '',
      params: 'cc subject to',
    });
  });

  it('cuts a body too long for a link, with a note, and still lands on compose', async () => {
    const body = encodeURIComponent('All work and no play. '.repeat(1000));
    const screen = await composedBy(() =>
      sendMessage({ type: 'webmail.compose', to: `mailto:long@example.org?body=${body}` }),
    );
    expect(screen.to).toBe('long@example.org');
    expect(screen.body.startsWith('All work and no play. All work')).toBe(true);
    expect(screen.body).toMatch(/\n\n\[Message shortened by Webmail Launcher: .+\]$/);
    expect(screen.body.length).toBeLessThan(6000);
  });
});

describe('the compose-to-address menu item', () => {
  it('is registered for mailto: links and selections', async () => {
    const error = await env.browser.worker.evaluate(`new Promise((resolve) => chrome.contextMenus.create(
      { id: 'compose-to-address', title: 'x', contexts: ['link'] }, () => resolve(chrome.runtime.lastError?.message ?? '')))`);
    expect(error).toMatch(/duplicate/i);
  });

  it('writes to a mailto: link, any address, with the link’s subject', async () => {
    const screen = await composedBy(() =>
      menuClick(`linkUrl: 'mailto:Someone@Elsewhere.test?subject=Hello%20there'`),
    );
    expect(screen).toMatchObject({ user: 'demo', to: 'Someone@Elsewhere.test', subject: 'Hello there' });
  });

  it('writes to the address found in selected text', async () => {
    const screen = await composedBy(() =>
      menuClick(`selectionText: 'Please write to Bob.Smith@Other.example today'`),
    );
    expect(screen).toMatchObject({ user: 'demo', to: 'bob.smith@other.example', subject: '' });
  });
});

describe('the mailto: handler page', () => {
  it('replaces itself with the signed-in compose screen, in the same tab', async () => {
    const before = env.browser.context.pages().length;
    const uri = encodeURIComponent('mailto:handler@example.org?subject=From%20a%20link&cc=cc@example.org');
    const page = await extensionPage(`src/compose/index.html?uri=${uri}`);
    const screen = await composeScreen(page);
    expect(screen).toMatchObject({
      user: 'demo',
      to: 'handler@example.org',
      cc: 'cc@example.org',
      subject: 'From a link',
    });
    expect(env.browser.context.pages().length).toBe(before + 1);
  });

  it('can be reached from a web page, as the browser’s protocol handler navigates to it', async () => {
    const page = await env.browser.context.newPage();
    opened.push(page);
    await page.goto(`https://${HOST}:2096/`);
    const uri = encodeURIComponent('mailto:web@example.org');
    await page.evaluate((url) => {
      location.href = url;
    }, `chrome-extension://${env.browser.extensionId}/src/compose/index.html?uri=${uri}`);
    expect(await composeScreen(page)).toMatchObject({ user: 'demo', to: 'web@example.org' });
  });

  it('is offered from the options page, which says how to undo it', async () => {
    const options = await extensionPage('src/options/index.html');
    await options.getByTestId('register-mailto').click();
    await expect.poll(() => options.getByTestId('compose-saved').textContent(), WAIT).toMatch(/prompt/);
    await expect(options.getByText('chrome://settings/handlers').count()).resolves.toBe(1);
  });
});

describe('Send from, Open Webmail at, and the popup', () => {
  it('"ask every time" shows a chooser on the compose page before signing in', async () => {
    const options = await extensionPage('src/options/index.html');
    await options.getByTestId('send-from').selectOption('ask');
    await options.getByTestId('compose-saved').waitFor(WAIT);
    const page = await extensionPage(
      `src/compose/index.html?uri=${encodeURIComponent('mailto:asked@example.org')}`,
    );
    const from = page.getByTestId('compose-from');
    await expect.poll(() => from.locator('option').count(), WAIT).toBeGreaterThan(3);
    await from.selectOption({ label: 'info@example.com' });
    await page.getByTestId('compose-write').click();
    expect(await composeScreen(page)).toMatchObject({ user: 'info@example.com', to: 'asked@example.org' });
    // Back to the default, for the tests that follow.
    await options.getByTestId('send-from').selectOption('');
    await expect.poll(() => options.getByTestId('send-from').inputValue(), WAIT).toBe('');
  });

  it('a chosen "Send from" mailbox writes for the menu item', async () => {
    const options = await extensionPage('src/options/index.html');
    await expect
      .poll(() => options.getByTestId('send-from').locator('option').count(), WAIT)
      .toBeGreaterThan(3);
    await options.getByTestId('send-from').selectOption({ label: 'sales@example.com' });
    await options.getByTestId('compose-saved').waitFor(WAIT);
    const screen = await composedBy(() => menuClick(`linkUrl: 'mailto:menu@example.org'`));
    expect(screen).toMatchObject({ user: 'sales@example.com', to: 'menu@example.org' });
    await options.getByTestId('send-from').selectOption('');
    await expect.poll(() => options.getByTestId('send-from').inputValue(), WAIT).toBe('');
  });

  it('the popup’s Write action opens compose as that mailbox', async () => {
    const popup = await extensionPage('src/popup/index.html');
    const row = popup.locator('[data-testid="mailbox"][data-email="info@example.com"]').first();
    await row.hover();
    const screen = await composedBy(() => row.getByTestId('write').click());
    expect(screen).toMatchObject({ user: 'info@example.com', to: '', params: '' });
  });

  it('"Open Webmail at: Roundcube inbox" opens that account’s Webmail in Roundcube', async () => {
    const options = await extensionPage('src/options/index.html');
    await options.getByTestId('webmail-at').first().selectOption('roundcube');
    await options.getByTestId('compose-saved').waitFor(WAIT);
    const id = await accountId('Demo');
    const tab = await signedInTab(env.browser, () => sendMessage({ type: 'webmail.open', accountId: id }));
    opened.push(tab);
    expect(await tab.getByTestId('webmail-client').textContent()).toBe('roundcube');
    expect(new URL(tab.url()).pathname).toMatch(/^\/cpsess\d{10}\/3rdparty\/roundcube\/$/);
    await options.getByTestId('webmail-at').first().selectOption('home');
  });
});

describe('privacy', () => {
  let seen: SeenRequest[];

  it('the session never appears in a URL, and goto_uri travels in the login POST body', async () => {
    seen = await recorder.all();
    const sessions = [...env.emulator.sessions.values()];
    expect(sessions.length).toBeGreaterThan(8);
    const urls = [
      ...seen.map((request) => request.url),
      ...visited,
      ...env.emulator.requests.map((r) => r.path),
    ];
    for (const url of urls) {
      expect(url).not.toMatch(/[?&]session=/);
      for (const { session } of sessions) {
        expect(url).not.toContain(session);
        expect(url).not.toContain(encodeURIComponent(session));
      }
    }
    const logins = seen.filter(
      (request) => request.method === 'POST' && /\/cpsess\d+\/login$/.test(request.url),
    );
    const gotos = logins.map((request) => new URLSearchParams(request.postData ?? '').get('goto_uri'));
    expect(
      gotos.filter((goto) => goto?.startsWith('/3rdparty/roundcube/?_task=mail&_action=compose')).length,
    ).toBeGreaterThan(5);
  });
});
