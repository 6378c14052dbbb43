// One request handler per service port: records the request, then dispatches to login, API or pages.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  authenticateCpanel,
  authenticateWhm,
  type Credentials,
  parseAuthorization,
  type Rejection,
} from './auth';
import { SERVICE_BY_PORT } from './constants';
import type { EmulatorContext } from './context';
import { applyFault, FAULT_HEADER, type FaultController, handleControl } from './faults';
import {
  parseCookies,
  readBody,
  requestParams,
  send,
  sendHtml,
  sendJson,
  sendText,
  splitSecurityToken,
} from './http';
import { handleLanding, handleLogin } from './login';
import { HTTP_TEXT } from './messages';
import { loginPage } from './pages';
import type { RequestRecord, Service, WhmUserFixture } from './types';
import { runUapi, type UapiCaller } from './uapi';
import { runWhm } from './whm';

const debug = process.env.EMULATOR_DEBUG === '1';

interface Incoming {
  req: IncomingMessage;
  res: ServerResponse;
  service: Service;
  token: string | null;
  rest: string;
  params: URLSearchParams;
  cookies: Map<string, string>;
  creds: Credentials | null;
}

/** The calls that make a session: the ones a real server is slow to answer (EmulatorOptions.sessionThinkMs). */
const SESSION_CALL = /\/(execute\/Session\/create_[a-z_]+|json-api\/create_user_session)$/;

export function createHandler(
  ctx: EmulatorContext,
  port: number,
  record: (r: RequestRecord) => void,
  faults: FaultController,
): (req: IncomingMessage, res: ServerResponse) => void {
  const service = SERVICE_BY_PORT[port];
  if (!service) throw new Error(`no service on port ${port}`);
  return (req, res) => {
    handle(ctx, port, service, req, res, record, faults).catch((error: unknown) => {
      if (debug) console.error('[emulator] handler error', error);
      if (!res.headersSent) sendText(res, 500, 'Internal Server Error');
      else res.destroy();
    });
  };
}

/** cPanel's service subdomains: Apache on 443 proxies `webmail.`, `cpanel.` and `whm.` to the ports. */
export const SUBDOMAIN_PORT = 443;
const PORT_BY_SUBDOMAIN: Readonly<Record<string, number>> = { webmail: 2096, cpanel: 2083, whm: 2087 };

/**
 * The 443 listener: the first label of the Host header picks the service, as cPanel's proxy subdomains do
 * (Apache's proxy virtual hosts, `webmail.example.com` → 2096). Anything else is not a service subdomain; a
 * real server would show the site there, the emulator answers 404 (a guess).
 */
export function createServiceSubdomainHandler(
  handlers: ReadonlyMap<number, (req: IncomingMessage, res: ServerResponse) => void>,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const label = (req.headers.host ?? '').toLowerCase().split('.')[0] ?? '';
    const port = Object.hasOwn(PORT_BY_SUBDOMAIN, label) ? PORT_BY_SUBDOMAIN[label] : undefined;
    const handler = port === undefined ? undefined : handlers.get(port);
    if (handler) handler(req, res);
    else sendText(res, 404, HTTP_TEXT.notFound);
  };
}

