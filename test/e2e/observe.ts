// What the failure, robustness and privacy suites watch in the browser: uncaught errors in the worker and in
// extension pages, every network request with its headers, notifications, storage, and worker restarts.
import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';
import type { ExtensionBrowser } from './browser';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/**
 * Collects every uncaught exception and unhandled rejection of the extension's service worker (Playwright
 * reports neither), its console errors, and uncaught errors and console errors of the extension's pages.
 * The worker's DevTools target outlives a stop and restart, so a restarted worker stays watched; a worker
 * target that appears later (a reload) is attached when it is created.
 */
export class ErrorWatch {
  readonly errors: string[] = [];
  readonly #attached = new Set<string>();
  #session: CDPSession | null = null;

  private constructor(private readonly browser: ExtensionBrowser) {}

  static async start(browser: ExtensionBrowser): Promise<ErrorWatch> {
    const watch = new ErrorWatch(browser);
    await watch.#listen();
    return watch;
  }

  /** The errors since the last call, to assert empty after each test. */
  take(): string[] {
    return this.errors.splice(0);
  }

  async #listen(): Promise<void> {
    const { context, extensionId } = this.browser;
    const origin = `chrome-extension://${extensionId}/`;
    const own = (url: string) => url.startsWith(origin);
    context.on('weberror', (error) => this.errors.push(`page: ${error.error().message}`));
    const watchPage = (page: Page) =>
      page.on('console', (message) => {
        if (message.type() === 'error' && own(page.url()))
          this.errors.push(`page console: ${message.text()}`);
      });
    context.pages().forEach(watchPage);
    context.on('page', watchPage);

    const browser = context.browser();
    if (!browser) throw new Error('no browser handle to attach to the service worker');
    const session = await browser.newBrowserCDPSession();
    this.#session = session;
    session.on('Target.receivedMessageFromTarget', (event: { message: string }) =>
      this.#onMessage(event.message),
    );
    session.on('Target.targetCreated', ({ targetInfo }: { targetInfo: TargetInfo }) => {
      if (targetInfo.type === 'service_worker' && own(targetInfo.url)) void this.#attach(targetInfo.targetId);
    });
    await session.send('Target.setDiscoverTargets', { discover: true });
    const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
    for (const target of targetInfos)
      if (target.type === 'service_worker' && own(target.url)) await this.#attach(target.targetId);
  }

  async #attach(targetId: string): Promise<void> {
    const session = this.#session;
    if (!session || this.#attached.has(targetId)) return;
    this.#attached.add(targetId);
    try {
      // Not flattened: Playwright's CDPSession cannot address a child session, but it can relay messages.
      const { sessionId } = (await session.send('Target.attachToTarget', { targetId, flatten: false })) as {
        sessionId: string;
      };
      const message = JSON.stringify({ id: 1, method: 'Runtime.enable' });
      await session.send('Target.sendMessageToTarget', { sessionId, message });
    } catch {
      // The worker stopped before we got there; its successor is attached when it starts.
    }
  }

  #onMessage(raw: string): void {
    const message = JSON.parse(raw) as { method?: string; params?: Record<string, unknown> };
    if (message.method === 'Runtime.exceptionThrown') {
      const details = message.params?.exceptionDetails as
        | { text?: string; exception?: { description?: string } }
        | undefined;
      this.errors.push(`worker: ${details?.text ?? ''} ${details?.exception?.description ?? ''}`.trim());
    } else if (message.method === 'Runtime.consoleAPICalled') {
      const { type, args } = message.params as {
        type: string;
        args: { value?: unknown; description?: string }[];
      };
      if (type === 'error' || type === 'assert') {
        const text = args.map((arg) => String(arg.value ?? arg.description ?? '')).join(' ');
        this.errors.push(`worker console.${type}: ${text}`);
      }
    }
  }

  async stop(): Promise<void> {
    await this.#session?.detach().catch(() => undefined);
    this.#session = null;
  }
}

export interface SeenRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  postData: string | null;
  /** Sent by the service worker (the API calls), not by a page. */
  fromWorker: boolean;
}

/** Every request the browser makes, the worker's fetches included, with all headers as sent. */
export function recordRequests(context: BrowserContext): { all(): Promise<SeenRequest[]> } {
  const seen: Promise<SeenRequest>[] = [];
  context.on('request', (request) => {
    seen.push(
      request
        .allHeaders()
        .catch(() => request.headers())
        .then((headers) => ({
          url: request.url(),
          method: request.method(),
          headers,
          postData: request.postData(),
          fromWorker: request.serviceWorker() !== null,
        })),
    );
  });
  return { all: () => Promise.all(seen) };
}

/** The extension's storage.local as JSON text per key, for before/after comparisons. */
export async function storageSnapshot(worker: Worker): Promise<Record<string, string>> {
  const all = (await worker.evaluate('chrome.storage.local.get(null)')) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(all).map(([key, value]) => [key, JSON.stringify(value)]));
}

/** Keys the extension rewrites on purpose: caches (mailboxes, domains, managed policy) and the recents list. */
export const VOLATILE_KEY = /^(mailboxes:|domains:|whmDirectory:|recents$|deviceKey$|managedPolicyCache$)/;

/** The settings part of a snapshot: everything but the caches. */
export function settingsOf(snapshot: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(snapshot).filter(([key]) => !VOLATILE_KEY.test(key)));
}

export interface ShownNotification {
  id: string;
  title: string;
  message: string;
}

/**
 * Wraps chrome.notifications.create in the running worker to keep what each notification said. Needed again
 * after the worker restarts (a new global scope).
 */
export async function captureNotifications(worker: Worker): Promise<void> {
  await worker.evaluate(`(() => {
    if (globalThis.__shownNotifications) return;
    globalThis.__shownNotifications = [];
    const create = chrome.notifications.create;
    chrome.notifications.create = function (id, options, ...rest) {
      globalThis.__shownNotifications.push({ id, title: options?.title ?? '', message: options?.message ?? '' });
      return create.call(this, id, options, ...rest);
    };
  })()`);
}

export async function shownNotifications(worker: Worker): Promise<ShownNotification[]> {
  return (await worker.evaluate('globalThis.__shownNotifications ?? []')) as ShownNotification[];
}

/** Ids of the notifications still on screen. */
export async function notificationIds(worker: Worker): Promise<string[]> {
  return Object.keys((await worker.evaluate('chrome.notifications.getAll()')) as Record<string, unknown>);
}

/**
 * Stops the extension's service worker as Chrome does when it is idle, and waits until it has stopped. The
 * next event (a popup message, a menu click) starts a fresh instance; Playwright's Worker then reaches it.
 */
export async function stopServiceWorker(browser: ExtensionBrowser, page: Page): Promise<void> {
  const cdp = await browser.context.newCDPSession(page);
  try {
    let stopped!: () => void;
    const done = new Promise<void>((resolve) => {
      stopped = resolve;
    });
    cdp.on(
      'ServiceWorker.workerVersionUpdated',
      ({ versions }: { versions: { runningStatus: string }[] }) => {
        if (versions.length > 0 && versions.every((version) => version.runningStatus === 'stopped'))
          stopped();
      },
    );
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await done;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Polls until `check` is true (expect.poll works inside tests only; this works in hooks too). */
export async function waitUntil(
  check: () => Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** For expect.poll: the browser under a full parallel e2e run can take seconds to open a tab. */
export const WAIT = { timeout: 10_000, interval: 50 };
