import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_TOKEN } from '../emulator';
import { useEmulatorAndBrowser } from './fixtures';
import { addAccountThroughOptions, addVerifiedAccount, demoAccount, signedInTab } from './flows';
import { EMULATOR_HOSTS } from './hosts';

// What the extension's own pages may do, checked in Chromium with the built extension.
const HOST = EMULATOR_HOSTS[17] as string;
/** A server whose certificate the browser never trusted (a self-signed setup). */
const SELF_SIGNED = EMULATOR_HOSTS[18] as string;

const env = useEmulatorAndBrowser({
  host: HOST,
  listeners: [{ address: SELF_SIGNED, ports: [2083], trusted: false }],
  timeout: 60_000,
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
        setTimeout(() => resolve(undefined), 10_000);
      }),
    action,
  );
}

describe('the first run', () => {
  it('offers the passphrase before the first token is saved', async () => {
    const page = await env.browser.openPage('src/options/index.html');
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
    await addVerifiedAccount(env.browser, demoAccount(HOST));
    const after = await env.browser.openPage('src/options/index.html');
    await after.getByTestId('vault-enable-later').waitFor();
    expect(await after.getByTestId('vault-first-run').count()).toBe(0);
    await after.close();
  });
});

describe('form-action https: in the extension pages', () => {
  it('blocks a form that posts to a plain-http address', async () => {
    for (const path of ['src/options/index.html', 'src/popup/index.html']) {
      const page = await env.browser.openPage(path);
      expect(await submitForm(page, `http://${HOST}:2095/login`), path).toBe('form-action');
      await page.close();
    }
  });

  it('still signs in: the launch page posts to the https server', async () => {
    const page = await env.browser.openPage('src/popup/index.html');
    const tab = await signedInTab(env.browser, () => page.getByTestId('open-webmail').first().click());
    expect(new URL(tab.url()).protocol).toBe('https:');
    expect(env.browser.pageErrors).toEqual([]);
    await tab.close();
    await page.close();
  });
});

describe('a certificate the browser never trusted', () => {
  it('is explained before the button that opens the server', async () => {
    const page = await addAccountThroughOptions(env.browser, {
      host: SELF_SIGNED,
      username: 'demo',
      token: DEMO_TOKEN,
    });
    const note = page.getByTestId('error');
    await expect.poll(() => note.getAttribute('data-code'), { timeout: 15_000 }).toBe('tls');
    expect(await note.locator('.advice').textContent()).toMatch(/cannot confirm .*SHA-256 fingerprint/s);
    expect(await note.getByTestId('open-server').textContent()).toContain(`https://${SELF_SIGNED}:2083`);
    await page.close();
  });
});
