// `npm start`: build the extension, start the cPanel emulator with its demo accounts, and open Chromium
// with the extension loaded and accounts configured. Without a display it runs headless, walks the
// popup → Webmail flow and saves screenshots under artifacts/screenshots/.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../test/e2e/browser';
import { addAccountThroughOptions, signedInTab } from '../test/e2e/flows';
import { EMULATOR_HOSTS } from '../test/e2e/hosts';
import { DEMO_TOKEN, ROOT_TOKEN, startEmulator } from '../test/emulator';

const HOST = EMULATOR_HOSTS[EMULATOR_HOSTS.length - 1] as string;
const SHOTS = resolve('artifacts/screenshots');
const headless = !process.env.DISPLAY || process.env.HEADLESS === '1';

execFileSync('npx', ['vite', 'build', '--mode', 'test', '--logLevel', 'warn'], { stdio: 'inherit' });
mkdirSync(SHOTS, { recursive: true });

const emulator = await startEmulator({ address: HOST });
console.log(`cPanel emulator on https://${HOST}:2083 (Webmail :2096, WHM :2087)`);
const browser = await launchWithExtension({ trustSpki: [emulator.spki], headless });

async function configure(
  label: string,
  fields: Parameters<typeof addAccountThroughOptions>[1],
): Promise<Page> {
  const options = await addAccountThroughOptions(browser, { ...fields, label });
  await options.getByTestId('saved').waitFor();
  console.log(`Account "${label}" configured (user ${fields.username}, token verified).`);
  return options;
}

const options = await configure('Demo hosting account', { host: HOST, username: 'demo', token: DEMO_TOKEN });
await configure('Server (WHM)', { host: HOST, username: 'root', token: ROOT_TOKEN, kind: 'whm' });

if (!headless) {
  console.log('Chromium is open with the extension loaded: click its toolbar icon. Ctrl+C to stop.');
  process.on('SIGINT', async () => {
    await browser.close();
    await emulator.close();
    process.exit(0);
  });
} else {
  const shot = async (page: Page, name: string) => {
    const path = `${SHOTS}/${name}.png`;
    await page.screenshot({ path, fullPage: true });
    console.log(`  saved ${path}`);
  };
  console.log('Headless: walking the flow and saving screenshots.');
  await options.reload();
  await options.getByTestId('account-row').first().waitFor();
  await shot(options, 'options');
  for (const theme of ['light', 'dark'] as const) {
    const popup = await browser.context.newPage();
    await popup.emulateMedia({ colorScheme: theme });
    await popup.setViewportSize({ width: 380, height: 520 });
    await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html`);
    await popup.getByTestId('mailbox').first().waitFor();
    await shot(popup, `popup-${theme}`);
    await popup.close();
  }
  const popup = await browser.openPage('src/popup/index.html');
  await popup.setViewportSize({ width: 380, height: 520 });
  await popup.getByTestId('mailbox').first().waitFor();
  const webmail = await signedInTab(browser, () => popup.getByTestId('open-webmail').first().click());
  await shot(webmail, 'webmail-signed-in');
  await popup.getByTestId('search').fill('info@');
  const mailbox = await signedInTab(browser, () => popup.getByTestId('search').press('Enter'));
  await shot(mailbox, 'webmail-mailbox-signed-in');
  const users = [webmail, mailbox].map((page) => page.getByTestId('signed-in-user').textContent());
  console.log(`Signed in as ${(await Promise.all(users)).join(' and ')}.`);
  await browser.close();
  await emulator.close();
}
