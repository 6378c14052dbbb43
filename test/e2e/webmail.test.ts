import { describe, expect, it } from 'vitest';
import { DEMO_TOKEN } from '../emulator';
import { WRONG_TOKEN } from '../support/tokens';
import { useEmulatorAndBrowser } from './fixtures';
import { addAccountThroughOptions, tabOpenedBy } from './flows';
import { EMULATOR_HOSTS } from './hosts';

// The walking skeleton: options page → popup → a Webmail tab signed in on the emulator.
const HOST = EMULATOR_HOSTS[0] as string;
const env = useEmulatorAndBrowser({ host: HOST });

function issuedSessionStrings(): string[] {
  return [...env.emulator.sessions.values()].map((session) => session.session);
}

describe('walking skeleton in Chromium', () => {
  it('rejects a wrong token on save and stores nothing', async () => {
    const options = await addAccountThroughOptions(env.browser, {
      host: HOST,
      username: 'demo',
      token: WRONG_TOKEN,
    });
    const error = options.getByTestId('error');
    await expect.poll(() => error.getAttribute('data-code')).toBe('auth_failed');
    expect(await error.textContent()).toContain('rejected the API token');
    expect(await options.inputValue('#account-token')).toBe(WRONG_TOKEN);
    expect(await options.getByTestId('account-row').count()).toBe(0);
    const popup = await env.browser.openPage('src/popup/index.html');
    await expect.poll(() => popup.getByTestId('no-accounts').isVisible()).toBe(true);
    await Promise.all([options.close(), popup.close()]);
  });

  it('saves an account whose token the server accepts', async () => {
    const options = await addAccountThroughOptions(env.browser, {
      host: HOST,
      username: 'demo',
      token: DEMO_TOKEN,
    });
    await expect
      .poll(() => options.getByTestId('saved').textContent())
      .toContain('Token verified (5 mailboxes)');
    await expect.poll(() => options.getByTestId('account-row').count()).toBe(1);
    expect(await options.inputValue('#account-token')).toBe('');
    await options.close();
  });

  it('opens the account’s own Webmail from the popup, signed in', async () => {
    const popup = await env.browser.openPage('src/popup/index.html');
    const tab = await tabOpenedBy(env.browser, () => popup.getByTestId('open-webmail').click());
    await tab.waitForURL(/\/cpsess\d{10}\/webmail\/jupiter\/index\.html$/);
    expect(await tab.getByTestId('signed-in-user').textContent()).toBe('demo');
    await Promise.all([tab.close(), popup.close()]);
  });

  it('opens a mailbox typed into the popup search with Enter, signed in as that mailbox', async () => {
    const popup = await env.browser.openPage('src/popup/index.html');
    await popup.getByTestId('search').fill('info@example.com');
    await popup.locator('[data-testid="mailbox"][data-email="info@example.com"]').waitFor();
    const tab = await tabOpenedBy(env.browser, () => popup.getByTestId('search').press('Enter'));
    await tab.waitForURL(/\/cpsess\d{10}\/webmail\/jupiter\/index\.html$/);
    expect(await tab.getByTestId('signed-in-user').textContent()).toBe('info@example.com');
    await Promise.all([tab.close(), popup.close()]);
  });

  it('says so, without opening a tab, for an address on an owned domain with no such mailbox', async () => {
    const popup = await env.browser.openPage('src/popup/index.html');
    const pagesBefore = env.browser.context.pages().length;
    await popup.getByTestId('search').fill('nobody@example.com');
    await popup.getByTestId('search').press('Enter');
    await expect.poll(() => popup.getByTestId('error').getAttribute('data-code')).toBe('not_found');
    expect(await popup.getByTestId('error').textContent()).toContain('no mailbox nobody@example.com');
    expect(env.browser.context.pages().length).toBe(pagesBefore);
    await popup.close();
  });

  it('shows the server’s reason in the popup and on the launch page when the server refuses', async () => {
    const refusal = 'Logins for “info@example.com” are suspended.';
    env.emulator.faults.set({ fault: 'status0', match: { path: '/Session/' }, times: 1, message: refusal });
    const popup = await env.browser.openPage('src/popup/index.html');
    await popup.getByTestId('search').fill('info@example.com');
    await popup.locator('[data-testid="mailbox"][data-email="info@example.com"]').waitFor();
    const tab = await tabOpenedBy(env.browser, () => popup.getByTestId('search').press('Enter'));
    await expect.poll(() => popup.getByTestId('error').getAttribute('data-code')).toBe('api_error');
    await expect.poll(() => tab.getByTestId('error-code').textContent()).toBe('api_error');
    expect(await tab.getByTestId('error-message').textContent()).toContain(refusal);
    await Promise.all([tab.close(), popup.close()]);
  });

  it('never puts a session string in any URL the browser requested', () => {
    const sessions = issuedSessionStrings();
    expect(sessions.length).toBeGreaterThanOrEqual(2);
    const logins = env.emulator.requests.filter((request) => request.path.endsWith('/login'));
    expect(logins.map((request) => request.method)).toEqual(['POST', 'POST']);
    expect(logins.every((request) => request.port === env.emulator.ports.webmail)).toBe(true);
    for (const url of [
      ...env.browser.requestedUrls,
      ...env.emulator.requests.map((request) => request.path),
    ]) {
      expect(url).not.toContain('session=');
      for (const session of sessions) {
        expect(url).not.toContain(session);
        expect(url).not.toContain(encodeURIComponent(session));
      }
    }
  });

  it('sends the token only to the account’s own API port', () => {
    const withAuth = env.emulator.requests.filter((request) => request.authScheme !== null);
    expect(withAuth.length).toBeGreaterThan(0);
    for (const request of withAuth) expect(request.port).toBe(env.emulator.ports.cpanel);
    expect(env.browser.pageErrors).toEqual([]);
  });
});
