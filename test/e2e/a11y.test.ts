import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useEmulatorAndBrowser } from './fixtures';
import { addVerifiedAccount, demoAccount, rootAccount } from './flows';
import { EMULATOR_HOSTS } from './hosts';

// Accessibility, themes, layout widths, keyboard use and onboarding.
const HOST = EMULATOR_HOSTS[5] as string;
const THEMES = ['light', 'dark'] as const;
const env = useEmulatorAndBrowser({ host: HOST });

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(' | ')}`,
  );
}

async function openIn(theme: (typeof THEMES)[number], path: string): Promise<Page> {
  const page = await env.browser.context.newPage();
  await page.emulateMedia({ colorScheme: theme });
  await page.goto(`chrome-extension://${env.browser.extensionId}/${path}`);
  return page;
}

describe('first run', () => {
  it('the empty popup leads to the options page, which explains how to make a token', async () => {
    const popup = await env.browser.openPage('src/popup/index.html');
    await popup.getByTestId('no-accounts').waitFor();
    const [options] = await Promise.all([
      env.browser.context.waitForEvent('page'),
      popup.getByTestId('no-accounts').getByRole('button').click(),
    ]);
    await options.waitForLoadState();
    expect(options.url()).toContain('/src/options/index.html');
    await expect.poll(() => options.locator('#help-title').textContent()).toMatch(/token/i);
    expect(await options.locator('ol.steps li').count()).toBeGreaterThanOrEqual(3);
    await Promise.all([popup.close(), options.close()]);
  });

  it.each(THEMES)('axe finds no violation on the empty popup and the options page (%s)', async (theme) => {
    for (const path of ['src/popup/index.html', 'src/options/index.html']) {
      const page = await openIn(theme, path);
      await page.waitForLoadState('networkidle');
      expect(await violations(page)).toEqual([]);
      await page.close();
    }
  });
});

describe('with accounts', () => {
  beforeAll(async () => {
    await addVerifiedAccount(env.browser, demoAccount(HOST));
    await addVerifiedAccount(env.browser, rootAccount(HOST));
  });

  it.each(THEMES)('axe finds no violation on popup, options and the launch page (%s)', async (theme) => {
    const popup = await openIn(theme, 'src/popup/index.html');
    await popup.getByTestId('mailbox').first().waitFor();
    expect(await violations(popup)).toEqual([]);
    // An error on screen is part of what must be accessible.
    await popup.getByTestId('search').fill('ghost@example.com');
    await popup.getByTestId('search').press('Enter');
    await popup.getByTestId('error').waitFor();
    expect(await violations(popup)).toEqual([]);
    const options = await openIn(theme, 'src/options/index.html');
    await options.getByTestId('account-row').first().waitFor();
    expect(await violations(options)).toEqual([]);
    // A launch page whose sign-in is unknown shows its error view.
    const launch = await openIn(theme, 'src/launch/index.html#no-such-launch');
    await launch.getByTestId('error-code').waitFor();
    expect(await launch.getByTestId('error-code').textContent()).toBe('not_found');
    expect(await violations(launch)).toEqual([]);
    await Promise.all([popup.close(), options.close(), launch.close()]);
  });

  it.each(THEMES)('axe finds no violation on the launch page, signing in and failed (%s)', async (theme) => {
    const popup = await openIn(theme, 'src/popup/index.html');
    const open = popup.locator('[data-testid="account"] [data-testid="open-webmail"]').first();
    await open.waitFor();
    const launch = async () => {
      const [tab] = await Promise.all([env.browser.context.waitForEvent('page'), open.click()]);
      await tab.emulateMedia({ colorScheme: theme });
      return tab;
    };
    // Signing in: the server does not answer (until the client gives up), the page says whom it asks.
    env.emulator.faults.set({ fault: 'hang', match: { path: '/execute/Session/' }, times: 1 });
    const waiting = await launch();
    await expect.poll(() => waiting.getByTestId('launch-status').textContent()).toMatch(/^Asking /);
    expect(await violations(waiting)).toEqual([]);
    // Failed: the failure view with its actions, the fix focused.
    env.emulator.faults.set({ fault: 'http401', match: { path: '/execute/Session/' } });
    const failed = await launch();
    await expect.poll(() => failed.getByTestId('error-code').textContent()).toBe('auth_failed');
    expect(await failed.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('fix');
    expect(await violations(failed)).toEqual([]);
    env.emulator.faults.clear();
    await Promise.all([popup.close(), waiting.close(), failed.close()]);
  });

  it('follows the colour scheme', async () => {
    const background = async (theme: (typeof THEMES)[number]) => {
      const page = await openIn(theme, 'src/popup/index.html');
      const color = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      await page.close();
      return color;
    };
    expect(await background('light')).not.toBe(await background('dark'));
    const launchBackground = async (theme: (typeof THEMES)[number]) => {
      const page = await openIn(theme, 'src/launch/index.html#no-such-launch');
      await page.getByTestId('error-code').waitFor();
      const color = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await page.close();
      return color;
    };
    expect(await launchBackground('light')).not.toBe(await launchBackground('dark'));
  });

  it.each([360, 800])('the popup fits %i px without scrolling sideways', async (width) => {
    const popup = await env.browser.openPage('src/popup/index.html');
    await popup.setViewportSize({ width, height: 600 });
    await popup.getByTestId('mailbox').first().waitFor();
    const overflow = await popup.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await popup.close();
  });

  it('is usable from the keyboard alone', async () => {
    const popup = await env.browser.openPage('src/popup/index.html');
    await popup.getByTestId('mailbox').first().waitFor();
    // The search field has the focus on open.
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search');
    await popup.keyboard.type('sales');
    await expect.poll(() => popup.getByTestId('mailbox').count()).toBe(1);
    await popup.keyboard.press('Escape');
    expect(await popup.getByTestId('search').inputValue()).toBe('');
    // Tab reaches the buttons, each with a visible name.
    const names: string[] = [];
    for (let i = 0; i < 8; i++) {
      await popup.keyboard.press('Tab');
      names.push(
        await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent?.trim() ?? ''),
      );
    }
    expect(names).toEqual(expect.arrayContaining(['Webmail', 'WHM']));
    await popup.close();
    expect(env.browser.pageErrors).toEqual([]);
  });
});
