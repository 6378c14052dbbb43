// The popup with 10,000 cached mailboxes: how soon its rows are on screen, against an empty static
// extension page, and how long one keystroke in the search box takes to filter and re-render the list.
import type { BenchBrowser, Tab } from './browser';
import { stopWorker, trackWorker } from './coldStart';
import { BLANK_PAGE, sleep } from './setup';

const POPUP = 'src/popup/index.html';
const ROW = '[data-testid=mailbox]';
const SEARCH = '[data-testid=search]';
const LIST = '[data-testid=mailbox-list]';

export interface PopupResult {
  /** Navigation start → the frame that shows the first mailbox rows has been rendered. */
  popup: number[];
  /** Navigation start → the frame after the blank page's `load` has been rendered. */
  blank: number[];
  /** Key down → the list re-rendered and laid out. */
  keystrokes: number[];
  /** The same from the input event: the app's share, without the browser's text editing before it. */
  keystrokesFromInput: number[];
  /** The mailbox count the popup reported ("Showing 100 of N"). */
  total: number;
  /** The same as `popup`, each load with the worker stopped first (when asked for). */
  popupWorkerStopped?: number[];
}

/**
 * Installed before the page's own scripts: once `ready` holds (first row in the DOM, or `load`), waits for
 * the next frame and then for the task after it, i.e. until that frame's style, layout and paint are done
 * on the main thread, and stores the time since navigation start.
 */
function readyProbe(kind: 'rows' | 'load'): void {
  const done = () =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        (globalThis as { __benchReady?: number }).__benchReady = performance.now();
      };
      channel.port2.postMessage(null);
    });
  if (kind === 'load') {
    addEventListener('load', done, { once: true });
    return;
  }
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[data-testid=mailbox]')) return;
    observer.disconnect();
    done();
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** Opens `path` in a fresh tab with the probe installed and returns the page's "ready" time. */
export async function timeToReady(
  browser: BenchBrowser,
  path: string,
  kind: 'rows' | 'load',
): Promise<number> {
  const tab = await browser.open(browser.extensionUrl(path), (fresh) =>
    fresh.addInitScript(readyProbe, kind),
  );
  try {
    return await tab.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const deadline = performance.now() + 15_000;
          const poll = () => {
            const ready = (globalThis as { __benchReady?: number }).__benchReady;
            if (ready !== undefined) resolve(ready);
            else if (performance.now() > deadline) reject(new Error('the page never became ready'));
            else setTimeout(poll, 10);
          };
          poll();
        }),
    );
  } finally {
    await tab.close();
  }
}

/** Opens the popup once and waits for its rows: the worker fetches the list and fills the cache. */
export async function fillMailboxCache(browser: BenchBrowser, expected: number): Promise<number> {
  const tab = await browser.open(browser.extensionUrl(POPUP));
  try {
    await tab.waitForSelector(ROW, 30_000);
    // Several accounts arrive one by one: wait until every list is in.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const total = await tab.evaluate(() => {
        const more = document.querySelector('[data-testid=more]')?.textContent ?? '';
        return Number(/of ([\d,]+)/.exec(more)?.[1]?.replaceAll(',', '') ?? Number.NaN);
      });
      if (total >= expected) return total;
      if (Date.now() > deadline) throw new Error(`the popup shows ${total} mailboxes, expected ${expected}`);
      await sleep(200);
    }
  } finally {
    await tab.close();
  }
}

/**
 * Types a digit into the empty search box and then Backspace, `rounds` times: every keystroke re-filters
 * all cached mailboxes and replaces the rendered rows. Each is timed in the page from the keydown's own
 * timestamp to the task after the input event, i.e. after Preact's re-render (a microtask) has run, with a
 * forced layout so the new rows' style and layout count too.
 */
async function keystrokes(tab: Tab, rounds: number): Promise<{ fromKeyDown: number[]; fromInput: number[] }> {
  await tab.bringToFront();
  await tab.evaluate((search) => {
    const samples = { fromKeyDown: [] as number[], fromInput: [] as number[] };
    let keyDownAt = 0;
    (globalThis as { __benchKeys?: typeof samples }).__benchKeys = samples;
    document.addEventListener('keydown', (event) => (keyDownAt = event.timeStamp), { capture: true });
    document.addEventListener(
      'input',
      (event) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          document.body.getBoundingClientRect();
          const now = performance.now();
          samples.fromKeyDown.push(now - keyDownAt);
          samples.fromInput.push(now - event.timeStamp);
        };
        channel.port2.postMessage(null);
      },
      { capture: true },
    );
    (document.querySelector(search) as HTMLInputElement).focus();
  }, SEARCH);
  for (let i = 0; i < rounds; i++) {
    await tab.press(String((i % 9) + 1));
    await sleep(50);
    await tab.press('Backspace');
    await sleep(50);
  }
  const samples = await tab.evaluate(
    () => (globalThis as { __benchKeys?: { fromKeyDown: number[]; fromInput: number[] } }).__benchKeys,
  );
  const timed = samples?.fromKeyDown.length ?? 0;
  if (!samples || timed !== rounds * 2) throw new Error(`timed ${timed} keystrokes of ${rounds * 2}`);
  return samples;
}

/**
 * The popup opened after the worker stopped, as it is after half a minute without use: the worker starts,
 * reads the cached lists back from storage, and only then can it answer.
 */
async function afterWorkerStops(browser: BenchBrowser, control: Tab, loads: number): Promise<number[]> {
  const status = trackWorker(control, browser.extensionId);
  await control.send('ServiceWorker.enable');
  const samples: number[] = [];
  for (let i = 0; i < loads; i++) {
    await stopWorker(control, status);
    samples.push(await timeToReady(browser, POPUP, 'rows'));
  }
  await control.send('ServiceWorker.disable');
  return samples;
}

export async function measurePopup(
  browser: BenchBrowser,
  options: {
    loads: number;
    warmup: number;
    keystrokeRounds: number;
    total: number;
    /** An extension page to stop the worker from: then every load is also timed after a stop. */
    control?: Tab;
  },
): Promise<PopupResult> {
  const result: PopupResult = {
    popup: [],
    blank: [],
    keystrokes: [],
    keystrokesFromInput: [],
    total: options.total,
  };
  for (let i = 0; i < options.warmup + options.loads; i++) {
    const popup = await timeToReady(browser, POPUP, 'rows');
    const blank = await timeToReady(browser, BLANK_PAGE, 'load');
    if (i < options.warmup) continue;
    result.popup.push(popup);
    result.blank.push(blank);
  }
  if (options.control)
    result.popupWorkerStopped = await afterWorkerStops(browser, options.control, options.loads);
  const tab = await browser.open(browser.extensionUrl(POPUP));
  try {
    // Keystrokes once every list is in: the first rows come before the lists are read.
    await tab.waitForSelector(`${LIST}[aria-busy=false]`);
    const timed = await keystrokes(tab, options.keystrokeRounds);
    result.keystrokes = timed.fromKeyDown;
    result.keystrokesFromInput = timed.fromInput;
  } finally {
    await tab.close();
  }
  return result;
}
