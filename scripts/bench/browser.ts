// Debian's Chromium with the bench build loaded, driven over the bare CDP pipe (cdp.ts): the same flags as
// the e2e tests' launchWithExtension (chromiumArgs), but nothing attached to tabs or workers unless asked.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, chromiumArgs } from '../../test/e2e/browser';
import { Cdp } from './cdp';

const TIMEOUT_MS = 15_000;

export interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** One tab we attached to: evaluate code in it, click and type with trusted input events. */
export class Tab {
  constructor(
    readonly cdp: Cdp,
    readonly targetId: string,
    readonly sessionId: string,
  ) {}

  send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    return this.cdp.send<T>(method, params, this.sessionId);
  }

  /**
   * Runs `fn(arg)` in the page and returns its (awaited) value. tsx compiles with keepNames, whose
   * `__name` helper does not exist in the page: a no-op stands in for it.
   */
  async evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    const expression = `(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg ?? null)}); })()`;
    const { result, exceptionDetails } = await this.send<{
      result: { value?: R };
      exceptionDetails?: { exception?: { description?: string }; text: string };
    }>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as R;
  }

  /** Navigates and resolves once the page's `load` event fired. */
  async goto(url: string): Promise<void> {
    const loaded = this.cdp.waitFor(
      'Page.loadEventFired',
      (_, session) => session === this.sessionId,
      TIMEOUT_MS,
    );
    try {
      const { errorText } = await this.send<{ errorText?: string }>('Page.navigate', { url });
      if (errorText) throw new Error(`navigating to ${url}: ${errorText}`);
    } catch (error) {
      loaded.catch(() => undefined);
      throw error;
    }
    await loaded;
  }

  /** Polls until `selector` matches an element (the page's own work is not slowed by a tight loop here). */
  async waitForSelector(selector: string, timeoutMs = TIMEOUT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await this.evaluate((s) => document.querySelector(s) !== null, selector))) {
      if (Date.now() > deadline) throw new Error(`no ${selector} within ${timeoutMs} ms`);
      await new Promise((done) => setTimeout(done, 20));
    }
  }

  /** A trusted left click in the middle of the element, as a person's would be. */
  async click(selector: string): Promise<void> {
    const point = await this.evaluate((s) => {
      const element = document.querySelector(s);
      if (!element) throw new Error(`no ${s}`);
      if ((element as HTMLButtonElement).disabled) throw new Error(`${s} is disabled`);
      element.scrollIntoView({ block: 'center' });
      const box = element.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }, selector);
    const mouse = { ...point, button: 'left', clickCount: 1 };
    await this.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: point.x, y: point.y });
    await this.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...mouse });
    await this.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...mouse });
  }

  /** One trusted key press: a printable character, or 'Backspace'. */
  async press(key: string): Promise<void> {
    if (key === 'Backspace') {
      const backspace = { key, code: key, windowsVirtualKeyCode: 8 };
      await this.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...backspace });
      await this.send('Input.dispatchKeyEvent', { type: 'keyUp', ...backspace });
      return;
    }
    if (key.length !== 1) throw new Error(`unsupported key ${key}`);
    const code = /[0-9]/.test(key) ? `Digit${key}` : `Key${key.toUpperCase()}`;
    const event = { key, code, windowsVirtualKeyCode: key.toUpperCase().charCodeAt(0) };
    await this.send('Input.dispatchKeyEvent', { type: 'keyDown', text: key, ...event });
    await this.send('Input.dispatchKeyEvent', { type: 'keyUp', ...event });
  }

  /** Runs `fn(arg)` at the start of every document this tab loads from now on, before the page's scripts. */
  async addInitScript<A>(fn: (arg: A) => void, arg?: A): Promise<void> {
    const source = `(() => { const __name = (f) => f; (${fn.toString()})(${JSON.stringify(arg ?? null)}); })()`;
    await this.send('Page.addScriptToEvaluateOnNewDocument', { source });
  }

  /**
   * How far this page's wall clock (performance.timeOrigin + now()) is ahead of Node's Date.now(), the
   * emulator's clock, from the quickest of a few round trips. Both read the same system clock, so it stays
   * within about a millisecond; it is measured, not assumed, because cold start compares the two.
   */
  async clockSkew(samples = 10): Promise<{ skew: number; roundTrip: number }> {
    let best = { skew: 0, roundTrip: Number.POSITIVE_INFINITY };
    for (let i = 0; i < samples; i++) {
      const before = Date.now();
      const page = await this.evaluate(() => performance.timeOrigin + performance.now());
      const after = Date.now();
      if (after - before < best.roundTrip)
        best = { skew: page - (before + after) / 2, roundTrip: after - before };
    }
    return best;
  }

  bringToFront(): Promise<unknown> {
    return this.send('Page.bringToFront');
  }

  close(): Promise<unknown> {
    return this.cdp.send('Target.closeTarget', { targetId: this.targetId });
  }
}

