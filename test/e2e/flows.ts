import type { Page } from 'playwright-core';
import { DEMO_TOKEN, ROOT_TOKEN } from '../emulator';
import type { ExtensionBrowser } from './browser';

export interface AccountFields {
  host: string;
  username: string;
  token: string;
  kind?: 'cpanel' | 'whm';
  label?: string;
  port?: string;
  askPassword?: boolean;
}

/** The emulator's demo cPanel account, as the options page takes it. */
export const demoAccount = (host: string, label = 'Demo'): AccountFields => ({
  host,
  username: 'demo',
  token: DEMO_TOKEN,
  label,
});

/** The emulator's root WHM user, as the options page takes it. */
export const rootAccount = (host: string, label = 'Root'): AccountFields => ({
  host,
  username: 'root',
  token: ROOT_TOKEN,
  kind: 'whm',
  label,
});

/** Fills and submits the options page's account form, as a person would. */
export async function addAccountThroughOptions(
  browser: ExtensionBrowser,
  fields: AccountFields,
): Promise<Page> {
  const options = await browser.openPage('src/options/index.html');
  await options.selectOption('#account-kind', fields.kind ?? 'cpanel');
  await options.fill('#account-host', fields.host);
  if (fields.port) await options.fill('#account-port', fields.port);
  await options.fill('#account-username', fields.username);
  await options.fill('#account-token', fields.token);
  if (fields.label) await options.fill('#account-label', fields.label);
  if (fields.askPassword) await options.check('#account-askPassword');
  await options.click('[data-testid="save-account"]');
  return options;
}

/** Runs `action` in the popup and returns the tab it opened, once that tab has finished loading. */
export async function tabOpenedBy(browser: ExtensionBrowser, action: () => Promise<unknown>): Promise<Page> {
  const [tab] = await Promise.all([browser.context.waitForEvent('page'), action()]);
  await tab.waitForLoadState('load');
  return tab;
}

/** Adds an account through the options page and waits for the token check to succeed. */
export async function addVerifiedAccount(browser: ExtensionBrowser, fields: AccountFields): Promise<void> {
  const options = await addAccountThroughOptions(browser, fields);
  await options.getByTestId('saved').waitFor();
  await options.close();
}

/** The tab that `action` opens, once it shows a signed-in page of the emulator. */
export async function signedInTab(browser: ExtensionBrowser, action: () => Promise<unknown>): Promise<Page> {
  const tab = await tabOpenedBy(browser, action);
  await tab.getByTestId('signed-in-user').waitFor();
  return tab;
}
