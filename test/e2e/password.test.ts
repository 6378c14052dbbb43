import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAILBOX_PASSWORD, type RunningEmulator, SHOP_TOKEN, startEmulator } from '../emulator';
import { type ExtensionBrowser, launchWithExtension } from './browser';
import { addVerifiedAccount, signedInTab } from './flows';
import { EMULATOR_HOSTS } from './hosts';

// An account set to "ask for the mailbox password": the popup asks, cPanel checks, nothing is stored.
const HOST = EMULATOR_HOSTS[2] as string;

let emulator: RunningEmulator;
let browser: ExtensionBrowser;

beforeAll(async () => {
  emulator = await startEmulator({ address: HOST });
  browser = await launchWithExtension({ trustSpki: [emulator.spki] });
  await addVerifiedAccount(browser, { host: HOST, username: 'shop', token: SHOP_TOKEN, askPassword: true });
});

afterAll(async () => {
  await browser?.close();
  await emulator?.close();
});

describe('check-password prompt', () => {
  it('rejects a wrong password with the server’s words, then opens with the right one', async () => {
    const popup = await browser.openPage('src/popup/index.html');
    await popup.locator('[data-testid="mailbox"][data-email="orders@shop.test"]').click();
    const prompt = popup.getByTestId('password-prompt');
    await prompt.locator('input[type="password"]').fill('not-the-password');
    const pagesBefore = browser.context.pages().length;
    await prompt.locator('input[type="password"]').press('Enter');
    await expect
      .poll(() => popup.getByTestId('error').textContent())
      .toContain('The provided password is incorrect.');
    // A refused password leaves the user in the popup to try again: no tab opened.
    expect(browser.context.pages().length).toBe(pagesBefore);

    await prompt.locator('input[type="password"]').fill(MAILBOX_PASSWORD);
    const tab = await signedInTab(browser, () => prompt.locator('input[type="password"]').press('Enter'));
    expect(await tab.getByTestId('signed-in-user').textContent()).toBe('orders@shop.test');
    expect(await popup.getByTestId('password-prompt').count()).toBe(0);
  });

  it('sends the password in a request body only and stores it nowhere', async () => {
    const checks = emulator.requests.filter((request) => request.path.includes('check_password'));
    expect(checks.length).toBe(2);
    for (const request of checks) {
      expect(request.method).toBe('POST');
      expect(request.path).not.toContain(MAILBOX_PASSWORD);
    }
    const stored = JSON.stringify(await browser.worker.evaluate('chrome.storage.local.get(null)'));
    expect(stored).not.toContain(MAILBOX_PASSWORD);
    expect(browser.pageErrors).toEqual([]);
  });
});
