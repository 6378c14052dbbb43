import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cloneFixture, demoFixture, type Fixture, ROOT_TOKEN } from '../emulator';
import { insecureFetch } from '../support/insecureFetch';
import { useEmulatorAndBrowser } from './fixtures';
import { addVerifiedAccount, demoAccount, rootAccount, signedInTab, tabOpenedBy } from './flows';
import { EMULATOR_HOSTS } from './hosts';

// A new user on a server that behaves like a stock cPanel & WHM 11.120: it refuses locales it has not
// installed, and its hostname does not resolve to it, so WHM's data.url names its public IP.
const HOST = EMULATOR_HOSTS[27] as string;
const PUBLIC_IP = '203.0.113.7';

/** The demo server, whose demo account speaks German: a session without a locale tells a retry apart. */
function germanDemoFixture(): Fixture {
  const fixture = cloneFixture(demoFixture);
  const demo = fixture.accounts.find((account) => account.user === 'demo');
  if (demo) demo.locale = 'de';
  return fixture;
}

const env = useEmulatorAndBrowser({
  host: HOST,
  emulator: { fixture: germanDemoFixture(), publicIp: PUBLIC_IP },
});

async function setLanguage(label: string, language: string): Promise<void> {
  const page = await env.browser.openPage('src/options/index.html');
  const row = page.locator(`[data-testid="account-row"][data-account-label="${label}"]`);
  await row.getByTestId('edit-account').click();
  await row.locator('input[name="locale"]').fill(language);
  await row.getByTestId('save-account').click();
  await expect.poll(() => row.getByTestId('edit-account').isVisible()).toBe(true);
  await page.close();
}

async function popup(): Promise<Page> {
  const page = await env.browser.openPage('src/popup/index.html');
  await page.getByTestId('account').first().waitFor();
  return page;
}

/** The locale parameter of each UAPI Session call made since `from` (null: none sent). */
function sessionLocales(from: number): (string | null)[] {
  return env.emulator.requests
    .slice(from)
    .filter((request) => request.path.startsWith('/execute/Session/'))
    .map((request) => new URL(request.path, 'https://x.invalid').searchParams.get('locale'));
}

describe('a language the server lacks never stops a sign-in', () => {
  it('saves the cPanel account', async () => {
    await addVerifiedAccount(env.browser, demoAccount(HOST));
  });

  it.each([
    ['en-GB', ['en'], 'en'],
    ['zh-CN', ['zh'], 'zh'],
    // Not installed: asked, refused, asked again without it; the account's own language applies.
    ['sk', ['sk', null], 'de'],
  ])(
    'account language %s: the account’s Webmail and a mailbox open signed in',
    async (language, asked, shown) => {
      await setLanguage('Demo', language);
      // From before the popup opens: with a single account it prepares that account's Webmail at once.
      let from = env.emulator.requests.length;
      const page = await popup();

      const own = await signedInTab(env.browser, () => page.getByTestId('open-webmail').click());
      expect(await own.getByTestId('signed-in-user').textContent()).toBe('demo');
      expect(await own.getByTestId('session-locale').textContent()).toBe(shown);
      expect(sessionLocales(from)).toEqual(asked);
      await own.close();

      from = env.emulator.requests.length;
      await page.getByTestId('search').fill('info@example.com');
      await page.locator('[data-testid="mailbox"][data-email="info@example.com"]').waitFor();
      const mailbox = await signedInTab(env.browser, () => page.getByTestId('search').press('Enter'));
      expect(await mailbox.getByTestId('signed-in-user').textContent()).toBe('info@example.com');
      expect(await mailbox.getByTestId('session-locale').textContent()).toBe(shown);
      expect(sessionLocales(from)).toEqual(asked);
      await Promise.all([mailbox.close(), page.close()]);
    },
  );

  it('says a mailbox’s login is suspended before opening anything', async () => {
    const page = await popup();
    const from = env.emulator.requests.length;
    const pagesBefore = env.browser.context.pages().length;
    await page.getByTestId('search').fill('frozen@example.com');
    await page.locator('[data-testid="mailbox"][data-email="frozen@example.com"]').click();
    const error = page.getByTestId('error');
    await expect.poll(() => error.getAttribute('data-code')).toBe('bad_input');
    expect(await error.textContent()).toContain('Logins to frozen@example.com are suspended');
    expect(env.browser.context.pages().length).toBe(pagesBefore);
    // Only this mailbox's sessions count: the popup may be preparing the account's own Webmail meanwhile.
    const frozenSessions = env.emulator.requests
      .slice(from)
      .filter((request) => request.path.startsWith('/execute/Session/') && request.path.includes('frozen'));
    expect(frozenSessions).toEqual([]);
    await page.close();
  });
});

