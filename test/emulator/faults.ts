// Fault injection: a test picks, per request, a way for the server to misbehave. Three ways to select one:
//  - in-process: `emulator.faults.set({ fault: 'http500', match: { port: 2083, path: '/Session/' } })`;
//  - per request: the header `X-Emulator-Fault: http500` (for clients that can set headers);
//  - another process: `POST /__emulator/faults` with the rule as JSON (`path` a substring), `DELETE` to clear.
// Network-level faults (refused, untrusted certificate) are extra listeners: see `addListener` in index.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { generate } from 'selfsigned';
import type { EmulatorContext } from './context';
import { cloudflarePage, cphulkPage, otherPage } from './errorPages';
import { send, sendHtml, sendJson, sendText } from './http';
import { HTTP_TEXT, UAPI_TEXT } from './messages';
import { licenseErrorPage, loginPage } from './pages';
import { spkiOf, type TlsMaterial } from './tls';
import type { Service } from './types';

export const FAULT_KINDS = [
  /** 401 text/plain with a Basic challenge: the token is wrong. */
  'http401',
  /** 403 text/plain (WHM: its `cpanelresult` body): token lacks the feature, account suspended. */
  'http403',
  /** 200 text/html: the login page, where JSON was due (a proxy or a session-less path). */
  'htmlLogin',
  /**
   * 200 text/html: cpsrvd's license error page (base/unprotected/lisc/licenseerror_cpanel.tmpl) in place of
   * any answer, as a server with an expired or invalid license serves it (the status code is a guess).
   */
  'licenseError',
  /** 200 JSON with UAPI `status: 0` and `errors` (WHM: `metadata.result: 0` and `reason`). */
  'status0',
  /** 500 text/plain. */
  'http500',
  /** 200 application/json whose body stops half-way through a real-looking answer. */
  'truncatedJson',
  /** 200 application/json that is not JSON at all (single quotes, trailing comma). */
  'malformedJson',
  /** 200 well-formed JSON that is neither a UAPI nor a WHM result. */
  'wrongShape',
  /** 200, a success of the right shape whose host and token are unsafe to open. */
  'unsafeSession',
  /** The request is read and never answered (until the emulator closes). */
  'hang',
  /** The connection is dropped without an answer. */
  'reset',
  /** Answered normally after `delayMs`. */
  'slow',
  /** Every unused session expires, then the request goes on: for a login POST, "expired". */
  'sessionExpired',
  /** Every unused session counts as used, then the request goes on: for a login POST, "already used". */
  'sessionUsed',
  /**
   * 200 application/json that streams 64 MB (a server or proxy gone wrong), as fast as the client reads it;
   * it stops when the client hangs up. A guess at a failure mode, not a cPanel behaviour.
   */
  'hugeBody',
  /** 200 text/html: cPanel's licence error page (expired or invalid licence). */
  'html-license',
  /** 200 text/html: cPHulk's brute-force lockout of the client's IP (a guess at the status). */
  'html-cphulk',
  /** 521 text/html: a Cloudflare error page from a CDN in front of the server. */
  'html-cloudflare',
  /** 200 text/html: some other web page (a web server's default page). */
  'html-other',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultMatch {
  /** The local address the request arrived on (the emulator's or an extra listener's). */
  address?: string;
  port?: number;
  /** A substring of the request path (query included), or a RegExp tested against it. */
  path?: string | RegExp;
  method?: string;
}

export interface FaultRule {
  fault: FaultKind;
  /** Which requests; every request when absent. */
  match?: FaultMatch;
  /** How many matching requests get it; all of them, until clear(), when absent. */
  times?: number;
  /** For 'slow': the wait before the normal answer; default 1 s. */
  delayMs?: number;
  /** The server's text for 'http401', 'http403' and 'status0' instead of the default. */
  message?: string;
}

/** A request that met a fault, for tests to assert how often the client asked. */
export interface FaultHit extends IncomingRequest {
  fault: FaultKind;
}

/** What a rule is matched against. */
export interface IncomingRequest {
  address: string;
  port: number;
  method: string;
  path: string;
}

interface ActiveRule extends FaultRule {
  left: number;
}

export const FAULT_HEADER = 'x-emulator-fault';
export const CONTROL_PATH = '/__emulator/faults';

export class FaultController {
  readonly #rules: ActiveRule[] = [];
  /** Every request a fault was applied to, in order. */
  readonly hits: FaultHit[] = [];

  /** Adds a rule; earlier rules win when several match. */
  set(rule: FaultRule): void {
    if (!isFaultKind(rule.fault)) throw new Error(`unknown fault ${String(rule.fault)}`);
    this.#rules.push({ ...rule, left: rule.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.#rules.length = 0;
    this.hits.length = 0;
  }

  /** The fault for this request, if any, counting it against its rule's `times`. */
  take(request: IncomingRequest, header: string | undefined): FaultRule | undefined {
    let rule: FaultRule | undefined;
    if (header && isFaultKind(header)) rule = { fault: header };
    else {
      const active = this.#rules.find((candidate) => candidate.left > 0 && matches(candidate, request));
      if (active) active.left -= 1;
      rule = active;
    }
    if (rule) this.hits.push({ fault: rule.fault, ...request });
    return rule;
  }
}

export function isFaultKind(value: unknown): value is FaultKind {
  return typeof value === 'string' && (FAULT_KINDS as readonly string[]).includes(value);
}

function matches({ match }: FaultRule, { address, port, method, path }: IncomingRequest): boolean {
  if (!match) return true;
  if (match.address !== undefined && match.address !== address) return false;
  if (match.port !== undefined && match.port !== port) return false;
  if (match.method !== undefined && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (match.path === undefined) return true;
  return typeof match.path === 'string' ? path.includes(match.path) : match.path.test(path);
}

/**
 * Plays the fault on the response. Resolves to true when the request is finished (answered, dropped or left
 * hanging), false when the normal handler should go on (after a delay or a change of session state).
 */
export async function applyFault(
  ctx: EmulatorContext,
  service: Service,
  rule: FaultRule,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const whm = service === 'whostmgrd';
  switch (rule.fault) {
    case 'http401':
      sendText(res, 401, rule.message ?? HTTP_TEXT.accessDenied, {
        'WWW-Authenticate': 'Basic realm="cPanel"',
      });
      return true;
    case 'http403':
      if (whm && rule.message === undefined)
        send(res, 403, 'text/plain; charset=utf-8', JSON.stringify(HTTP_TEXT.whmAccessDenied));
      else sendText(res, 403, rule.message ?? HTTP_TEXT.accountSuspended);
      return true;
    case 'htmlLogin':
      sendHtml(res, 200, loginPage(service));
      return true;
    case 'licenseError':
    case 'html-license':
      sendHtml(res, 200, licenseErrorPage());
      return true;
    case 'status0':
      sendJson(res, whm ? whmFailure(rule.message) : uapiFailure(rule.message));
      return true;
    case 'http500':
      sendText(res, 500, 'Internal Server Error');
      return true;
    case 'truncatedJson': {
      const full = JSON.stringify(whm ? whmSessionLike() : uapiSessionLike());
      send(res, 200, 'application/json; charset=utf-8', full.slice(0, Math.floor(full.length / 2)));
      return true;
    }
    case 'malformedJson':
      send(res, 200, 'application/json; charset=utf-8', "{'status': 1, 'data': {'token': '/cpsess1',},}");
      return true;
    case 'wrongShape':
      sendJson(res, { ok: true, result: [{ session: 'not-here' }], version: 2 });
      return true;
    case 'unsafeSession':
      sendJson(res, whm ? whmUnsafe() : uapiUnsafe());
      return true;
    case 'hang':
      // Read and left open: the client's own timeout must end it. close() destroys the socket.
      req.socket.setTimeout(0);
      return true;
    case 'reset':
      req.socket.destroy();
      return true;
    case 'slow':
      await new Promise((resolve) => setTimeout(resolve, rule.delayMs ?? 1000));
      return res.destroyed;
    case 'sessionExpired':
      ctx.sessions.expireAll();
      return false;
    case 'sessionUsed':
      for (const issued of ctx.sessions.issued.values()) issued.used = true;
      return false;
    case 'hugeBody':
      streamHugeBody(res);
      return true;
    case 'html-cphulk':
      sendHtml(res, 200, cphulkPage());
      return true;
    case 'html-cloudflare':
      sendHtml(res, 521, cloudflarePage(req.headers.host?.split(':')[0] ?? 'server'));
      return true;
    case 'html-other':
      sendHtml(res, 200, otherPage());
      return true;
  }
}

const HUGE_BODY_BYTES = 64 * 1024 * 1024;

/** `{"data":["x","x",…` for 64 MB, one 64 KB chunk at a time, waiting for the client to drain each. */
function streamHugeBody(res: ServerResponse): void {
  const chunk = Buffer.from('"x",'.repeat(16 * 1024));
  let sent = 0;
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
  res.write('{"data":[');
  const pump = () => {
    while (!res.destroyed && sent < HUGE_BODY_BYTES) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end('"x"]}');
  };
  res.on('close', () => res.removeAllListeners('drain'));
  pump();
}

function uapiFailure(message: string | undefined) {
  return {
    data: null,
    errors: [message ?? UAPI_TEXT.sessionCreationNotPermitted],
    messages: null,
    metadata: {},
    status: 0,
    warnings: null,
  };
}

function whmFailure(message: string | undefined) {
  return { metadata: { version: 1, reason: message ?? 'The emulator refused this call.', result: 0 } };
}

function uapiSessionLike() {
  return {
    data: {
      hostname: null,
      session: 'demo:D7NiAZv1nf4bXeg9:CREATE_WEBMAIL_SESSION_FOR_SELF,728fb86a7df1cf20690c65f349ac3137',
      token: '/cpsess2462418786',
    },
    errors: null,
    messages: null,
    metadata: { transformed: 1 },
    status: 1,
    warnings: null,
  };
}

function whmSessionLike() {
  return {
    data: { cp_security_token: '/cpsess2462418786', expires: 1, service: 'webmaild', session: 'x', url: '' },
    metadata: { command: 'create_user_session', reason: 'Created session', result: 1, version: 1 },
  };
}

// Right shape, wrong content: a host with a path and a token that climbs out of /cpsessN.
function uapiUnsafe() {
  const answer = uapiSessionLike();
  answer.data = { ...answer.data, hostname: 'evil.example/..' as never, token: '/cpsess1/../../evil' };
  return answer;
}

function whmUnsafe() {
  const answer = whmSessionLike();
  answer.data = {
    ...answer.data,
    cp_security_token: '/cpsess1/../../evil',
    url: 'https://evil.example:2096/cpsess1/../../evil/login/?session=x',
  };
  return answer;
}

/**
 * The control endpoint, for an emulator in another process: POST a rule (JSON, `path` a substring), DELETE to
 * clear, GET to read the hits. Resolves to false when the request is not for it.
 */
export function handleControl(
  faults: FaultController,
  method: string,
  path: string,
  body: string,
  res: ServerResponse,
): boolean {
  if (path !== CONTROL_PATH) return false;
  if (method === 'DELETE') {
    faults.clear();
    sendJson(res, { ok: true });
  } else if (method === 'GET') {
    sendJson(res, { ok: true, hits: faults.hits });
  } else if (method === 'POST') {
    try {
      faults.set(parseRule(JSON.parse(body)));
      sendJson(res, { ok: true });
    } catch (error) {
      send(res, 400, 'application/json; charset=utf-8', JSON.stringify({ ok: false, error: String(error) }));
    }
  } else sendText(res, 405, 'Method Not Allowed');
  return true;
}

function parseRule(value: unknown): FaultRule {
  const raw = (value ?? {}) as Record<string, unknown>;
  const match = (raw.match ?? {}) as Record<string, unknown>;
  if (!isFaultKind(raw.fault)) throw new Error('fault must be one of the fault kinds');
  const number = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);
  const text = (x: unknown) => (typeof x === 'string' ? x : undefined);
  const rule: FaultRule = {
    fault: raw.fault,
    match: {
      address: text(match.address),
      port: number(match.port),
      path: text(match.path),
      method: text(match.method),
    },
  };
  if (number(raw.times) !== undefined) rule.times = number(raw.times);
  if (number(raw.delayMs) !== undefined) rule.delayMs = number(raw.delayMs);
  if (text(raw.message) !== undefined) rule.message = text(raw.message);
  return rule;
}

/**
 * A fresh self-signed certificate for `address`, never cached and never reported as trusted: a browser that
 * trusts only the emulator's SPKI rejects it (net::ERR_CERT_AUTHORITY_INVALID).
 */
export async function untrustedTlsMaterial(address: string): Promise<TlsMaterial> {
  const pems = await generate([{ name: 'commonName', value: 'Untrusted impostor' }], {
    keyType: 'rsa',
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: new Date(Date.now() - 24 * 3600_000),
    notAfterDate: new Date(Date.now() + 30 * 24 * 3600_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7 as const, ip: address }] },
    ],
  });
  return { key: pems.private, cert: pems.cert, spki: spkiOf(pems.cert) };
}
