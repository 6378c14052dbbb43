// What every browser measurement shares: the bench build, the emulator's fixture, accounts saved through
// the worker's message contract, and small in-page helpers.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  cloneFixture,
  demoFixture,
  type Fixture,
  MAILBOX_PASSWORD,
  makeMailboxes,
} from '../../test/emulator';
import type { Tab } from './browser';

/** The emulator's address for benchmarks (tests use 127.0.0.10–39; 40–44 are the bench's). */
export const BENCH_HOST = '127.0.0.40';
/** The latency relay in front of it: the same server, 50 ms round trip away. */
export const FAR_HOST = '127.0.0.41';
export const FAR_ONE_WAY_MS = 25;
/** Two more servers (the same emulator on more addresses), for the popup with 100,000 mailboxes. */
export const EXTRA_HOSTS = ['127.0.0.42', '127.0.0.43'];
/** What a real cpsrvd takes to answer a session call (it starts a process for each: 0.1–0.5 s). */
export const SESSION_THINK_MS = 150;

/**
 * The test-mode build (loopback origins pre-granted), written to its own directory so an `npm test`
 * running meanwhile cannot rebuild it under the browser's feet.
 */
export const BENCH_BUILD = resolve('dist/chrome-bench');
export const BLANK_PAGE = 'bench-blank.html';

export const BULK_USER = 'bulk';
export const BULK_TOKEN = 'BULKAPITOKEN00000000000000000000';
export const BULK_MAILBOXES = 10_000;

export function log(message: string): void {
  console.log(`[bench] ${message}`);
}

export function build(args: string[], label: string): void {
  log(`building ${label}`);
  try {
    execFileSync('npx', ['vite', 'build', ...args, '--logLevel', 'warn'], { stdio: 'inherit' });
  } catch {
    // Vite has printed why; a stack trace of execFileSync would only bury it.
    throw new BuildError(`vite build ${args.join(' ')} failed`);
  }
}

export class BuildError extends Error {}

/**
 * The bench build (kept as it is with `rebuild` false), plus an empty static page: the baseline for "popup
 * ready". The page is written into the bench build only, so the store build never ships it.
 */
export function buildForBrowser(rebuild: boolean): void {
  if (rebuild) {
    build(
      ['--mode', 'test', '--outDir', BENCH_BUILD, '--emptyOutDir'],
      'the test build into dist/chrome-bench',
    );
  } else if (!existsSync(resolve(BENCH_BUILD, 'manifest.json'))) {
    throw new Error(`${BENCH_BUILD} does not exist: run the bench once without --no-build`);
  }
  writeFileSync(
    resolve(BENCH_BUILD, BLANK_PAGE),
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Blank</title></head><body></body></html>\n',
  );
}

/**
 * Ten accounts of 10,000 mailboxes each (box00001@bulk.test …, box00001@bulk2.test …): the first on the
 * bench's own address, the others spread over it and EXTRA_HOSTS, as accounts on three servers.
 */
export function bulkAccounts(): { user: string; token: string; domain: string; host: string }[] {
  const hosts = [BENCH_HOST, ...EXTRA_HOSTS];
  return Array.from({ length: 10 }, (_, i) => ({
    user: i === 0 ? BULK_USER : `${BULK_USER}${i + 1}`,
    token: i === 0 ? BULK_TOKEN : `BULK${i + 1}APITOKEN`.padEnd(32, '0'),
    domain: i === 0 ? 'bulk.test' : `bulk${i + 1}.test`,
    host: hosts[i % hosts.length] as string,
  }));
}

/** The demo server plus the bulk accounts of 10,000 mailboxes each. */
export function benchFixture(): Fixture {
  const fixture = cloneFixture(demoFixture);
  for (const { user, token, domain } of bulkAccounts()) {
    fixture.accounts.push({
      user,
      password: 'Bulk-pass-1',
      tokens: [token],
      mainDomain: domain,
      mailboxes: makeMailboxes(domain, BULK_MAILBOXES, MAILBOX_PASSWORD),
      locale: 'en',
    });
  }
  return fixture;
}

interface Reply {
  ok: boolean;
  error?: { code: string; message: string };
  [key: string]: unknown;
}

/** One request of the worker's message contract, sent from an extension page; fails on `ok: false`. */
export async function sendFromPage(tab: Tab, message: Record<string, unknown>): Promise<Reply> {
  const reply = await tab.evaluate(
    (request) => chrome.runtime.sendMessage(request) as Promise<Reply>,
    message,
  );
  if (!reply?.ok) throw new Error(`${String(message.type)} failed: ${JSON.stringify(reply?.error)}`);
  return reply;
}

/** Saves a cPanel account through `account.save` (the contract, not the options page's markup). */
export async function saveAccount(
  tab: Tab,
  username: string,
  token: string,
  host = BENCH_HOST,
): Promise<string> {
  const reply = await sendFromPage(tab, {
    type: 'account.save',
    account: { kind: 'cpanel', host, username, token, label: username },
  });
  return String(reply.id);
}

export async function removeAccount(tab: Tab, id: string): Promise<void> {
  await sendFromPage(tab, { type: 'account.remove', id });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/** A positive integer from the environment (e.g. BENCH_PAIRS), else the default. */
export function envCount(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}
