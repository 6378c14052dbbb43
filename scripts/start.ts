// `npm start`: build the extension, start the cPanel emulator with its demo accounts, and open Chromium
// with the extension loaded and accounts configured. Without a display it runs headless, walks the
// popup → Webmail flow and saves the README's screenshots under artifacts/screenshots/; with Xvfb installed
// it also shoots the native context menu (and, with xdotool, the Webmail window it opens) on a virtual screen.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchWithExtension } from '../test/e2e/browser';
import { addAccountThroughOptions, addVerifiedAccount, signedInTab } from '../test/e2e/flows';
import { EMULATOR_HOSTS } from '../test/e2e/hosts';
import { DEMO_TOKEN, ROOT_TOKEN, startEmulator } from '../test/emulator';
import { contextMenuScreenshots } from './screenshots-context-menu';

const HOST = EMULATOR_HOSTS[EMULATOR_HOSTS.length - 1] as string;
const SHOTS = resolve('artifacts/screenshots');
const headless = !process.env.DISPLAY || process.env.HEADLESS === '1';

execFileSync('npx', ['vite', 'build', '--mode', 'test', '--logLevel', 'warn'], { stdio: 'inherit' });
mkdirSync(SHOTS, { recursive: true });

const emulator = await startEmulator({ address: HOST });
console.log(`cPanel emulator on https://${HOST}:2083 (Webmail :2096, WHM :2087)`);
const browser = await launchWithExtension({ trustSpki: [emulator.spki], headless });

const save = (path: string) => console.log(`  saved ${path}`);

/** A screenshot of `page`, or of the part from the top of `from` to the bottom of `to`, as wide as `from`. */
async function shot(page: Page, name: string, from?: Locator, to?: Locator): Promise<void> {
  const path = `${SHOTS}/${name}.png`;
  const [top, bottom] = await Promise.all([from?.boundingBox(), to?.boundingBox()]);
  const margin = 16;
  const clip =
    top && bottom
      ? {
          x: Math.max(0, top.x - margin),
          y: Math.max(0, top.y - margin),
          width: top.width + 2 * margin,
          height: bottom.y + bottom.height - top.y + 2 * margin,
        }
      : undefined;
  await page.screenshot({ path, fullPage: true, ...(clip && { clip }) });
  save(path);
}

/** The options page at a width that fits its column, its sections one after another. */
async function optionsPage(): Promise<{ page: Page; section: (n: number) => Locator }> {
  const page = await browser.openPage('src/options/index.html');
  await page.setViewportSize({ width: 820, height: 900 });
  await page.locator('h2').first().waitFor();
  return { page, section: (n) => page.locator('main > section').nth(n) };
}

/**
 * The launch page in both themes: signing in (the session call left unanswered, so the page stays on
 * "Asking …") and failed (the token rejected). Copied to docs/screenshots/, where the README shows them.
 */
async function launchPageShots(): Promise<void> {
  const open = async (theme: 'light' | 'dark', mailbox: string): Promise<Page> => {
    const popup = await browser.openPage('src/popup/index.html');
    await popup.getByTestId('search').fill(mailbox);
    const [tab] = await Promise.all([
      browser.context.waitForEvent('page'),
      popup.getByTestId('search').press('Enter'),
    ]);
    await tab.emulateMedia({ colorScheme: theme });
    await tab.setViewportSize({ width: 760, height: 400 });
    await popup.close();
    return tab;
  };
  for (const theme of ['light', 'dark'] as const) {
    emulator.faults.set({ fault: 'hang', match: { port: 2083, path: '/execute/Session/' }, times: 1 });
    const waiting = await open(theme, 'sales@');
    await waiting.getByText(`Asking ${HOST}…`).waitFor();
    await waiting.getByTestId('waiting-account').waitFor();
    await shot(waiting, `launch-signing-in-${theme}`);
    // The same target is not started twice while it runs: let the client give up on this one first.
    await waiting.getByTestId('error-code').waitFor({ timeout: 60_000 });
    emulator.faults.set({ fault: 'http401', match: { port: 2083, path: '/execute/Session/' } });
    const failed = await open(theme, 'info@');
    await failed.getByTestId('error-code').waitFor();
    await failed.getByTestId('launch-account').waitFor();
    await shot(failed, `launch-failed-${theme}`);
    emulator.faults.clear();
    await Promise.all([waiting.close(), failed.close()]);
    for (const name of [`launch-signing-in-${theme}`, `launch-failed-${theme}`]) {
      copyFileSync(`${SHOTS}/${name}.png`, resolve(`docs/screenshots/${name}.png`));
    }
  }
}

