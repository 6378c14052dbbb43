// Drives the live build through the worker's message contract from an extension page, and follows each
// signed-in tab to where it lands. Only the contract is used, not popup details that may change.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Request } from 'playwright-core';
import type { Reply, RequestOf, RequestType } from '../../src/messages/contract';
import { type ExtensionBrowser, launchWithExtension } from '../e2e/browser';
import { type LiveConfig, readLiveEnv, secretsOf } from './env';
import { showUrl } from './mask';
import { LIVE_BUILD } from './paths';

export type Service = 'webmaild' | 'cpaneld' | 'whostmgrd';

/** The configuration the runner passed down; the test files are only ever run through it. */
export function liveConfig(): LiveConfig {
  const reading = readLiveEnv(process.env);
  if (reading.kind === 'ok') return reading.config;
  if (reading.kind === 'invalid') throw new Error(`Live configuration: ${reading.errors.join(' ')}`);
  return { cpanel: null, whm: null, serverHostnames: [], trustSpki: [], screenshotDir: null };
}

export interface LiveSession {
  browser: ExtensionBrowser;
  /** The options page: an extension page, so it may message the worker. */
  page: Page;
  /** Tabs that landed signed in so far; each went through one login POST. */
  landings: number;
  send<T extends RequestType>(request: RequestOf<T>): Promise<Reply<T>>;
  close(): Promise<void>;
}

export async function startLiveSession(config: LiveConfig): Promise<LiveSession> {
  if (!existsSync(join(LIVE_BUILD, 'manifest.json'))) {
    throw new Error('dist/chrome-live is missing: run the suite with `npm run test:live`, which builds it.');
  }
  const browser = await launchWithExtension({ trustSpki: config.trustSpki, extensionDir: LIVE_BUILD });
  const page = await browser.openPage('src/options/index.html');
  return {
    browser,
    page,
    landings: 0,
    send: (request) => page.evaluate((message) => chrome.runtime.sendMessage(message), request),
    close: () => browser.close(),
  };
}

/** Where a signed-in tab of each service lands: below the session's security token. */
const SIGNED_IN: Readonly<Record<Service, RegExp>> = {
  // Webmail's own pages, or the default client (Roundcube) it forwards to.
  webmaild: /^\/cpsess\d+\/(webmail\/|3rdparty\/)/,
  cpaneld: /^\/cpsess\d+\/frontend\//,
  whostmgrd: /^\/cpsess\d+\/$/,
};

const SERVICE_PORT: Readonly<Record<Service, number>> = { webmaild: 2096, cpaneld: 2083, whostmgrd: 2087 };
const PROXY_LABEL: Readonly<Record<Service, string>> = {
  webmaild: 'webmail',
  cpaneld: 'cpanel',
  whostmgrd: 'whm',
};

/**
 * The origins a service may open on for an account reached at host:port: the service port of that host
 * or of the server's own hostname; or, for an account on cpanel.X / whm.X port 443, the service's own
 * subdomain on 443, as cPanel's UI does.
 */
export function expectedOrigins(config: LiveConfig, host: string, port: number, service: Service): string[] {
  const proxied = port === 443 ? /^(?:cpanel|whm)\.(.+)$/.exec(host)?.[1] : undefined;
  if (proxied) return [`https://${PROXY_LABEL[service]}.${proxied}`];
  return [host, ...config.serverHostnames].map((name) => `https://${name}:${SERVICE_PORT[service]}`);
}

export interface Landing {
  tab: Page;
  url: URL;
}

export interface OpenExpectation {
  service: Service;
  origins: string[];
  /** Who the page should show as signed in, where it says so (the emulator's pages do). */
  user: string;
  /** A path fragment the landing must contain, e.g. an app's page. */
  pathIncludes?: RegExp;
  /** A file name under LIVE_SCREENSHOT_DIR. */
  screenshot: string;
}

/**
 * Sends an open request, then follows the tab it opens until it is signed in. Fails with what the tab
 * shows instead (the launch page's error, a login form) rather than a bare timeout.
 */
