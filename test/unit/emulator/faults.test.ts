import { X509Certificate } from 'node:crypto';
import { connect } from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Credentials } from '../../../src/cpanel/credentials';
import type { ErrorCode } from '../../../src/cpanel/errors';
import { createWebmailSessionForSelf } from '../../../src/cpanel/session';
import { createUserSession } from '../../../src/cpanel/whmSession';
import {
  CONTROL_PATH,
  DEMO_TOKEN,
  FAULT_HEADER,
  type FaultKind,
  HTTP_TEXT,
  ROOT_TOKEN,
  type RunningEmulator,
  startEmulator,
} from '../../emulator/index';
import { spkiOf } from '../../emulator/tls';
import { FAULT_CODES } from '../../support/faultCodes';
import { insecureFetch } from '../../support/insecureFetch';
import { call, DEMO_AUTH, ROOT_AUTH } from './helpers';

const ADDRESS = '127.0.0.221';
const EXTRA = '127.0.0.222';
const SELF = '/execute/Session/create_webmail_session_for_self';
const WHM_SESSION = '/json-api/create_user_session?api.version=1&user=demo&service=cpaneld';

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ address: ADDRESS });
});
afterEach(() => emu.faults.clear());
afterAll(() => emu?.close());

const demo: Credentials = { kind: 'cpanel', host: ADDRESS, port: 2083, username: 'demo', token: DEMO_TOKEN };
const root: Credentials = { kind: 'whm', host: ADDRESS, port: 2087, username: 'root', token: ROOT_TOKEN };

/** The error code the real client (src/cpanel) turns a call into; `ok` when it succeeded. */
async function clientCode(run: () => Promise<unknown>): Promise<ErrorCode | 'ok'> {
  try {
    await run();
    return 'ok';
  } catch (error) {
    return (error as { code: ErrorCode }).code;
  }
}

const options = { fetch: insecureFetch, timeoutMs: 300 };

