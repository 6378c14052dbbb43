// Worker cold start → first API request on the wire. The worker is stopped through CDP
// (ServiceWorker.stopAllWorkers), then an extension page sends `webmail.open`, which wakes it: the interval
// runs from the send (the page's clock) to the emulator receiving the UAPI request (Node's clock, moved onto
// the page's by the measured skew). The same with the worker already running gives the warm reference.
import type { RunningEmulator } from '../../test/emulator';
import { type BenchBrowser, type Tab, waitUntil } from './browser';
import { SELF_SESSION_PATH } from './clickToLoad';
import { sleep } from './setup';

export interface ColdStartResult {
  cold: number[];
  warm: number[];
  /** The page clock's lead over Node's, already taken out of the figures above. */
  skew: number;
}

type Status = 'stopped' | 'starting' | 'running' | 'stopping';

/**
 * Stops the extension's worker as Chrome does when it is idle, and returns once it has stopped and its
 * shutdown has settled: the next extension event starts a fresh one.
 */
export async function stopWorker(tab: Tab, status: () => Status | undefined): Promise<void> {
  // A stop asked for while the worker still finishes an event can be dropped: ask again until it holds.
  for (let attempt = 0; ; attempt++) {
    await tab.send('ServiceWorker.stopAllWorkers');
    try {
      await waitUntil(() => (status() === 'stopped' ? true : undefined), 2_000, 'the worker to stop');
      break;
    } catch (error) {
      if (attempt === 9) throw error;
    }
  }
  await sleep(200);
}

/** The extension worker's running status, as ServiceWorker.workerVersionUpdated reports it. */
export function trackWorker(tab: Tab, extensionId: string): () => Status | undefined {
  let status: Status | undefined;
  tab.cdp.on('ServiceWorker.workerVersionUpdated', (params, sessionId) => {
    if (sessionId !== tab.sessionId) return;
    for (const version of params.versions as { scriptURL: string; runningStatus: Status }[]) {
      if (version.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) status = version.runningStatus;
    }
  });
  return () => status;
}

/** Sends `webmail.open` from the page and returns the send time (page clock); the reply is kept. */
function sendOpen(tab: Tab, accountId: string): Promise<number> {
  return tab.evaluate((id) => {
    const at = performance.timeOrigin + performance.now();
    (globalThis as { __benchReply?: Promise<unknown> }).__benchReply = chrome.runtime.sendMessage({
      type: 'webmail.open',
      accountId: id,
    });
    return at;
  }, accountId);
}

async function sample(
  browser: BenchBrowser,
  emulator: RunningEmulator,
  tab: Tab,
  accountId: string,
  skew: number,
): Promise<number> {
  const from = emulator.requests.length;
  const sentAt = await sendOpen(tab, accountId);
  const request = await waitUntil(
    () => emulator.requests.slice(from).find((r) => r.path.startsWith(SELF_SESSION_PATH)),
    15_000,
    'the UAPI request',
  );
  const reply = await tab.evaluate(() => (globalThis as { __benchReply?: Promise<unknown> }).__benchReply);
  if (!(reply as { ok?: boolean } | undefined)?.ok)
    throw new Error(`webmail.open failed: ${JSON.stringify(reply)}`);
  // Close the Webmail tab the launch opened, once it got there, so tabs do not pile up.
  const target = await browser.waitForPage(/\/cpsess\d{10}\//);
  await browser.cdp.send('Target.closeTarget', { targetId: target.targetId });
  return request.at + skew - sentAt;
}

export async function measureColdStart(
  browser: BenchBrowser,
  emulator: RunningEmulator,
  tab: Tab,
  options: { accountId: string; samples: number },
): Promise<ColdStartResult> {
  const status = trackWorker(tab, browser.extensionId);
  await tab.send('ServiceWorker.enable');
  const { skew } = await tab.clockSkew();
  const result: ColdStartResult = { cold: [], warm: [], skew };
  // One warm launch first, so both series start with the connection and the caches in the same state.
  await sample(browser, emulator, tab, options.accountId, skew);
  for (let i = 0; i < options.samples; i++) {
    await sleep(300);
    result.warm.push(await sample(browser, emulator, tab, options.accountId, skew));
    await sleep(300);
    await stopWorker(tab, status);
    result.cold.push(await sample(browser, emulator, tab, options.accountId, skew));
  }
  return result;
}