async function handle(
  ctx: EmulatorContext,
  port: number,
  service: Service,
  req: IncomingMessage,
  res: ServerResponse,
  record: (r: RequestRecord) => void,
  faults: FaultController,
): Promise<void> {
  const body = await readBody(req);
  const creds = parseAuthorization(req.headers.authorization);
  const path = req.url ?? '/';
  const method = req.method ?? 'GET';
  const address = req.socket.localAddress ?? '';
  // The control endpoint is the test's channel, not traffic: it is neither recorded nor faulted.
  if (handleControl(faults, method, path, body, res)) return;
  record({
    address,
    port,
    method,
    path,
    authScheme: creds?.scheme ?? null,
    authUser: creds?.user ?? null,
    body,
    at: ctx.now(),
  });
  ctx.load.enter();
  // Answered from the moment the server writes the end of its answer (or the connection drops): a busy event
  // loop may see the client's next request before the 'finish' of this one.
  let left = false;
  const leave = () => {
    if (!left) ctx.load.leave();
    left = true;
  };
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((...args: unknown[]) => {
    leave();
    return end(...args);
  }) as ServerResponse['end'];
  res.once('close', leave);
  if (ctx.latency.ms > 0) await new Promise((resolve) => setTimeout(resolve, ctx.latency.ms));
  const url = new URL(path, 'https://emulator.invalid');
  // The query may carry a session string (GET /login/?session=…): log the path only.
  if (debug) console.error(`[emulator] ${port} ${req.method} ${url.pathname}`);
  const header = req.headers[FAULT_HEADER];
  const fault = faults.take({ address, port, method, path }, typeof header === 'string' ? header : undefined);
  if (fault && (await applyFault(ctx, service, fault, req, res))) return;

  if (ctx.sessionThinkMs > 0 && SESSION_CALL.test(url.pathname)) {
    await new Promise((resolve) => setTimeout(resolve, ctx.sessionThinkMs));
  }
  const { token, rest } = splitSecurityToken(url.pathname);
  const incoming: Incoming = {
    req,
    res,
    service,
    token,
    rest,
    params: requestParams(url, req, body),
    cookies: parseCookies(req.headers.cookie),
    creds,
  };

  if (rest === '/login' || rest === '/login/') {
    // A bare /login/ (no /cpsessN before it) is the login page with 401, session or not (a guess: cpsrvd is
    // not in the tree; a session login always names its token, as WHM's data.url does).
    if (token === null) sendHtml(res, 401, loginPage(service));
    else if (req.method === 'POST' || incoming.params.has('session'))
      handleLogin(ctx, service, token, incoming.params, res);
    else sendHtml(res, 200, loginPage(service));
    return;
  }
  if (service === 'cpaneld' && rest.startsWith('/execute/')) return uapiRoute(ctx, incoming);
  if (service === 'whostmgrd' && rest.startsWith('/json-api/')) return whmRoute(ctx, incoming);
  if (token !== null && req.method === 'GET')
    return handleLanding(ctx, service, token, rest, incoming.cookies, res, url.searchParams);
  if (rest === '/' && req.method === 'GET') return sendHtml(res, 200, loginPage(service));
  sendText(res, 404, HTTP_TEXT.notFound);
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function reject(res: ServerResponse, rejection: Rejection): void {
  send(res, rejection.status, 'text/plain; charset=utf-8', rejection.body, rejection.headers);
}

function uapiRoute(ctx: EmulatorContext, { req, res, token, rest, params, cookies, creds }: Incoming): void {
  let caller: UapiCaller | undefined;
  // Inside a cPanel browser session (/cpsessN/execute/… with the cpsession cookie) no header is needed.
  const browser = ctx.sessions.browserSession(cookies, 'cpaneld', token);
  const sessionAccount = browser ? ctx.directory.account(browser.user) : undefined;
  if (sessionAccount && !sessionAccount.suspended) caller = { account: sessionAccount, inSession: true };
  if (!caller) {
    // No credentials at all: a browser would be shown the login page, so an API client gets HTML.
    if (!req.headers.authorization) {
      sendHtml(res, 200, loginPage('cpaneld'));
      return;
    }
    const auth = authenticateCpanel(ctx.directory, creds);
    if (!auth.ok) {
      reject(res, auth.rejection);
      return;
    }
    caller = { account: auth.account, inSession: false };
  }
  const match = /^\/execute\/([^/]+)\/([^/]+)\/?$/.exec(rest);
  if (!match?.[1] || !match[2]) sendText(res, 404, HTTP_TEXT.notFound);
  else sendJson(res, runUapi(ctx, caller, decode(match[1]), decode(match[2]), params));
}

function whmRoute(ctx: EmulatorContext, { req, res, token, rest, params, cookies, creds }: Incoming): void {
  let caller: WhmUserFixture | undefined;
  const browser = ctx.sessions.browserSession(cookies, 'whostmgrd', token);
  if (browser) caller = ctx.directory.whmUser(browser.user);
  if (!caller) {
    if (!req.headers.authorization) {
      sendHtml(res, 200, loginPage('whostmgrd'));
      return;
    }
    const auth = authenticateWhm(ctx.directory, creds);
    if (!auth.ok) {
      reject(res, auth.rejection);
      return;
    }
    caller = auth.whm;
  }
  const match = /^\/json-api\/([^/]+)\/?$/.exec(rest);
  if (!match?.[1]) sendText(res, 404, HTTP_TEXT.notFound);
  else sendJson(res, runWhm(ctx, caller, decode(match[1]), params));
}