if (headless) {
  console.log('Headless: walking the flow and saving screenshots.');
  // The first run: no account yet, so the page opens with the step-by-step token help.
  const first = await optionsPage();
  await first.page.locator('#help-title').waitFor();
  await shot(first.page, 'options-onboarding', first.page.locator('h1'), first.section(1));
  await first.page.close();
}

async function configure(label: string, fields: Parameters<typeof addAccountThroughOptions>[1]) {
  const options = await addAccountThroughOptions(browser, { ...fields, label });
  await options.getByTestId('saved').waitFor();
  console.log(`Account "${label}" configured (user ${fields.username}, token verified).`);
}

await configure('Demo hosting account', { host: HOST, username: 'demo', token: DEMO_TOKEN });
await configure('Server (WHM)', { host: HOST, username: 'root', token: ROOT_TOKEN, kind: 'whm' });

if (!headless) {
  console.log('Chromium is open with the extension loaded: click its toolbar icon. Ctrl+C to stop.');
  process.on('SIGINT', async () => {
    await browser.close();
    await emulator.close();
    process.exit(0);
  });
} else {
  const options = await optionsPage();
  await options.page.getByTestId('account-row').nth(1).waitFor();
  await shot(options.page, 'options', options.page.locator('h1'), options.section(1));

  // Use it a little first, so the popup shows recently opened mailboxes and a pinned one.
  const popup = await browser.openPage('src/popup/index.html');
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.getByTestId('mailbox').first().waitFor();
  const webmail = await signedInTab(browser, () => popup.getByTestId('open-webmail').first().click());
  await shot(webmail, 'webmail-signed-in');
  await popup.getByTestId('search').fill('info@');
  const mailbox = await signedInTab(browser, () => popup.getByTestId('search').press('Enter'));
  await shot(mailbox, 'webmail-mailbox-signed-in');
  const users = [webmail, mailbox].map((page) => page.getByTestId('signed-in-user').textContent());
  console.log(`Signed in as ${(await Promise.all(users)).join(' and ')}.`);
  await popup.getByTestId('search').fill('');
  await popup.locator('[data-email="sales@example.com"] [data-testid="pin"]').click();
  await popup.locator('[data-email="sales@example.com"] .pinned').waitFor();
  await popup.close();

  for (const theme of ['light', 'dark'] as const) {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: theme });
    // A real popup is as tall as its content: measure it in a 1-pixel-high viewport, then fit to it.
    await page.setViewportSize({ width: 380, height: 1 });
    await page.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html`);
    await page.locator('[data-email="sales@example.com"] .pinned').waitFor();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: 380, height: Math.min(height, 600) });
    await shot(page, `popup-${theme}`);
    await page.close();
  }

  await launchPageShots();

  // An extra on a virtual screen: a failure there is reported, and the shots above still stand.
  const saved = await contextMenuScreenshots({
    trustSpki: [emulator.spki],
    dir: SHOTS,
    prepare: (headed) => addVerifiedAccount(headed, { host: HOST, username: 'demo', token: DEMO_TOKEN }),
  }).catch((error: Error) => {
    console.warn(`  the context-menu screenshot failed: ${error.message}`);
    return undefined;
  });
  saved?.forEach(save);
  if (saved?.length === 0)
    console.log('  no Xvfb or xdotool: skipped the context-menu screenshots (apt-get install xvfb xdotool).');
  await browser.close();
  await emulator.close();
}
