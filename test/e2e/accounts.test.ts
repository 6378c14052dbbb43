import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_TOKEN, RESELLER_TOKEN, ROOT_TOKEN, SHOP_TOKEN } from '../emulator';
import { useEmulatorAndBrowser } from './fixtures';
import { addVerifiedAccount, demoAccount, rootAccount, signedInTab } from './flows';
import { EMULATOR_HOSTS } from './hosts';
import { filesContaining } from './profileSearch';

// Many accounts of both kinds, kept like a password manager keeps passwords.
const HOST = EMULATOR_HOSTS[3] as string;
const TOKENS = [DEMO_TOKEN, SHOP_TOKEN, ROOT_TOKEN, RESELLER_TOKEN];
const PASSPHRASE = 'correct horse battery staple';

const env = useEmulatorAndBrowser({ host: HOST });

async function options(): Promise<Page> {
  const page = await env.browser.openPage('src/options/index.html');
  await page.getByTestId('account-form').waitFor();
  return page;
}

async function popup(): Promise<Page> {
  return env.browser.openPage('src/popup/index.html');
}

async function signedInUser(action: () => Promise<unknown>): Promise<string | null> {
  const tab = await signedInTab(env.browser, action);
  const user = await tab.getByTestId('signed-in-user').textContent();
  await tab.close();
  return user;
}

function accountCard(page: Page, label: string) {
  return page.locator('[data-testid="account"]', { hasText: label });
}

describe('many accounts of both kinds', () => {
  it('are added through the options page and each one works', async () => {
    await addVerifiedAccount(env.browser, demoAccount(HOST));
    await addVerifiedAccount(env.browser, { host: HOST, username: 'shop', token: SHOP_TOKEN, label: 'Shop' });
    await addVerifiedAccount(env.browser, rootAccount(HOST));
    await addVerifiedAccount(env.browser, {
      host: HOST,
      username: 'reseller1',
      token: RESELLER_TOKEN,
      kind: 'whm',
      label: 'Reseller',
    });
    const page = await popup();
    expect(await signedInUser(() => accountCard(page, 'Demo').getByTestId('open-webmail').click())).toBe(
      'demo',
    );
    expect(await signedInUser(() => accountCard(page, 'Shop').getByTestId('open-webmail').click())).toBe(
      'shop',
    );
    expect(await signedInUser(() => accountCard(page, 'Root').getByTestId('open-whm').click())).toBe('root');
    const reseller = accountCard(page, 'Reseller');
    await reseller.getByTestId('whm-user').fill('shop');
    expect(await signedInUser(() => reseller.getByTestId('whm-open-cpanel').click())).toBe('shop');
    await page.close();
  });

  it('can be edited, reordered and given a default', async () => {
    const page = await options();
    const shop = page.locator('[data-testid="account-row"][data-account-label="Shop"]');
    await shop.getByTestId('edit-account').click();
    await shop.locator('input[name="label"]').fill('Shop renamed');
    await shop.getByTestId('save-account').click();
    await expect.poll(() => page.locator('[data-account-label="Shop renamed"]').count()).toBe(1);
    await page.getByRole('button', { name: 'Move Shop renamed up' }).click();
    await expect
      .poll(() =>
        page.getByTestId('account-row').evaluateAll((rows) => rows.map((row) => row.dataset.accountLabel)),
      )
      .toEqual(['Shop renamed', 'Demo', 'Root', 'Reseller']);
    const demo = page.locator('[data-testid="account-row"][data-account-label="Demo"]');
    await demo.getByRole('button', { name: 'Make default' }).click();
    await expect.poll(() => demo.getByTestId('default-badge').count()).toBe(1);
    expect(
      await signedInUser(() =>
        env.browser.worker.evaluate(`chrome.commands.onCommand.dispatch('open-default-webmail')`),
      ),
    ).toBe('demo');
    await page.close();
  });

  it('show whether host access is granted', async () => {
    const page = await options();
    await expect.poll(() => page.getByTestId('access-granted').count()).toBe(4);
    await page.close();
  });
});

