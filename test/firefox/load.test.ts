// The store package of dist/firefox (the very zip `npm run package` uploads), installed as a temporary add-on
// in Debian's firefox-esr (headless, fresh profile, loopback only): Firefox accepts the archive and the
// manifest without a warning, the background script runs and registers its listeners, and an extension page
// gets answers from it over runtime messaging.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../scripts/firefox/manifest';
import { packFirefox } from '../../scripts/firefox/package';
import { launchFirefox, type RunningFirefox } from './firefox';

interface BackgroundState {
  hostname: string;
  state: string;
  warnings: string[];
  listeners: string[];
}

// Chrome-context script: what Firefox's own extension machinery knows about the add-on.
const READ_STATE = `
  const policy = WebExtensionPolicy.getByID(arguments[0]);
  if (!policy || !policy.extension) return null;
  const extension = policy.extension;
  const listeners = [];
  for (const [module, events] of extension.persistentListeners ?? []) {
    for (const event of events.keys()) listeners.push(module + '.' + event);
  }
  return {
    hostname: policy.mozExtensionHostname,
    state: extension.backgroundState,
    warnings: extension.warnings,
    listeners,
  };
`;

// Chrome-context script: errors logged by the extension's pages or background, uncaught or console.error.
const READ_ERRORS = `
  const origin = 'moz-extension://' + arguments[0] + '/';
  const errors = [];
  for (const message of Services.console.getMessageArray()) {
    if (!(message instanceof Ci.nsIScriptError) || message.flags & Ci.nsIScriptError.warningFlag) continue;
    if ((message.sourceName || '').startsWith(origin)) errors.push(message.errorMessage);
  }
  const storage = Cc['@mozilla.org/consoleAPI-storage;1'].getService(Ci.nsIConsoleAPIStorage);
  for (const event of storage.getEvents()) {
    if (event.level === 'error' && (event.filename || '').startsWith(origin)) {
      errors.push(String(event.arguments?.[0]));
    }
  }
  return errors;
`;

// Listeners the background registers on its first turn (src/background/index.ts); Firefox records each
// one so it can wake the event page. onShown is the Firefox-only nicety (firefoxMenus.ts).
const EXPECTED_LISTENERS = [
  'runtime.onInstalled',
  'menusInternal.onClicked',
  'menusInternal.onShown',
  'commands.onCommand',
  'omnibox.onInputEntered',
  'storage.onChanged',
];

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

describe('the Firefox build in firefox-esr', () => {
  let firefox: RunningFirefox;
  let addonId: string;
  let background: BackgroundState;
  const packageDir = mkdtempSync(join(tmpdir(), 'wml-xpi-'));

  beforeAll(async () => {
    const xpi = join(packageDir, 'webmail-launcher.xpi');
    writeFileSync(xpi, packFirefox(resolve(import.meta.dirname, '../..')).bytes);
    firefox = await launchFirefox();
    const { marionette } = firefox;
    ({ value: addonId } = await marionette.command<{ value: string }>('Addon:Install', {
      path: xpi,
      temporary: true,
    }));
    await marionette.command('Marionette:SetContext', { value: 'chrome' });
    // The event page starts right after install; give it a moment to register its listeners.
    const deadline = Date.now() + 15_000;
    let state: BackgroundState | null = null;
    while (Date.now() < deadline) {
      state = await marionette.execute<BackgroundState | null>(READ_STATE, [addonId]);
      const registered = EXPECTED_LISTENERS.every((name) => state?.listeners.includes(name));
      if (state?.state === 'running' && registered) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!state) throw new Error(`the add-on did not start\n${firefox.output()}`);
    background = state;
  }, 60_000);

  afterAll(async () => {
    await firefox?.close();
    rmSync(packageDir, { recursive: true, force: true });
  });

  it('installs from the store zip under its gecko ID, with no manifest warnings', () => {
    expect(addonId).toBe(GECKO_ID);
    expect(background.warnings).toEqual([]);
  });

  it('runs the background script, which registers its listeners', () => {
    expect(background.state).toBe('running');
    expect(background.listeners).toEqual(expect.arrayContaining(EXPECTED_LISTENERS));
  });

  it('answers an extension page over runtime messaging', async () => {
    const { marionette } = firefox;
    await marionette.command('Marionette:SetContext', { value: 'content' });
    await marionette.command('WebDriver:SetTimeouts', { implicit: 10_000 });
    await marionette.command('WebDriver:Navigate', {
      url: `moz-extension://${background.hostname}/src/popup/index.html`,
    });
    // Shown only once the background has answered account.list (with no accounts, in a fresh profile).
    const { value: element } = await marionette.command<{ value: Record<string, string> }>(
      'WebDriver:FindElement',
      { using: 'css selector', value: '[data-testid="no-accounts"]' },
    );
    const { value: text } = await marionette.command<{ value: string }>('WebDriver:GetElementText', {
      id: element[ELEMENT],
    });
    expect(text).toMatch(/account/i);
  });

  it('logs no errors from the extension', async () => {
    const { marionette } = firefox;
    await marionette.command('Marionette:SetContext', { value: 'chrome' });
    expect(await marionette.execute<string[]>(READ_ERRORS, [background.hostname])).toEqual([]);
  });
});