describe('WHM sessions when data.url names the server’s public IP', () => {
  it('saves the WHM account and checks the server really names the IP', async () => {
    await addVerifiedAccount(env.browser, rootAccount(HOST));
    const raw = await insecureFetch(
      `https://${HOST}:2087/json-api/create_user_session?api.version=1&user=root&service=whostmgrd`,
      { headers: { Authorization: `whm root:${ROOT_TOKEN}` } },
    );
    const { data } = (await raw.json()) as { data: { url: string } };
    expect(new URL(data.url).hostname).toBe(PUBLIC_IP);
    // Only WHM's own sessions count: rows under the pointer may prepare a mailbox's Webmail meanwhile.
    const whmSessions = () =>
      [...env.emulator.sessions.values()].filter((s) => s.service === 'whostmgrd').length;
    const before = whmSessions();
    const page = await popup();
    const tab = await signedInTab(env.browser, () =>
      page.locator('[data-testid="account"]', { hasText: 'Root' }).getByTestId('open-whm').click(),
    );
    expect(new URL(tab.url()).host).toBe(`${HOST}:2087`);
    expect(await tab.getByTestId('signed-in-user').textContent()).toBe('root');
    expect(whmSessions()).toBe(before + 1);
    await Promise.all([tab.close(), page.close()]);
  });

  it.each([
    ['Email_Accounts', '/frontend/jupiter/email_accounts/index.html'],
    ['Database_phpMyAdmin', '/frontend/jupiter/sql/PhpMyAdmin.html'],
    ['', '/frontend/jupiter/index.html'],
  ])('opens cPanel at the configured host on the asked app %s', async (app, path) => {
    const page = await popup();
    const root = page.locator('[data-testid="account"]', { hasText: 'Root' });
    await root.getByTestId('whm-user').fill('demo');
    await root.getByTestId('whm-app').selectOption(app);
    const tab = await signedInTab(env.browser, () => root.getByTestId('whm-open-cpanel').click());
    const url = new URL(tab.url());
    expect(url.host).toBe(`${HOST}:2083`);
    expect(url.pathname).toMatch(/^\/cpsess\d{10}\//);
    expect(url.pathname.replace(/^\/cpsess\d{10}/, '')).toBe(path);
    expect(await tab.getByTestId('cpanel-app').textContent()).toBe(app || 'Home');
    await Promise.all([tab.close(), page.close()]);
  });

  it.each(['en-GB', 'sk'])('opens a mailbox’s Webmail with account language %s', async (language) => {
    await setLanguage('Root', language);
    const page = await popup();
    const root = page.locator('[data-testid="account"]', { hasText: 'Root' });
    await root.getByTestId('whm-user').fill('info@example.com');
    const tab = await tabOpenedBy(env.browser, () => root.getByTestId('whm-open-webmail').click());
    await tab.getByTestId('signed-in-user').waitFor();
    expect(new URL(tab.url()).host).toBe(`${HOST}:2096`);
    expect(await tab.getByTestId('signed-in-user').textContent()).toBe('info@example.com');
    await Promise.all([tab.close(), page.close()]);
  });
});