export class BenchBrowser {
  /** Every target the browser reported, kept current by discovery events (no attaching). */
  readonly targets = new Map<string, TargetInfo>();
  extensionId = '';

  private constructor(
    readonly cdp: Cdp,
    private readonly profileDir: string,
  ) {
    const track = (params: Record<string, unknown>) => {
      const info = params.targetInfo as TargetInfo;
      this.targets.set(info.targetId, info);
    };
    cdp.on('Target.targetCreated', track);
    cdp.on('Target.targetInfoChanged', track);
    cdp.on('Target.targetDestroyed', (params) => this.targets.delete(params.targetId as string));
  }

  static async launch(extensionDir: string, trustSpki: string[]): Promise<BenchBrowser> {
    const profileDir = mkdtempSync(join(tmpdir(), 'wml-bench-'));
    const cdp = Cdp.launch(CHROMIUM, [
      ...chromiumArgs(extensionDir, trustSpki),
      '--headless',
      `--user-data-dir=${profileDir}`,
      '--window-size=1000,700',
      'about:blank',
    ]);
    const browser = new BenchBrowser(cdp, profileDir);
    try {
      await cdp.send('Target.setDiscoverTargets', { discover: true });
      const worker = await waitUntil(
        () =>
          [...browser.targets.values()].find(
            (t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'),
          ),
        TIMEOUT_MS,
        'the extension service worker',
      );
      browser.extensionId = new URL(worker.url).host;
      return browser;
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  extensionUrl(path: string): string {
    return `chrome-extension://${this.extensionId}/${path}`;
  }

  /** Attaches to an existing target (a tab someone else opened). */
  async attach(targetId: string): Promise<Tab> {
    const { sessionId } = await this.cdp.send<{ sessionId: string }>('Target.attachToTarget', {
      targetId,
      flatten: true,
    });
    return new Tab(this.cdp, targetId, sessionId);
  }

  /** A new tab at `url`, attached, after its `load` event; `setup` runs before the navigation. */
  async open(url: string, setup?: (tab: Tab) => Promise<void>): Promise<Tab> {
    const { targetId } = await this.cdp.send<{ targetId: string }>('Target.createTarget', {
      url: 'about:blank',
    });
    const tab = await this.attach(targetId);
    await tab.send('Page.enable');
    await setup?.(tab);
    await tab.goto(url);
    return tab;
  }

  /** The first page target whose URL matches, once there is one. */
  waitForPage(match: RegExp, timeoutMs = TIMEOUT_MS): Promise<TargetInfo> {
    return waitUntil(
      () => [...this.targets.values()].find((t) => t.type === 'page' && match.test(t.url)),
      timeoutMs,
      `a tab at ${match}`,
    );
  }

  async close(): Promise<void> {
    await this.cdp.close();
    rmSync(this.profileDir, { recursive: true, force: true });
  }
}

/** Polls `probe` every 5 ms until it returns something. */
export async function waitUntil<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 5));
  }
}
