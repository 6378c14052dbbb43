import { describe, expect, it } from 'vitest';
import { MAILBOX_PASSWORD, SHOP_TOKEN } from '../emulator';
import { useEmulatorAndBrowser } from './fixtures';
import { signedInTab } from './flows';
import { EMULATOR_HOSTS } from './hosts';

// An account set to "ask for the mailbox password": the popup asks, cPanel checks, nothing is stored.
const HOST = EMULATOR_HOSTS[2] as string;
const env = useEmulatorAndBrowser({
  host: HOST,
  accounts: [{ host: HOST, username: 'shop', token: SHOP_TOKEN, askPassword: true }],
});

describe('check-password prompt', () => {
  it('rejects a wrong password with the server’s words, then opens with the right one', async () => {
    const popup = await env.browser.openPage('src/popup/index.html');
    await popup.locator('[data-testid="mailbox"][data-email="orders@shop.test"]').click();
    const prompt = popup.getByTestId('password-prompt');
    await prompt.locator('input[type="password"]').fill('not-the-password');
    const pagesBefore = env.browser.context.pages().length;
    await prompt.locator('input[type="password"]').press('Enter');
    await expect
      .poll(() => popup.getByTestId('error').textContent())
      .toContain('The provided password is incorrect.');
    // A refused password leaves the user in the popup to try again: no tab opened.
    expect(env.browser.context.pages().length).toBe(pagesBefore);

    await prompt.locator('input[type="password"]').fill(MAILBOX_PASSWORD);
    const tab = await signedInTab(env.browser, () => prompt.locator('input[type="password"]').press('Enter'));
    expect(await tab.getByTestId('signed-in-user').textContent()).toBe('orders@shop.test');
    expect(await popup.getByTestId('password-prompt').count()).toBe(0);
  });

  it('sends the password in a request body only and stores it nowhere', async () => {
    const checks = env.emulator.requests.filter((request) => request.path.includes('check_password'));
    expect(checks.length).toBe(2);
    for (const request of checks) {
      expect(request.method).toBe('POST');
      expect(request.path).not.toContain(MAILBOX_PASSWORD);
    }
    const stored = JSON.stringify(await env.browser.worker.evaluate('chrome.storage.local.get(null)'));
    expect(stored).not.toContain(MAILBOX_PASSWORD);
    expect(env.browser.pageErrors).toEqual([]);
  });
});