export async function openSignedIn(
  live: LiveSession,
  config: LiveConfig,
  request: RequestOf<'webmail.open' | 'session.open'>,
  expected: OpenExpectation,
): Promise<Landing> {
  const { context } = live.browser;
  const opened = context.waitForEvent('page', { timeout: 30_000 });
  opened.catch(() => undefined);
  // Watched from before the request: the tab may fail to load (DNS, refused, certificate) at once.
  const failure = navigationFailure(context, opened);
  let tab: Page | null = null;
  try {
    const reply = await live.send(request);
    if (!reply.ok) throw new Error(`${request.type} answered ${reply.error.code}: ${reply.error.message}`);
    tab = await opened;
    const signedIn = SIGNED_IN[expected.service];
    try {
      await Promise.race([
        tab.waitForURL((url) => url.protocol === 'https:' && signedIn.test(url.pathname), {
          timeout: 30_000,
          waitUntil: 'load',
        }),
        failure.failed,
      ]);
    } catch (error) {
      const reason = showUrl(String((error as Error).message).split('\n')[0] ?? '', secretsOf(config));
      throw new Error(`The tab did not land signed in (${reason}): ${await describeTab(tab, config)}`);
    }
    return await checkLanding(live, config, tab, expected);
  } catch (error) {
    // A failed open leaves no tab behind for the next test to trip over.
    await tab?.close().catch(() => undefined);
    throw error;
  } finally {
    failure.stop();
  }
}

async function checkLanding(
  live: LiveSession,
  config: LiveConfig,
  tab: Page,
  expected: OpenExpectation,
): Promise<Landing> {
  const url = new URL(tab.url());
  if (!expected.origins.includes(url.origin)) {
    throw new Error(
      `Landed on ${url.origin}, expected ${expected.origins.join(' or ')}. If that is the server’s own ` +
        'hostname, name it in LIVE_SERVER_HOSTNAME.',
    );
  }
  if (expected.pathIncludes && !expected.pathIncludes.test(url.pathname)) {
    throw new Error(`Landed on ${url.pathname}, expected a path matching ${expected.pathIncludes}.`);
  }
  const status = await tab.evaluate(
    () =>
      (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)
        ?.responseStatus,
  );
  if (status !== undefined && status >= 400) throw new Error(`The signed-in page answered HTTP ${status}.`);
  // cPanel's login page is `form#login_form`: seeing it means the session was refused.
  if ((await tab.locator('form#login_form').count()) > 0) {
    throw new Error(`The tab shows the login form: ${await describeTab(tab, config)}`);
  }
  const shown = tab.getByTestId('signed-in-user');
  if ((await shown.count()) > 0) {
    const user = (await shown.first().textContent())?.trim().toLowerCase();
    if (user !== expected.user.toLowerCase()) throw new Error(`Signed in as ${user}, not ${expected.user}.`);
  }
  if (config.screenshotDir) {
    mkdirSync(config.screenshotDir, { recursive: true });
    await tab.screenshot({ path: join(config.screenshotDir, `${expected.screenshot}.png`) });
  }
  live.landings += 1;
  return { tab, url };
}

/** Rejects when the opened tab's own page fails to load, so a failure is reported, not waited out. */
function navigationFailure(
  context: BrowserContext,
  opened: Promise<Page>,
): { failed: Promise<never>; stop(): void } {
  let fail: (error: Error) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  failed.catch(() => undefined);
  const onFailed = (request: Request): void => {
    if (!request.isNavigationRequest() || request.frame().parentFrame() !== null) return;
    opened.then(
      (tab) => {
        if (request.frame().page() === tab)
          fail(new Error(`${request.failure()?.errorText ?? 'failed'} loading ${request.url()}`));
      },
      () => undefined,
    );
  };
  context.on('requestfailed', onFailed);
  return { failed, stop: () => context.off('requestfailed', onFailed) };
}

async function describeTab(tab: Page, config: LiveConfig): Promise<string> {
  const secrets = secretsOf(config);
  const code = tab.getByTestId('error-code');
  const where = showUrl(tab.url(), secrets);
  if ((await code.count()) > 0) {
    const message = await tab.getByTestId('error-message').textContent();
    return `${where} shows ${await code.textContent()}: ${message}`;
  }
  if (where.startsWith('chrome-error:')) return 'the browser could not load the page';
  return `${where} (“${await tab.title()}”)`;
}

/** Login URLs the browser requested (the POSTs), so the leak check is known to have looked at some. */
export function loginUrls(live: LiveSession): string[] {
  return live.browser.requestedUrls.filter((url) => /\/cpsess\d+\/login\/?$/.test(url));
}

/** Requested URLs carrying a session string (`session=`) or a secret, shown masked. */
export function leakingUrls(urls: readonly string[], config: LiveConfig): string[] {
  const secrets = secretsOf(config);
  const forms = secrets.flatMap((secret) => [secret, encodeURIComponent(secret), secret.toLowerCase()]);
  return urls
    .filter((url) => /session=/i.test(url) || forms.some((form) => url.includes(form)))
    .map((url) => showUrl(url, secrets));
}

/** Uncaught errors of the extension's own pages (the server's pages may have their own). */
export function extensionPageErrors(live: LiveSession): string[] {
  return live.browser.pageErrors.filter((error) => error.startsWith('chrome-extension://'));
}
