// The size cap against the emulator over real HTTPS: a 64 MB answer is cut off early, and the next call on
// the same client answers normally.
import { request } from 'node:https';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Credentials } from '../../../src/cpanel/credentials';
import { listMailboxes } from '../../../src/cpanel/email';
import { createWebmailSessionForSelf } from '../../../src/cpanel/session';
import { DEMO_TOKEN, type RunningEmulator, startEmulator } from '../../emulator/index';

const ADDRESS = '127.0.0.231';
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ address: ADDRESS });
});
afterAll(() => emu?.close());

/** A fetch that streams the body as the browser's does (test/support's buffers it whole). */
const streamingFetch = ((input: string | URL | Request, init: RequestInit = {}) =>
  new Promise<Response>((resolve, reject) => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const req = request(
      new URL(String(input)),
      { method: init.method ?? 'GET', headers, rejectUnauthorized: false, agent: false },
      (res) => {
        const responseHeaders = new Headers();
        for (const [key, value] of Object.entries(res.headers))
          if (typeof value === 'string') responseHeaders.set(key, value);
        const body = Readable.toWeb(res) as ReadableStream<Uint8Array>;
        resolve(new Response(body, { status: res.statusCode ?? 0, headers: responseHeaders }));
      },
    );
    init.signal?.addEventListener('abort', () => req.destroy(new DOMException('aborted', 'AbortError')));
    req.on('error', reject);
    req.end(init.body as string | undefined);
  })) as typeof fetch;

const demo: Credentials = { kind: 'cpanel', host: ADDRESS, port: 2083, username: 'demo', token: DEMO_TOKEN };
const options = { fetch: streamingFetch, timeoutMs: 10_000 };

describe('a server that streams 64 MB', () => {
  it('gets invalid_response for a session long before the end, and the next call works', async () => {
    emu.faults.set({ fault: 'hugeBody', match: { path: '/Session/' }, times: 1 });
    await expect(createWebmailSessionForSelf(demo, options)).rejects.toMatchObject({
      code: 'invalid_response',
      key: 'error_security_answer_too_large',
    });
    expect(emu.faults.hits.map((hit) => hit.fault)).toEqual(['hugeBody']);
    const login = await createWebmailSessionForSelf(demo, options);
    expect(login.url).toMatch(/^https:\/\/127\.0\.0\.231:2096\/cpsess\d+\/login$/);
  });

  it('gets invalid_response for a list past 8 MB', async () => {
    emu.faults.set({ fault: 'hugeBody', match: { path: '/Email/' }, times: 1 });
    await expect(listMailboxes(demo, options)).rejects.toMatchObject({ code: 'invalid_response' });
    expect((await listMailboxes(demo, options)).length).toBeGreaterThan(0);
  });
});
