import browser from 'webextension-polyfill';

/** How long a failure is kept for the fetch that caused it to look up. */
const KEEP_MS = 10_000;
/** The failure event and fetch's rejection race each other; wait this long for the event. */
const WAIT_MS = 500;

const failures = new Map<string, { error: string; at: number }>();

/**
 * Records why the worker's own requests failed (certificate, DNS, refused…), which `fetch` itself hides.
 * Registered at the top level so that it is in place before the first request of a fresh worker.
 */
export function registerNetworkErrors(): void {
  browser.webRequest.onErrorOccurred.addListener(
    (details) => {
      // Only the worker's requests (no tab): page loads are none of our business.
      if (details.tabId !== -1) return;
      const now = Date.now();
      for (const [url, failure] of failures) if (now - failure.at > KEEP_MS) failures.delete(url);
      failures.set(details.url, { error: details.error, at: now });
    },
    { urls: ['https://*/*'] },
  );
}

/** The browser's name for the failure of a request to `url`, if it reports one in time. */
export async function explainNetworkError(url: string): Promise<string | undefined> {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const failure = failures.get(url);
    if (failure) {
      failures.delete(url);
      return failure.error;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return undefined;
}
