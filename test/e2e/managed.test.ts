import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN, ROOT_TOKEN } from '../emulator';
import { TEST_BUILD } from './browser';
import { useEmulatorAndBrowser } from './fixtures';
import { signedInTab } from './flows';
import { EMULATOR_HOSTS } from './hosts';

// An administrator's policy pre-configures accounts (Chromium reads /etc/chromium/policies/managed/*.json).
const HOST = EMULATOR_HOSTS[4] as string;
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, `webmail-launcher-test-${process.pid}.json`);

// A copy of the build at its own path has its own extension id, so the policy reaches no other test's browser.
const extensionDir = mkdtempSync(join(tmpdir(), 'wml-managed-ext-'));

beforeAll(() => {
  cpSync(TEST_BUILD, extensionDir, { recursive: true });
});
// Registered before the fixture, so it runs after the fixture closed the browser.
afterAll(() => {
  rmSync(extensionDir, { recursive: true, force: true });
});

// The first run only tells the copy's extension id, which the policy names.
const env = useEmulatorAndBrowser({ host: HOST, browser: { extensionDir } });

beforeAll(async () => {
  const extensionId = env.browser.extensionId;
  await env.browser.close();
  mkdirSync(POLICY_DIR, { recursive: true });
  const policy = {
    '3rdparty': {
      extensions: {
        [extensionId]: {
          accounts: [
            { label: 'Company mail', kind: 'cpanel', host: HOST, username: 'demo', token: DEMO_TOKEN },
            { label: 'Bring your own token', kind: 'whm', host: HOST, username: 'root' },
          ],
          autoLockMinutes: 5,
        },
      },
    },
  };
  writeFileSync(POLICY_FILE, JSON.stringify(policy));
  await env.relaunch();
});

afterAll(() => {
  rmSync(POLICY_FILE, { force: true });
});

describe('managed accounts', () => {
  it('appear in the options page as managed and cannot be edited or removed', async () => {
    const page = await env.browser.openPage('src/options/index.html');
    const company = page.locator('[data-testid="account-row"][data-account-label="Company mail"]');
    await expect.poll(() => company.getByTestId('managed-badge').count(), { timeout: 15_000 }).toBe(1);
    expect(await company.getByTestId('remove-account').count()).toBe(0);
    expect(await company.getByTestId('edit-account').textContent()).toBe('Enter token');
    const removal = await page.evaluate(async () => {
      const [account] = (await chrome.runtime.sendMessage({ type: 'account.list' })).accounts;
      return chrome.runtime.sendMessage({ type: 'account.remove', id: account.id });
    });
    expect(removal).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(await page.locator('#vault-minutes').isDisabled()).toBe(true);
    expect(await page.locator('#vault-minutes').inputValue()).toBe('5');
    await page.close();
  });

  it('open Webmail with the policy’s token', async () => {
    const popup = await env.browser.openPage('src/popup/index.html');
    const card = popup.locator('[data-testid="account"]', { hasText: 'Company mail' });
    const tab = await signedInTab(env.browser, () => card.getByTestId('open-webmail').click());
    expect(await tab.getByTestId('signed-in-user').textContent()).toBe('demo');
    await Promise.all([tab.close(), popup.close()]);
  });

  it('take the user’s own token where the policy has none', async () => {
    const page = await env.browser.openPage('src/options/index.html');
    const row = page.locator('[data-testid="account-row"][data-account-label="Bring your own token"]');
    await row.getByTestId('edit-account').click();
    await row.locator('input[name="token"]').fill(ROOT_TOKEN);
    await row.getByTestId('save-account').click();
    await expect.poll(() => row.locator('[data-testid="edit-form"]').count()).toBe(0);
    const popup = await env.browser.openPage('src/popup/index.html');
    const card = popup.locator('[data-testid="account"]', { hasText: 'Bring your own token' });
    const tab = await signedInTab(env.browser, () => card.getByTestId('open-whm').click());
    expect(await tab.getByTestId('signed-in-user').textContent()).toBe('root');
    expect(env.browser.pageErrors).toEqual([]);
  });
});
