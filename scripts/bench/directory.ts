// The WHM directory: a root token on a server of 1,000 accounts × 10 mailboxes, 25 ms per request. How long
// the worker takes to list every mailbox, and the most requests it had in flight at once (at most 6).
import { makeWorld, ROOT_TOKEN, type RunningEmulator } from '../../test/emulator';
import type { Tab } from './browser';
import type { Row } from './report';
import { BENCH_HOST, log, sendFromPage, sleep } from './setup';
import { summarize } from './stats';
export const DIRECTORY_ACCOUNTS = 1_000;
export const DIRECTORY_MAILBOXES = 10;
export const DIRECTORY_LATENCY_MS = 25;

export interface DirectoryResult {
  /** Milliseconds from the first mailboxes.list to a complete directory, one per run. */
  complete: number[];
  /** The most requests the server had at once, one per run. */
  maxInFlight: number[];
}

interface Status {
  running: boolean;
  done: number;
  total: number;
}

/**
 * Builds the directory `runs` times, each time for a newly saved account (nothing cached). The bench's
 * emulator (whose certificate the browser trusts) holds the world meanwhile, instead of its own accounts.
 */
export async function measureDirectory(
  emulator: RunningEmulator,
  control: Tab,
  runs: number,
): Promise<DirectoryResult> {
  const world = makeWorld({ accounts: DIRECTORY_ACCOUNTS, mailboxes: DIRECTORY_MAILBOXES });
  const own = emulator.fixture.accounts.splice(0, Infinity, ...world.accounts);
  const result: DirectoryResult = { complete: [], maxInFlight: [] };
  try {
    for (let run = 0; run < runs; run++) {
      log(`directory run ${run + 1} of ${runs}`);
      emulator.setLatency(0);
      const saved = await sendFromPage(control, {
        type: 'account.save',
        account: {
          kind: 'whm',
          host: BENCH_HOST,
          username: 'root',
          token: ROOT_TOKEN,
          label: 'Directory',
        },
      });
      const accountId = String(saved.id);
      emulator.setLatency(DIRECTORY_LATENCY_MS);
      emulator.load.reset();
      const started = performance.now();
      await sendFromPage(control, { type: 'mailboxes.list', accountId });
      for (;;) {
        const reply = await sendFromPage(control, { type: 'directory.status' });
        const status = (reply.statuses as (Status & { accountId: string })[]).find(
          (candidate) => candidate.accountId === accountId,
        );
        if (status && !status.running && status.total > 0) break;
        await sleep(20);
      }
      result.complete.push(performance.now() - started);
      result.maxInFlight.push(emulator.load.maxInFlight);
      await sendFromPage(control, { type: 'account.remove', id: accountId });
    }
  } finally {
    emulator.setLatency(0);
    emulator.fixture.accounts.splice(0, Infinity, ...own);
  }
  return result;
}

export function directoryRows(result: DirectoryResult): Row[] {
  const summary = summarize(result.complete);
  const world = `${DIRECTORY_ACCOUNTS.toLocaleString('en-US')} accounts × ${DIRECTORY_MAILBOXES} mailboxes, ${DIRECTORY_LATENCY_MS} ms per request`;
  return [
    { metric: `WHM directory complete, ${world}`, unit: 'ms', summary, value: summary.p50 },
    {
      metric: 'WHM directory, most requests in flight',
      unit: 'count',
      value: Math.max(...result.maxInFlight),
      target: 6,
    },
  ];
}
