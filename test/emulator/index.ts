// The cPanel/WHM emulator: three HTTPS listeners (2083 cPanel, 2087 WHM, 2096 Webmail) on one loopback
// address, sharing one self-signed certificate and one in-memory state.
import { createServer, type Server } from 'node:https';
import type { Socket } from 'node:net';
import { PORTS, STOCK_LOCALES } from './constants';
import { type EmulatorContext, RequestLoad } from './context';
import { Directory } from './directory';
import { FaultController, untrustedTlsMaterial } from './faults';
import { cloneFixture, demoFixture } from './fixture';
import { createHandler, createServiceSubdomainHandler, SUBDOMAIN_PORT } from './router';
import { SessionStore } from './sessions';
import { createTlsMaterial, type TlsMaterial } from './tls';
import type {
  EmulatorOptions,
  ExtraListener,
  ListenerOptions,
  RequestRecord,
  RunningEmulator,
} from './types';

export { COOKIE_BY_SERVICE, PORT_BY_SERVICE, PORTS, STOCK_LOCALES, WHM_VERSION } from './constants';
export {
  CONTROL_PATH,
  FAULT_HEADER,
  FAULT_KINDS,
  FaultController,
  type FaultHit,
  type FaultKind,
  type FaultMatch,
  type FaultRule,
} from './faults';
export {
  cloneFixture,
  DEMO_PASSWORD,
  DEMO_TOKEN,
  demoFixture,
  MAILBOX_PASSWORD,
  makeMailboxes,
  makeWorld,
  RESELLER_PASSWORD,
  RESELLER_TOKEN,
  ROOT_PASSWORD,
  ROOT_TOKEN,
  SHOP_PASSWORD,
  SHOP_TOKEN,
  SLEEPY_PASSWORD,
  SLEEPY_TOKEN,
  type WorldOptions,
  worldResellerToken,
} from './fixture';
export { HTTP_TEXT, UAPI_TEXT, WHM_TEXT } from './messages';
export type {
  AuthScheme,
  CookieSession,
  CpanelAccountFixture,
  EmulatorOptions,
  ExtraListener,
  Fixture,
  IssuedSession,
  ListenerOptions,
  MailboxFixture,
  RequestRecord,
  RunningEmulator,
  Service,
  SessionTag,
  WhmUserFixture,
} from './types';

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const address = options.address ?? '127.0.0.1';
  const fixture = cloneFixture(options.fixture ?? demoFixture);
  const now = options.now ?? Date.now;
  const sessions = new SessionStore(now);
  const ctx: EmulatorContext = {
    directory: new Directory(fixture),
    sessions,
    hostname: options.hostname ?? null,
    publicHost: options.publicHost ?? address,
    locales: new Set(options.locales ?? STOCK_LOCALES),
    publicIp: options.publicIp ?? null,
    now,
    sessionThinkMs: options.sessionThinkMs ?? 0,
    latency: { ms: options.latencyMs ?? 0 },
    load: new RequestLoad(),
  };
  const tls = await createTlsMaterial(address, fixture);
  const requests: RequestRecord[] = [];
  const record = (r: RequestRecord): void => {
    requests.push(r);
  };
  const faults = new FaultController();
  const handlers = new Map<number, Handler>(
    [PORTS.cpanel, PORTS.whm, PORTS.webmail].map((port) => [port, createHandler(ctx, port, record, faults)]),
  );
  handlers.set(SUBDOMAIN_PORT, createServiceSubdomainHandler(handlers));
  const mainPorts = [
    PORTS.cpanel,
    PORTS.whm,
    PORTS.webmail,
    ...(options.serviceSubdomains ? [SUBDOMAIN_PORT] : []),
  ];
  const main = await openListeners(address, mainPorts, tls, handlers);
  const extras: ExtraListener[] = [];
  const addListener = async (at: string, listenerOptions: ListenerOptions = {}): Promise<ExtraListener> => {
    const extra = await extraListener(at, listenerOptions, tls, handlers);
    extras.push(extra);
    return extra;
  };

  let closing: Promise<void> | null = null;
  return {
    address,
    ports: { cpanel: PORTS.cpanel, whm: PORTS.whm, webmail: PORTS.webmail },
    spki: tls.spki,
    certPem: tls.cert,
    fixture,
    requests,
    sessions: sessions.issued,
    cookieSessions: sessions.cookies,
    faults,
    expireAllSessions: () => sessions.expireAll(),
    setSessionThinkMs: (ms) => {
      ctx.sessionThinkMs = ms;
    },
    setLatency: (ms) => {
      ctx.latency.ms = ms;
    },
    load: ctx.load,
    addListener,
    close: () => {
      closing ??= Promise.all([main.close(), ...extras.map((extra) => extra.close())]).then(() => undefined);
      return closing;
    },
  };
}

type Handler = ReturnType<typeof createHandler>;

interface ListenerGroup {
  close(): Promise<void>;
}

/** HTTPS listeners on one address, one per port, with their sockets tracked so close() ends them at once. */
async function openListeners(
  address: string,
  ports: readonly number[],
  material: TlsMaterial,
  handlers: ReadonlyMap<number, Handler>,
): Promise<ListenerGroup> {
  // Tracked by hand so close() can end keep-alive and half-open TLS connections at once.
  const sockets = new Set<Socket>();
  const servers: Server[] = [];
  try {
    for (const port of ports) {
      const handler = handlers.get(port);
      if (!handler) throw new Error(`no service on port ${port}`);
      const server = createServer({ key: material.key, cert: material.cert }, handler);
      server.on('connection', (socket: Socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      // A client that drops mid-handshake (or rejects the certificate) must not crash the test process.
      server.on('tlsClientError', () => {});
      await listen(server, port, address);
      servers.push(server);
    }
  } catch (error) {
    await closeAll(servers, sockets);
    throw error;
  }
  let closing: Promise<void> | null = null;
  return {
    close: () => {
      closing ??= closeAll(servers, sockets);
      return closing;
    },
  };
}

/**
 * The same emulator (same state, same faults) on another loopback address: an account saved there can then
 * meet a certificate the browser does not trust (setTrusted(false)) or a port where nothing listens (close()).
 */
async function extraListener(
  address: string,
  options: ListenerOptions,
  trustedMaterial: TlsMaterial,
  handlers: ReadonlyMap<number, Handler>,
): Promise<ExtraListener> {
  const ports = [...(options.ports ?? [PORTS.cpanel, PORTS.whm, PORTS.webmail])];
  const material = async (trusted: boolean) => (trusted ? trustedMaterial : untrustedTlsMaterial(address));
  let trusted = options.trusted ?? true;
  let group: ListenerGroup | null = await openListeners(address, ports, await material(trusted), handlers);
  const stop = async (): Promise<void> => {
    const current = group;
    group = null;
    await current?.close();
  };
  return {
    address,
    ports,
    get trusted() {
      return trusted;
    },
    get listening() {
      return group !== null;
    },
    // A new server each time: open connections and TLS session tickets of the old key must not survive.
    async setTrusted(value) {
      await stop();
      trusted = value;
      group = await openListeners(address, ports, await material(value), handlers);
    },
    close: stop,
  };
}

function listen(server: Server, port: number, address: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen({ port, host: address, exclusive: true }, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

async function closeAll(servers: Server[], sockets: Set<Socket>): Promise<void> {
  const closed = servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve())));
  for (const socket of sockets) socket.destroy();
  await Promise.all(closed);
}
