import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const TEST_BUILD = fileURLToPath(new URL('../../dist/chrome-test', import.meta.url));

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  profileDir: string;
  /** Opens one of the extension's pages, e.g. `src/popup/index.html`, in a new tab. */
  openPage(path: string): Promise<Page>;
  /** Every URL any tab or the worker requested, to prove secrets never travel in one. */
  requestedUrls: string[];
  /** Uncaught errors of extension pages; a test ends with this empty. */
  pageErrors: string[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** base64 SHA-256 SPKI hashes of certificates to trust (the emulator's). */
  trustSpki: string[];
  extensionDir?: string;
  profileDir?: string;
  headless?: boolean;
  /** More Chromium flags, e.g. `--host-resolver-rules=MAP <address> ~NOTFOUND` for an unknown host. */
  extraArgs?: string[];
}

/** Flags that keep Chromium quiet on a machine with no network but loopback. */
export function chromiumArgs(extensionDir: string, trustSpki: string[]): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    `--ignore-certificate-errors-spki-list=${trustSpki.join(',')}`,
  ];
}

/** Debian's Chromium with the built extension loaded, in a persistent profile (extensions need one). */
export async function launchWithExtension(options: LaunchOptions): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? TEST_BUILD;
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'wml-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    args: [...chromiumArgs(extensionDir, options.trustSpki), ...(options.extraArgs ?? [])],
    viewport: { width: 1000, height: 700 },
  });
  const requestedUrls: string[] = [];
  const pageErrors: string[] = [];
  context.on('request', (request) => requestedUrls.push(request.url()));
  context.on('page', (page) =>
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`)),
  );
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    profileDir,
    requestedUrls,
    pageErrors,
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      if (!options.profileDir) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
