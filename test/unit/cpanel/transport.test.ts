import { describe, expect, it } from 'vitest';
import type { Credentials } from '../../../src/cpanel/credentials';
import { createWebmailSessionForSelf } from '../../../src/cpanel/session';
import { getJson, MAX_BODY_BYTES, MAX_SESSION_BODY_BYTES } from '../../../src/cpanel/transport';
import { fakeFetch, jsonResponse } from '../../support/fakeFetch';
import { TEST_TOKEN } from '../../support/tokens';

const demo: Credentials = {
  kind: 'cpanel',
  host: 'server.example.com',
  port: 2083,
  username: 'demo',
  token: TEST_TOKEN,
};
const CHUNK = 64 * 1024;

/** A 200 JSON answer of 64 MB (a server or proxy gone wrong), counting what the client pulled. */
function endless() {
  const state = { pulled: 0, cancelled: false };
  const chunk = new TextEncoder().encode(`{"data":[${'"x",'.repeat(CHUNK / 4 - 3)}`.padEnd(CHUNK, ' '));
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= 64 * 1024 * 1024) return controller.close();
      state.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      state.cancelled = true;
    },
  });
  const response = new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
  return { state, response };
}

describe('response size caps', () => {
  it('stops reading a list past its cap with invalid_response, and hangs up', async () => {
    const { state, response } = endless();
    const { fetch } = fakeFetch(() => response);
    await expect(getJson(demo, '/execute/Email/list_pops', {}, { fetch })).rejects.toMatchObject({
      code: 'invalid_response',
      key: 'error_security_answer_too_large',
    });
    expect(state.pulled).toBeLessThanOrEqual(MAX_BODY_BYTES + 2 * CHUNK);
    expect(state.cancelled).toBe(true);
  });

  it('allows a session call far less: 64 KB', async () => {
    expect(MAX_SESSION_BODY_BYTES).toBe(64 * 1024);
    const { state, response } = endless();
    const { fetch } = fakeFetch(() => response);
    await expect(createWebmailSessionForSelf(demo, { fetch })).rejects.toMatchObject({
      code: 'invalid_response',
    });
    expect(state.pulled).toBeLessThanOrEqual(MAX_SESSION_BODY_BYTES + 2 * CHUNK);
    expect(state.cancelled).toBe(true);
  });

  it('refuses at once an answer that announces more than the cap', async () => {
    let cancelled = false;
    // Never enqueues: a reader would wait for the timeout. The announced length alone must end it.
    const body = new ReadableStream({
      cancel() {
        cancelled = true;
      },
    });
    const { fetch } = fakeFetch(
      () => new Response(body, { headers: { 'Content-Length': String(MAX_BODY_BYTES + 1) } }),
    );
    await expect(getJson(demo, '/execute/Email/list_pops', {}, { fetch })).rejects.toMatchObject({
      code: 'invalid_response',
    });
    expect(cancelled).toBe(true);
  });

  it('reads answers under the cap as before, multi-byte characters across chunks included', async () => {
    const { fetch } = fakeFetch(() => jsonResponse({ status: 1, data: ['ä'.repeat(100_000)] }));
    expect(await getJson(demo, '/execute/Email/list_pops', {}, { fetch })).toEqual({
      status: 1,
      data: ['ä'.repeat(100_000)],
    });
  });
});