describe('HTTP faults on the wire', () => {
  it('answers 401 with a Basic challenge and 403 with a text body (WHM: its cpanelresult)', async () => {
    emu.faults.set({ fault: 'http401', match: { port: 2083 } });
    emu.faults.set({ fault: 'http403', match: { port: 2087 } });
    const cpanel = await call(emu, 2083, SELF, { headers: { Authorization: DEMO_AUTH } });
    expect(cpanel.status).toBe(401);
    expect(cpanel.headers['www-authenticate']).toMatch(/^Basic /);
    expect(cpanel.body).toBe(HTTP_TEXT.accessDenied);
    const whm = await call(emu, 2087, WHM_SESSION, { headers: { Authorization: ROOT_AUTH } });
    expect(whm.status).toBe(403);
    expect(whm.headers['content-type']).toMatch(/^text\/plain/);
    expect(JSON.parse(whm.body)).toEqual(HTTP_TEXT.whmAccessDenied);
  });

  it('serves the login page with 200 where JSON was due', async () => {
    emu.faults.set({ fault: 'htmlLogin' });
    const reply = await call(emu, 2083, SELF, { headers: { Authorization: DEMO_AUTH } });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    expect(reply.body).toContain('data-testid="login-page"');
  });

  it('serves cpsrvd’s license error page (base/unprotected/lisc/licenseerror_cpanel.tmpl) on any port', async () => {
    emu.faults.set({ fault: 'licenseError' });
    for (const [port, path, auth] of [
      [2083, SELF, DEMO_AUTH],
      [2087, WHM_SESSION, ROOT_AUTH],
    ] as const) {
      const reply = await call(emu, port, path, { headers: { Authorization: auth } });
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toMatch(/^text\/html/);
      expect(reply.body).toContain('<title>cPanel License Activation</title>');
      expect(reply.body).toContain(
        'To access the interface, you must install the license and ensure that the license is active.',
      );
      expect(reply.body).toContain(HTTP_TEXT.licenseContact);
    }
  });

  it('answers status 0 with errors (UAPI) and metadata.result 0 with a reason (WHM)', async () => {
    emu.faults.set({ fault: 'status0', message: 'No sessions today.' });
    const uapi = JSON.parse((await call(emu, 2083, SELF, { headers: { Authorization: DEMO_AUTH } })).body);
    expect(uapi).toMatchObject({ status: 0, errors: ['No sessions today.'], data: null });
    const whm = JSON.parse(
      (await call(emu, 2087, WHM_SESSION, { headers: { Authorization: ROOT_AUTH } })).body,
    );
    expect(whm.metadata).toMatchObject({ result: 0, reason: 'No sessions today.' });
  });

  it('cuts JSON in half, or serves JSON that is no JSON, with a consistent Content-Length', async () => {
    for (const fault of ['truncatedJson', 'malformedJson'] as const) {
      emu.faults.set({ fault, times: 1 });
      const reply = await call(emu, 2083, SELF, { headers: { Authorization: DEMO_AUTH } });
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toMatch(/^application\/json/);
      expect(Number(reply.headers['content-length'])).toBe(Buffer.byteLength(reply.body));
      expect(() => JSON.parse(reply.body)).toThrow();
    }
  });

  it('counts `times`, matches by port, path substring, RegExp and method, and records hits', async () => {
    emu.faults.set({
      fault: 'http500',
      match: { port: 2083, path: /create_webmail/, method: 'GET' },
      times: 2,
    });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await call(emu, 2083, SELF, { headers: { Authorization: DEMO_AUTH } })).status);
    expect(statuses).toEqual([500, 500, 200]);
    expect((await call(emu, 2087, WHM_SESSION, { headers: { Authorization: ROOT_AUTH } })).status).toBe(200);
    expect(emu.faults.hits.map((hit) => [hit.fault, hit.port, hit.method])).toEqual([
      ['http500', 2083, 'GET'],
      ['http500', 2083, 'GET'],
    ]);
    emu.faults.set({ fault: 'http500', match: { path: 'list_pops' } });
    expect((await call(emu, 2083, SELF, { headers: { Authorization: DEMO_AUTH } })).status).toBe(200);
  });

  it('takes a fault from the request header, and from the control endpoint', async () => {
    const viaHeader = await call(emu, 2083, SELF, {
      headers: { Authorization: DEMO_AUTH, [FAULT_HEADER]: 'http401' satisfies FaultKind },
    });
    expect(viaHeader.status).toBe(401);

    const set = await call(emu, 2096, CONTROL_PATH, {
      method: 'POST',
      body: JSON.stringify({ fault: 'http500', match: { port: 2083, path: 'Session' }, times: 1 }),
    });
    expect(JSON.parse(set.body)).toEqual({ ok: true });
    expect((await call(emu, 2083, SELF, { headers: { Authorization: DEMO_AUTH } })).status).toBe(500);
    const hits = JSON.parse((await call(emu, 2083, CONTROL_PATH)).body);
    expect(hits.hits.map((hit: { fault: string }) => hit.fault)).toEqual(['http401', 'http500']);
    const bad = await call(emu, 2083, CONTROL_PATH, { method: 'POST', body: '{"fault":"nonsense"}' });
    expect(bad.status).toBe(400);
    await call(emu, 2083, CONTROL_PATH, { method: 'DELETE' });
    expect(emu.faults.hits).toEqual([]);
    // The control channel is not traffic: no request record for it.
    expect(emu.requests.some((request) => request.path === CONTROL_PATH)).toBe(false);
  });

  it('rejects the Webmail login of a session it expired or marked used on the way in', async () => {
    for (const fault of ['sessionExpired', 'sessionUsed'] as const) {
      // The session call itself is not under test: the client's default timeout, not the short one.
      const login = await createWebmailSessionForSelf(demo, { fetch: insecureFetch });
      emu.faults.set({ fault, match: { port: 2096, path: '/login' }, times: 1 });
      const reply = await insecureFetch(login.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ session: login.session }).toString(),
      });
      expect(reply.status).toBe(401);
      expect(await reply.text()).toContain('data-testid="login-failure"');
    }
  });
});

