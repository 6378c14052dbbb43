// `npm start`: build the extension, start the cPanel emulator with its demo accounts, and open Chromium
// with the extension loaded and an account configured. Without a display it runs headless, walks the
// popup → Webmail flow and saves screenshots under artifacts/.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from '../test/e2e/browser';
import { addAccountThroughOptions, tabOpenedBy } from '../test/e2e/flows';
import { EMULATOR_HOSTS } from '../test/e2e/hosts';
import { DEMO_TOKEN, startEmulator } from '../test/emulator';

const HOST = EMULATOR_HOSTS[EMULATOR_HOSTS.length - 1] as string;
const ARTIFACTS = resolve('artifacts');
const headless = !process.env.DISPLAY || process.env.HEADLESS === '1';

execFileSync('npx', ['vite', 'build', '--mode', 'test', '--logLevel', 'warn'], { stdio: 'inherit' });
mkdirSync(ARTIFACTS, { recursive: true });

const emulator = await startEmulator({ address: HOST });
console.log(`cPanel emulator on https://${HOST}:2083 (Webmail :2096, WHM :2087)`);
const browser = await launchWithExtension({ trustSpki: [emulator.spki], headless });

const options = await addAccountThroughOptions(browser, {
  host: HOST,
  username: 'demo',
  token: DEMO_TOKEN,
  label: 'Demo hosting account',
});
await options.getByTestId('saved').waitFor();
console.log('Account "Demo hosting account" configured (user demo, token verified).');

if (!headless) {
  console.log('Chromium is open with the extension loaded: click its toolbar icon. Ctrl+C to stop.');
  process.on('SIGINT', async () => {
    await browser.close();
    await emulator.close();
    process.exit(0);
  });
} else {
  const shot = async (page: import('playwright-core').Page, name: string) => {
    const path = `${ARTIFACTS}/${name}.png`;
    await page.screenshot({ path, fullPage: true });
    console.log(`  saved ${path}`);
  };
  console.log('Headless: walking the flow and saving screenshots.');
  await shot(options, 'options');
  const popup = await browser.openPage('src/popup/index.html');
  await popup.setViewportSize({ width: 360, height: 260 });
  await popup.getByTestId('account').waitFor();
  await shot(popup, 'popup');
  const webmail = await tabOpenedBy(browser, () => popup.getByTestId('open-webmail').click());
  await webmail.getByTestId('signed-in-user').waitFor();
  await shot(webmail, 'webmail-signed-in');
  await popup.getByTestId('mailbox-input').fill('info@example.com');
  const mailbox = await tabOpenedBy(browser, () => popup.getByTestId('mailbox-input').press('Enter'));
  await mailbox.getByTestId('signed-in-user').waitFor();
  await shot(mailbox, 'webmail-mailbox-signed-in');
  console.log(
    `Signed in as ${await webmail.getByTestId('signed-in-user').textContent()} and ${await mailbox.getByTestId('signed-in-user').textContent()}.`,
  );
  await browser.close();
  await emulator.close();
}
