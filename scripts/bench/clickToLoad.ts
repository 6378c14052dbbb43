// Click → Webmail `load`: the extension path against the floor, alternating A B A B in one browser.
//
// A (extension): a trusted click on the popup's own Webmail button → message → worker: UAPI request and
//   the launch tab in parallel → the launch page claims the login → form POST → 302 → Webmail `load`.
// B (floor): a plain page on the account's own cPanel origin (https://HOST:2083/, so the API call is
//   same-origin and needs no CORS) gets the same trusted click, makes the same UAPI request with the same
//   Authorization header, and submits the same form into a new tab (target=_blank) → 302 → Webmail `load`.
//   Both end in a new tab, as the product must; what A adds is the message, the worker, the launch page
//   and its claim.
//
// Both ends are read from the browser's own clocks: the click event's timeStamp in the clicked page and
// timeOrigin + loadEventStart in the Webmail document, both on the wall-clock scale of
// performance.timeOrigin, so no CDP round trip sits inside the interval.
import type { RunningEmulator } from '../../test/emulator';
import type { BenchBrowser, Tab } from './browser';
import { sleep } from './setup';
import { type Trace, traceWhile } from './trace';

const WEBMAIL_URL = /\/cpsess\d{10}\/webmail\/jupiter\/index\.html$/;
export const SELF_SESSION_PATH = '/execute/Session/create_webmail_session_for_self';
/** Lets the closed tab's renderer exit before the next sample, so it does not compete for the 2 cores. */
const SETTLE_MS = 150;

export interface LaunchSample {
  /** click → Webmail load event. */
  total: number;
  /** click → the emulator received the UAPI request. */
  api: number;
  /** click → the emulator received the login POST. */
  post: number;
}

export interface ClickToLoadResult {
  extension: LaunchSample[];
  floor: LaunchSample[];
  /** The UAPI request both paths made (path and query), as the emulator received it. */
  request: string;
  traces?: { extension: Trace; floor: Trace };
}

/** Remembers every click's time in the page, in the wall-clock scale of performance.timeOrigin. */
function recordClicks(tab: Tab): Promise<void> {
  return tab.evaluate(() => {
    const clicks: number[] = [];
    (globalThis as { __benchClicks?: number[] }).__benchClicks = clicks;
    document.addEventListener('click', (event) => clicks.push(performance.timeOrigin + event.timeStamp), {
      capture: true,
    });
  });
}

function lastClick(tab: Tab): Promise<number> {
  return tab.evaluate(() => {
    const clicks = (globalThis as { __benchClicks?: number[] }).__benchClicks ?? [];
    const last = clicks[clicks.length - 1];
    if (last === undefined) throw new Error('no click recorded');
    return last;
  });
}

/** Waits for a tab to reach Webmail, then reads its load event's time; the tab is closed afterwards. */
async function webmailLoad(browser: BenchBrowser): Promise<number> {
  const target = await browser.waitForPage(WEBMAIL_URL);
  // Attached only after the commit, so nothing holds the navigation itself.
  const tab = await browser.attach(target.targetId);
  try {
    return await tab.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const deadline = performance.now() + 15_000;
          const poll = () => {
            const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
            const user = document.querySelector('[data-testid=signed-in-user]')?.textContent;
            if (navigation && navigation.loadEventStart > 0) {
              if (user !== 'demo') reject(new Error(`Webmail opened for ${user}, not demo`));
              else resolve(performance.timeOrigin + navigation.loadEventStart);
            } else if (performance.now() > deadline) reject(new Error('Webmail did not load'));
            else setTimeout(poll, 5);
          };
          poll();
        }),
    );
  } finally {
    await tab.close();
  }
}

async function sample(
  browser: BenchBrowser,
  emulator: RunningEmulator,
  tab: Tab,
  selector: string,
  skew: number,
): Promise<LaunchSample> {
  await tab.bringToFront();
  await sleep(SETTLE_MS);
  const from = emulator.requests.length;
  await tab.click(selector);
  const loadAt = await webmailLoad(browser);
  const clickAt = await lastClick(tab);
  const fresh = emulator.requests.slice(from);
  const api = fresh.find((request) => request.path.startsWith(SELF_SESSION_PATH));
  const post = fresh.find((request) => request.method === 'POST' && request.path.endsWith('/login'));
  if (!api || !post) throw new Error('the launch did not reach the emulator as expected');
  // The emulator stamps requests with Node's clock: move them onto the page's.
  return { total: loadAt - clickAt, api: api.at + skew - clickAt, post: post.at + skew - clickAt };
}

/** The floor's page: the cPanel origin, with a button doing what the extension does, minus the extension. */
async function floorPage(
  browser: BenchBrowser,
  host: string,
  apiRequest: string,
  authorization: string,
): Promise<Tab> {
  const tab = await browser.open(`https://${host}:2083/`);
  await tab.evaluate(
    ({ apiRequest, authorization }) => {
      const button = document.createElement('button');
      button.id = 'bench-open';
      button.textContent = 'Webmail';
      button.addEventListener('click', async () => {
        // The same request the worker makes (transport.ts): token header, no cookies, no cache.
        const response = await fetch(apiRequest, {
          headers: { Authorization: authorization, Accept: 'application/json' },
          credentials: 'omit',
          cache: 'no-store',
          redirect: 'manual',
        });
        const { data } = (await response.json()) as {
          data: { hostname: string | null; token: string; session: string };
        };
        const form = document.createElement('form');
        form.method = 'POST';
        form.action = `https://${data.hostname || location.hostname}:2096${data.token}/login`;
        form.target = '_blank';
        const field = document.createElement('input');
        field.type = 'hidden';
        field.name = 'session';
        field.value = data.session;
        form.append(field);
        document.body.append(form);
        form.submit();
        form.remove();
      });
      document.body.prepend(button);
    },
    { apiRequest, authorization },
  );
  await recordClicks(tab);
  return tab;
}

export async function measureClickToLoad(
  browser: BenchBrowser,
  emulator: RunningEmulator,
  options: {
    /** The account's server: the emulator itself, or the latency relay in front of it. */
    host: string;
    pairs: number;
    warmup: number;
    authorization: string;
    trace: boolean;
  },
): Promise<ClickToLoadResult> {
  const popup = await browser.open(browser.extensionUrl('src/popup/index.html'));
  await popup.waitForSelector('[data-testid=open-webmail]');
  await recordClicks(popup);
  const popupSkew = (await popup.clockSkew()).skew;
  const extension = () => sample(browser, emulator, popup, '[data-testid=open-webmail]', popupSkew);

  // The first extension launch tells the floor exactly which request to repeat (locale included).
  const from = emulator.requests.length;
  await extension();
  const apiRequest = emulator.requests.slice(from).find((r) => r.path.startsWith(SELF_SESSION_PATH))?.path;
  if (!apiRequest) throw new Error('the extension made no create_webmail_session_for_self request');
  const floor = await floorPage(browser, options.host, apiRequest, options.authorization);
  const floorSkew = (await floor.clockSkew()).skew;
  const plain = () => sample(browser, emulator, floor, '#bench-open', floorSkew);

  const result: ClickToLoadResult = { extension: [], floor: [], request: apiRequest };
  for (let i = 0; i < options.warmup + options.pairs; i++) {
    const a = await extension();
    const b = await plain();
    if (i < options.warmup) continue;
    result.extension.push(a);
    result.floor.push(b);
  }
  if (options.trace) {
    result.traces = {
      extension: await traceWhile(browser.cdp, extension),
      floor: await traceWhile(browser.cdp, plain),
    };
  }
  await Promise.all([popup.close(), floor.close()]);
  return result;
}