describe('every fault maps to one error code in the client', () => {
  // The same table the e2e suite checks in Chromium, here against src/cpanel in Node.
  const table: [FaultKind, ErrorCode][] = [...FAULT_CODES, ['hang', 'timeout']];

  it.each(table)('%s → %s for UAPI Session::create_webmail_session_for_self', async (fault, code) => {
    emu.faults.set({ fault, match: { port: 2083 } });
    expect(await clientCode(() => createWebmailSessionForSelf(demo, options))).toBe(code);
  });

  it.each(table)('%s → %s for WHM create_user_session', async (fault, code) => {
    emu.faults.set({ fault, match: { port: 2087 } });
    const params = { user: 'demo', service: 'cpaneld' as const };
    expect(await clientCode(() => createUserSession(root, params, options))).toBe(code);
  });

  it('slow answers normally, after the delay', async () => {
    emu.faults.set({ fault: 'slow', delayMs: 150, times: 1 });
    const started = Date.now();
    expect(await clientCode(() => createWebmailSessionForSelf(demo, { fetch: insecureFetch }))).toBe('ok');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('leaves the fixture alone: with the faults cleared the same call succeeds', async () => {
    expect(await clientCode(() => createWebmailSessionForSelf(demo, options))).toBe('ok');
  });
});

describe('extra listeners', () => {
  function servedSpki(port: number): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: EXTRA, port, rejectUnauthorized: false }, () => {
        const pem = socket.getPeerX509Certificate()?.toString() ?? '';
        socket.end();
        resolve(spkiOf(pem));
      });
      socket.on('error', reject);
    });
  }

  it('serves the same emulator on another address, then an untrusted key, then nothing', async () => {
    const extra = await emu.addListener(EXTRA, { ports: [2083] });
    try {
      expect(await servedSpki(2083)).toBe(emu.spki);
      const other: Credentials = { ...demo, host: EXTRA };
      expect(await clientCode(() => createWebmailSessionForSelf(other, options))).toBe('ok');
      expect(emu.requests.at(-1)).toMatchObject({ address: EXTRA, port: 2083 });

      // A rule can single out one address: the same call on the emulator's own address still works.
      emu.faults.set({ fault: 'http500', match: { address: EXTRA } });
      expect(await clientCode(() => createWebmailSessionForSelf(other, options))).toBe('api_error');
      expect(await clientCode(() => createWebmailSessionForSelf(demo, options))).toBe('ok');
      expect(emu.faults.hits.map((hit) => hit.address)).toEqual([EXTRA]);
      emu.faults.clear();

      await extra.setTrusted(false);
      const untrusted = await servedSpki(2083);
      expect(untrusted).not.toBe(emu.spki);
      expect(extra.trusted).toBe(false);
      // A client that trusts only the emulator's certificate refuses the impostor.
      await expect(
        new Promise((resolve, reject) => {
          const socket = connect({ host: EXTRA, port: 2083, ca: emu.certPem }, () => resolve(socket.end()));
          socket.on('error', reject);
        }),
      ).rejects.toThrow();

      await extra.close();
      expect(extra.listening).toBe(false);
      await expect(servedSpki(2083)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    } finally {
      await extra.close();
    }
  });

  it('can start untrusted, with a certificate naming its address', async () => {
    const extra = await emu.addListener(EXTRA, { ports: [2096], trusted: false });
    try {
      const spki = await servedSpki(2096);
      expect(spki).not.toBe(emu.spki);
      const pem = await new Promise<string>((resolve, reject) => {
        const socket = connect({ host: EXTRA, port: 2096, rejectUnauthorized: false }, () => {
          resolve(socket.getPeerX509Certificate()?.toString() ?? '');
          socket.end();
        });
        socket.on('error', reject);
      });
      expect(new X509Certificate(pem).subjectAltName).toContain(`IP Address:${EXTRA}`);
    } finally {
      await extra.close();
    }
  });
});
