// Click → Webmail `load`: the extension's paths against two floors, alternating A B C D in one browser.
//
// A (extension, unprepared): a trusted click on the popup's own Webmail button → message → worker: UAPI
//   request and the launch tab in parallel → the launch page claims the login → form POST → 302 → Webmail.
// B (extension, prepared): the same click after `webmail.prepare` made the session (as the popup does while
//   the pointer rests on a row): the worker only opens the launch tab, which claims and posts.
// C (floor): a plain page on the account's own cPanel origin (https://HOST:2083/, so the API call is
//   same-origin and needs no CORS) gets the same trusted click, opens a new tab, then makes the same UAPI
//   request with the same Authorization header and posts the same form into that tab, one after the other:
//   what a launcher without the extension's parallelism would do. The ratios are against this floor.
// D (plain floor, reference): the same page making the request first and then submitting the form into a
//   new tab (target=_blank), so the tab's creation rides on the navigation itself.
//   All end in a new tab, as the product must.
//
// Both ends are read from the browser's own clocks: the click event's timeStamp in the clicked page and
// timeOrigin + loadEventStart in the Webmail document, both on the wall-clock scale of
// performance.timeOrigin, so no CDP round trip sits inside the interval.
import type { RunningEmulator } from '../../test/emulator';
import { type BenchBrowser, type Tab, waitUntil } from './browser';
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

export const PATHS = ['extension', 'prepared', 'floor', 'plainFloor'] as const;
export type LaunchPath = (typeof PATHS)[number];

export type ClickToLoadResult = Record<LaunchPath, LaunchSample[]> & {
  /** The UAPI request every path made (path and query), as the emulator received it. */
  request: string;
  traces?: Partial<Record<LaunchPath, Trace>>;
};

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
  /** Whether the click itself must make the API call (false: a prepared session stands in for it). */
  callsApi = true,
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
  if (post && callsApi && api === undefined) throw new PreparedMeanwhile();
  if (!post || (api !== undefined) !== callsApi) {
    throw new Error('the launch did not reach the emulator as expected');
  }
  // The emulator stamps requests with Node's clock: move them onto the page's.
  return {
    total: loadAt - clickAt,
    api: api ? api.at + skew - clickAt : Number.NaN,
    post: post.at + skew - clickAt,
  };
}

/**
 * An unprepared click that found a session ready: the popup prepares its own Webmail again when the
 * accounts or the policy cache change, which can happen between two samples. Not a sample; it is redone.
 */
class PreparedMeanwhile extends Error {}

/** Runs an unprepared sample again (a few times at most) when a session was prepared in between. */
async function unprepared(take: () => Promise<LaunchSample>): Promise<LaunchSample> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await take();
    } catch (error) {
      if (!(error instanceof PreparedMeanwhile) || attempt >= 3) throw error;
    }
  }
}

/** Has the worker make the popup's own-Webmail session now, and waits until it has it. */
async function prepareOwnWebmail(tab: Tab, accountId: string): Promise<void> {
  const reply = await tab.evaluate(
    (id) => chrome.runtime.sendMessage({ type: 'webmail.prepare', accountId: id }),
    accountId,
  );
  if (!(reply as { ok?: boolean } | undefined)?.ok)
    throw new Error(`webmail.prepare failed: ${JSON.stringify(reply)}`);
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
      let opened = 0;
      const open = async (newTabFirst: boolean) => {
        // The floor opens its tab first and only then asks the server; the plain floor lets the form open it.
        const target = newTabFirst ? `bench-floor-${++opened}` : '_blank';
        if (newTabFirst) window.open('about:blank', target);
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
        form.target = target;
        const field = document.createElement('input');
        field.type = 'hidden';
        field.name = 'session';
        field.value = data.session;
        form.append(field);
        document.body.append(form);
        form.submit();
        form.remove();
      };
      for (const [id, newTabFirst] of [
        ['bench-open', true],
        ['bench-open-plain', false],
      ] as const) {
        const button = document.createElement('button');
        button.id = id;
        button.textContent = 'Webmail';
        button.addEventListener('click', () => void open(newTabFirst));
        document.body.prepend(button);
      }
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
    accountId: string;
    trace: boolean;
  },
): Promise<ClickToLoadResult> {
  const from = emulator.requests.length;
  const popup = await browser.open(browser.extensionUrl('src/popup/index.html'));
  await popup.waitForSelector('[data-testid=open-webmail]');
  await recordClicks(popup);
  const popupSkew = (await popup.clockSkew()).skew;
  // The popup of a single account prepares its own Webmail as it opens: that request, locale included, is
  // the one every path repeats.
  const prepared = await waitUntil(
    () => emulator.requests.slice(from).find((r) => r.path.startsWith(SELF_SESSION_PATH)),
    15_000,
    'the popup to prepare the own Webmail',
  );
  const OWN = '[data-testid=open-webmail]';
  // The first launch uses up what the popup prepared; it is a warm-up, not a sample.
  await sample(browser, emulator, popup, OWN, popupSkew, false);
  const floor = await floorPage(browser, options.host, prepared.path, options.authorization);
  const floorSkew = (await floor.clockSkew()).skew;
  const run: Record<LaunchPath, () => Promise<LaunchSample>> = {
    extension: () => unprepared(() => sample(browser, emulator, popup, OWN, popupSkew)),
    prepared: async () => {
      await prepareOwnWebmail(popup, options.accountId);
      return sample(browser, emulator, popup, OWN, popupSkew, false);
    },
    floor: () => sample(browser, emulator, floor, '#bench-open', floorSkew),
    plainFloor: () => sample(browser, emulator, floor, '#bench-open-plain', floorSkew),
  };

  const result: ClickToLoadResult = {
    extension: [],
    prepared: [],
    floor: [],
    plainFloor: [],
    request: prepared.path,
  };
  for (let i = 0; i < options.warmup + options.pairs; i++) {
    for (const path of PATHS) {
      const measured = await run[path]();
      if (i >= options.warmup) result[path].push(measured);
    }
  }
  if (options.trace) {
    result.traces = {};
    for (const path of PATHS) {
      // The prepare is made before the trace starts: the trace shows the click alone.
      if (path === 'prepared') await prepareOwnWebmail(popup, options.accountId);
      const click =
        path === 'prepared' ? () => sample(browser, emulator, popup, OWN, popupSkew, false) : run[path];
      result.traces[path] = await traceWhile(browser.cdp, click);
    }
  }
  await Promise.all([popup.close(), floor.close()]);
  return result;
}
