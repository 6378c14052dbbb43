import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN, ROOT_TOKEN, SHOP_TOKEN } from '../emulator';
import { useEmulatorAndBrowser } from './fixtures';
import { demoAccount, rootAccount, signedInTab } from './flows';
import { EMULATOR_HOSTS } from './hosts';
import { ErrorWatch, recordRequests, type SeenRequest, WAIT } from './observe';

// Records every request the browser makes, with headers and bodies, while the extension does its usual work
// for three accounts on two servers (and fails once or twice), then checks where the secrets went: each token
// only in the Authorization header of its own account's API, each session only in one login POST body.
const HOST = EMULATOR_HOSTS[15] as string;
const OTHER = EMULATOR_HOSTS[16] as string;

/** Each token, and the one origin it may be sent to. */
const TOKENS = [
  { label: 'Demo', user: 'demo', token: DEMO_TOKEN, origin: `https://${HOST}:2083` },
  { label: 'Shop', user: 'shop', token: SHOP_TOKEN, origin: `https://${OTHER}:2083` },
  { label: 'Root', user: 'root', token: ROOT_TOKEN, origin: `https://${HOST}:2087` },
];

let watch: ErrorWatch;
let recorder: ReturnType<typeof recordRequests>;
let seen: SeenRequest[];
/** Every URL a frame of any tab was at. */
const visited: string[] = [];

const env = useEmulatorAndBrowser({
  host: HOST,
  listeners: [{ address: OTHER, ports: [2083, 2096] }],
  accounts: [
    demoAccount(HOST),
    { host: OTHER, username: 'shop', token: SHOP_TOKEN, label: 'Shop' },
    rootAccount(HOST),
  ],
  timeout: 60_000,
  // Everything is watched from the start: saving an account sends its token too.
  async beforeAccounts(browser) {
    recorder = recordRequests(browser.context);
    watch = await ErrorWatch.start(browser);
    browser.context.on('page', (page) => page.on('framenavigated', (frame) => visited.push(frame.url())));
  },
});

afterAll(async () => {
  await watch?.stop();
});

async function popup(): Promise<Page> {
  const page = await env.browser.openPage('src/popup/index.html');
  await page.getByTestId('mailbox').first().waitFor();
  return page;
}

const card = (page: Page, label: string) => page.locator(`[data-testid="account"][aria-label="${label}"]`);

/** The everyday flows, each ending signed in, plus two failures. */
async function useTheExtension(): Promise<void> {
  const tabs: Page[] = [];
  const signIn = async (action: () => Promise<unknown>) => tabs.push(await signedInTab(env.browser, action));
  let page = await popup();
  await signIn(() => card(page, 'Demo').getByTestId('open-webmail').click());
  await signIn(() => card(page, 'Shop').getByTestId('open-webmail').click());
  await page.getByTestId('search').fill('info@example.com');
  await page.locator('[data-testid="mailbox"][data-email="info@example.com"]').first().waitFor();
  await signIn(() => page.getByTestId('search').press('Enter'));
  await page.getByTestId('refresh').click();
  await page.close();

  page = await popup();
  const root = card(page, 'Root');
  await signIn(() => root.getByTestId('open-whm').click());
  await root.getByTestId('whm-user').fill('demo');
  await signIn(() => root.getByTestId('whm-open-cpanel').click());
  await root.getByTestId('whm-user').fill('orders@shop.test');
  await signIn(() => root.getByTestId('whm-open-webmail').click());

  for (const address of ['sales@example.com', 'orders@shop.test']) {
    await signIn(() =>
      env.browser.worker.evaluate(`chrome.contextMenus.onClicked.dispatch({ menuItemId: 'open-webmail-for-address',
        editable: false, pageUrl: 'https://elsewhere.example/', linkUrl: 'mailto:${address}' }, { id: -1 })`),
    );
  }

  // Failures travel other code paths (errors, notifications): they must not leak either.
  env.emulator.faults.set({ fault: 'http401', match: { port: 2083, path: '/execute/Session/' }, times: 1 });
  await card(page, 'Demo').getByTestId('open-webmail').click();
  await expect.poll(() => page.getByTestId('error').getAttribute('data-code'), WAIT).toBe('auth_failed');
  // Only WHM's own session: the directory's requests and a prepared mailbox session must not take the fault.
  const whmSession = /\/create_user_session\?.*service=whostmgrd/;
  env.emulator.faults.set({ fault: 'htmlLogin', match: { port: 2087, path: whmSession }, times: 1 });
  await root.getByTestId('open-whm').click();
  await expect.poll(() => page.getByTestId('error').getAttribute('data-code'), WAIT).toBe('not_json');
  await page.close();
  await Promise.all(tabs.map((tab) => tab.close()));
}

function authorizationOf(request: SeenRequest): string | undefined {
  return request.headers.authorization;
}

const sessions = () => [...env.emulator.sessions.values()];

describe('a session of everyday use, recorded', () => {
  it('signs in eight times across three accounts on two servers, and fails twice', {
    timeout: 90_000,
  }, async () => {
    await useTheExtension();
    seen = await recorder.all();
    expect(seen.length).toBeGreaterThan(0);
  });
});

