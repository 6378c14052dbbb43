import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../emulator';
import { type ExtensionBrowser, launchWithExtension } from './browser';
import { addVerifiedAccount, demoAccount, signedInTab } from './flows';

// What the extension's own pages may do, checked in Chromium with the built extension.
const HOST = '127.0.0.27';

let emulator: RunningEmulator;
let browser: ExtensionBrowser;

beforeAll(async () => {
  emulator = await startEmulator({ address: HOST });
  browser = await launchWithExtension({ trustSpki: [emulator.spki] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await emulator?.close();
});

/** Submits a POST form to `action` from the page; resolves to the CSP directive that blocked it, if any. */
function submitForm(page: Page, action: string): Promise<string | undefined> {
  return page.evaluate(
    (target) =>
      new Promise<string | undefined>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective));
        const form = document.createElement('form');
        form.method = 'POST';
        form.action = target;
        form.target = '_blank';
        document.body.append(form);
        form.submit();
        setTimeout(() => resolve(undefined), 1000);
      }),
    action,
  );
}

describe('the first run', () => {
  it('offers the passphrase before the first token is saved', async () => {
    const page = await browser.openPage('src/options/index.html');
    await page.getByTestId('vault-first-run').waitFor();
    const order = await page.evaluate(() => {
      const vault = document.querySelector('[data-testid="vault-section"]');
      const form = document.querySelector('[data-testid="account-form"]');
      return vault && form
        ? (vault.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING) > 0
        : null;
    });
    expect(order).toBe(true);
    expect(await page.getByTestId('vault-enable-later').count()).toBe(0);
    await page.close();
    await addVerifiedAccount(browser, demoAccount(HOST));
    const after = await browser.openPage('src/options/index.html');
    await after.getByTestId('vault-enable-later').waitFor();
    expect(await after.getByTestId('vault-first-run').count()).toBe(0);
    await after.close();
  });
});

describe('form-action https: in the extension pages', () => {
  it('blocks a form that posts to a plain-http address', async () => {
    for (const path of ['src/options/index.html', 'src/popup/index.html']) {
      const page = await browser.openPage(path);
      expect(await submitForm(page, `http://${HOST}:2095/login`), path).toBe('form-action');
      await page.close();
    }
  });

  it('still signs in: the launch page posts to the https server', async () => {
    const page = await browser.openPage('src/popup/index.html');
    const tab = await signedInTab(browser, () => page.getByTestId('open-webmail').first().click());
    expect(new URL(tab.url()).protocol).toBe('https:');
    expect(browser.pageErrors).toEqual([]);
    await tab.close();
    await page.close();
  });
});
