// HTTPS client helpers for the emulator tests: real requests, the emulator's certificate as the only CA.

import type { IncomingHttpHeaders } from 'node:http';
import { request } from 'node:https';
import { DEMO_TOKEN, ROOT_TOKEN, type RunningEmulator } from '../../emulator/index';

// biome-ignore lint/suspicious/noExplicitAny: API replies are inspected loosely in tests; the emulator's own types are strict.
export type Json = any;

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface CallOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export function call(
  emu: RunningEmulator,
  port: number,
  path: string,
  options: CallOptions = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: emu.address,
        port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
        ca: emu.certPem,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export const cpanelAuth = (user: string, token: string): string => `cpanel ${user}:${token}`;
export const whmAuth = (user: string, token: string): string => `whm ${user}:${token}`;
export const basicAuth = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

export const DEMO_AUTH = cpanelAuth('demo', DEMO_TOKEN);
export const ROOT_AUTH = whmAuth('root', ROOT_TOKEN);

export function query(params: Record<string, string> = {}): string {
  const q = new URLSearchParams(params).toString();
  return q ? `?${q}` : '';
}

/** GET /execute/<fn> on 2083 and parse the JSON (asserting it is JSON). */
export async function uapi(
  emu: RunningEmulator,
  fn: string,
  params: Record<string, string> = {},
  auth: string = DEMO_AUTH,
): Promise<Json> {
  const reply = await call(emu, emu.ports.cpanel, `/execute/${fn}${query(params)}`, {
    headers: { Authorization: auth },
  });
  if (reply.status !== 200 || !String(reply.headers['content-type']).startsWith('application/json')) {
    throw new Error(
      `UAPI ${fn}: HTTP ${reply.status} ${String(reply.headers['content-type'])}: ${reply.body.slice(0, 200)}`,
    );
  }
  return JSON.parse(reply.body);
}

/** GET /json-api/<fn>?api.version=1 on 2087 and parse the JSON. */
export async function whm(
  emu: RunningEmulator,
  fn: string,
  params: Record<string, string> = {},
  auth: string = ROOT_AUTH,
): Promise<Json> {
  const reply = await call(emu, emu.ports.whm, `/json-api/${fn}${query({ 'api.version': '1', ...params })}`, {
    headers: { Authorization: auth },
  });
  if (reply.status !== 200 || !String(reply.headers['content-type']).startsWith('application/json')) {
    throw new Error(`WHM ${fn}: HTTP ${reply.status}: ${reply.body.slice(0, 200)}`);
  }
  return JSON.parse(reply.body);
}

/** POST session=… to <token>/login on a port, as the extension's launch page does. */
export function postLogin(
  emu: RunningEmulator,
  port: number,
  token: string,
  session: string,
  extra: Record<string, string> = {},
): Promise<Reply> {
  return call(emu, port, `${token}/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ session, ...extra }).toString(),
  });
}

/** `name=value` of the Set-Cookie header, for sending back as Cookie. */
export function cookieOf(reply: Reply): string {
  const raw = reply.headers['set-cookie']?.[0];
  if (!raw) throw new Error('no Set-Cookie');
  return raw.split(';')[0] ?? '';
}

export const SESSION_RE = /^([^:]+):[A-Za-z0-9_]{16}:([A-Za-z_]+),[0-9a-f]{32}$/;
export const TOKEN_RE = /^\/cpsess\d{10}$/;