describe('vault', () => {
  it('encrypts every token with the passphrase', async () => {
    const page = await options();
    // Tokens exist already: the page says their earlier copies may stay on disk before it is set.
    await page.getByTestId('vault-enable-later').waitFor();
    expect(await page.getByTestId('old-tokens-warning').count()).toBe(0);
    await page.fill('#vault-new', PASSPHRASE);
    await page.fill('#vault-confirm', PASSPHRASE);
    await page.getByTestId('vault-submit').click();
    await expect.poll(() => page.getByTestId('vault-done').textContent()).toContain('Passphrase set');
    // Then it offers to replace each token saved before the passphrase.
    await page.getByTestId('old-tokens-warning').waitFor();
    await expect.poll(() => page.getByTestId('replace-token').count()).toBe(TOKENS.length);
    const demo = page.locator('[data-testid="account-row"][data-account-label="Demo"]');
    await demo.getByTestId('replace-token').click();
    await demo.locator('input[name="token"]').fill(DEMO_TOKEN);
    await demo.getByTestId('save-account').click();
    await expect.poll(() => page.getByTestId('replace-token').count()).toBe(TOKENS.length - 1);
    expect(await demo.getByTestId('replace-token').count()).toBe(0);
    await page.close();
  });

  it('is locked after a browser restart, and the popup unlocks it', async () => {
    await env.relaunch();
    const page = await popup();
    await page.getByTestId('unlock-form').waitFor();
    // Locked: opening is refused with the locked code, nothing else happens.
    await accountCard(page, 'Demo').getByTestId('open-webmail').click();
    await expect.poll(() => page.getByTestId('error').first().getAttribute('data-code')).toBe('locked');
    await page.fill('#unlock-passphrase', 'wrong passphrase');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect
      .poll(() => page.locator('[data-testid="unlock-form"] [data-testid="error"]').getAttribute('data-code'))
      .toBe('wrong_passphrase');
    await page.fill('#unlock-passphrase', PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => page.getByTestId('unlock-form').count()).toBe(0);
    expect(await signedInUser(() => accountCard(page, 'Demo').getByTestId('open-webmail').click())).toBe(
      'demo',
    );
    await page.close();
  });

  it('replays a shortcut pressed while locked once the user unlocks', async () => {
    const page = await popup();
    await page.getByTestId('lock').click();
    await page.getByTestId('unlock-form').waitFor();
    await env.browser.worker.evaluate(`chrome.commands.onCommand.dispatch('open-default-webmail')`);
    await expect
      .poll(async () =>
        Object.keys((await env.browser.worker.evaluate('chrome.notifications.getAll()')) as object),
      )
      .toEqual(expect.arrayContaining([expect.stringMatching(/^wml-error:locked:/)]));
    await page.fill('#unlock-passphrase', PASSPHRASE);
    expect(await signedInUser(() => page.getByRole('button', { name: 'Unlock' }).click())).toBe('demo');
    await page.close();
  });

  it('leaves no token in plaintext anywhere in the profile directory on disk', async () => {
    const { profileDir } = env.browser;
    await env.browser.close();
    for (const token of TOKENS) expect(filesContaining(profileDir, token)).toEqual([]);
    expect(filesContaining(profileDir, PASSPHRASE)).toEqual([]);
    await env.relaunch();
  });
});

describe('export and import', () => {
  it('round-trips every account through a file', async () => {
    let page = await popup();
    await page.fill('#unlock-passphrase', PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => page.getByTestId('unlock-form').count()).toBe(0);
    await page.close();

    page = await options();
    await page.fill('#transfer-passphrase', 'file passphrase 1');
    // A passphrase is set: the export asks for it again, even though the vault is unlocked.
    expect(await page.getByTestId('export').isDisabled()).toBe(true);
    await page.fill('#transfer-vault-passphrase', PASSPHRASE);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
    const file = readFileSync((await download.path()) as string, 'utf8');
    for (const token of TOKENS) expect(file).not.toContain(token);
    // The whole list is encrypted: not even a server name can be read, or changed, in the file.
    expect(file).not.toContain('"host"');

    // Wipe every account.
    while ((await page.getByTestId('remove-account').count()) > 0) {
      const before = await page.getByTestId('remove-account').count();
      await page.getByTestId('remove-account').first().click();
      await expect.poll(() => page.getByTestId('remove-account').count()).toBe(before - 1);
    }

    const filePath = join(env.browser.profileDir, '..', `wml-export-${Date.now()}.json`);
    await import('node:fs').then((fs) => fs.writeFileSync(filePath, file));
    await page.setInputFiles('#transfer-file', filePath);
    await page.getByTestId('import').click();
    await expect.poll(() => page.getByTestId('import-result').textContent()).toContain('Imported 4 accounts');
    rmSync(filePath);
    await expect
      .poll(() =>
        page.getByTestId('account-row').evaluateAll((rows) => rows.map((row) => row.dataset.accountLabel)),
      )
      .toEqual(['Shop renamed', 'Demo', 'Root', 'Reseller']);
    await page.close();

    const list = await popup();
    expect(
      await signedInUser(() => accountCard(list, 'Shop renamed').getByTestId('open-webmail').click()),
    ).toBe('shop');
    await list.close();
    expect(env.browser.pageErrors).toEqual([]);
  });
});