describe('the API token', () => {
  it('goes only to its own account’s API origin, in the Authorization header, from the worker', () => {
    const withAuth = seen.filter((request) => authorizationOf(request) !== undefined);
    for (const { token, origin, user } of TOKENS) {
      const carrying = withAuth.filter((request) => authorizationOf(request)?.includes(token));
      expect(carrying.length, `requests with ${user}'s token`).toBeGreaterThan(0);
      for (const request of carrying) {
        expect(new URL(request.url).origin, `${user}'s token`).toBe(origin);
        expect(authorizationOf(request)).toMatch(new RegExp(`^(cpanel|whm) ${user}:${token}$`));
        expect(request.fromWorker).toBe(true);
      }
    }
    // Nothing else carries credentials, and Webmail (2096) never sees a token at all.
    expect(
      withAuth.every((request) => TOKENS.some(({ token }) => authorizationOf(request)?.includes(token))),
    ).toBe(true);
    expect(withAuth.some((request) => new URL(request.url).port === '2096')).toBe(false);
  });

  it('appears in no URL, no request body and no header other than Authorization', () => {
    for (const request of seen) {
      for (const { token } of TOKENS) {
        expect(request.url).not.toContain(token);
        expect(request.postData ?? '').not.toContain(token);
        const others = Object.entries(request.headers).filter(([name]) => name !== 'authorization');
        expect(JSON.stringify(others)).not.toContain(token);
      }
    }
  });

  it('reached the servers the same way: the emulator saw each token on its own address and port only', () => {
    const byUser = new Map(TOKENS.map(({ user, origin }) => [user, new URL(origin)]));
    const withAuth = env.emulator.requests.filter((request) => request.authScheme !== null);
    expect(withAuth.length).toBeGreaterThan(0);
    for (const request of withAuth) {
      const origin = byUser.get(request.authUser ?? '');
      expect(origin, `unexpected credentials of ${request.authUser}`).toBeDefined();
      expect(`${request.address}:${request.port}`).toBe(`${origin?.hostname}:${origin?.port}`);
    }
  });

  it('goes out without cookies: an API call never rides on a browser session', () => {
    const apiCalls = seen.filter((request) => authorizationOf(request) !== undefined);
    for (const request of apiCalls) expect(request.headers.cookie).toBeUndefined();
  });

  it('is not in storage in plaintext, nor is any session', async () => {
    const local = JSON.stringify(await env.browser.worker.evaluate('chrome.storage.local.get(null)'));
    const session = JSON.stringify(await env.browser.worker.evaluate('chrome.storage.session.get(null)'));
    for (const secret of [
      ...TOKENS.map(({ token }) => token),
      ...sessions().map((issued) => issued.session),
    ]) {
      expect(local).not.toContain(secret);
      expect(session).not.toContain(secret);
    }
  });
});

describe('the session string', () => {
  it('was issued for every sign-in above', () => {
    expect(sessions().length).toBe(8);
    expect(sessions().every((issued) => issued.used)).toBe(true);
  });

  it('appears in no URL: no request, no navigation, no server log line', () => {
    const urls = [
      ...seen.map((request) => request.url),
      ...visited,
      ...env.emulator.requests.map((r) => r.path),
    ];
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      expect(url).not.toMatch(/[?&]session=/);
      for (const { session } of sessions()) {
        expect(url).not.toContain(session);
        expect(url).not.toContain(encodeURIComponent(session));
      }
    }
  });

  it('travels once, in the body of a POST to its own /cpsessN/login, without a referrer', () => {
    for (const issued of sessions().filter((candidate) => candidate.used)) {
      const carrying = seen.filter((request) =>
        new URLSearchParams(request.postData ?? '').getAll('session').includes(issued.session),
      );
      expect(carrying, issued.user).toHaveLength(1);
      const [post] = carrying;
      const url = new URL(post?.url ?? '');
      expect(post?.method).toBe('POST');
      expect(url.pathname).toBe(`${issued.token}/login`);
      expect(url.port).toBe({ webmaild: '2096', cpaneld: '2083', whostmgrd: '2087' }[issued.service]);
      expect(post?.fromWorker).toBe(false);
      expect(post?.headers.referer).toBeUndefined();
      expect(post?.headers.authorization).toBeUndefined();
    }
  });

  it('is never sent back to an API port or anywhere but its login', () => {
    for (const request of seen) {
      for (const { session, token } of sessions()) {
        if (!(request.postData ?? '').includes(session)) continue;
        expect(new URL(request.url).pathname).toBe(`${token}/login`);
      }
      for (const value of Object.values(request.headers))
        for (const { session } of sessions()) expect(value).not.toContain(session);
    }
  });
});

describe('the run itself', () => {
  it('had no uncaught error or unhandled rejection in the worker or any extension page', () => {
    expect(watch.take()).toEqual([]);
    expect(env.browser.pageErrors).toEqual([]);
  });
});
