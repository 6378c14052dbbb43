// The cPanel/WHM emulator: three HTTPS listeners (2083 cPanel, 2087 WHM, 2096 Webmail) on one loopback
// address, sharing one self-signed certificate and one in-memory state.
import { createServer, type Server } from 'node:https';
import type { Socket } from 'node:net';
import { PORTS } from './constants';
import type { EmulatorContext } from './context';
import { Directory } from './directory';
import { cloneFixture, demoFixture } from './fixture';
import { createHandler } from './router';
import { SessionStore } from './sessions';
import { createTlsMaterial } from './tls';
import type { EmulatorOptions, RequestRecord, RunningEmulator } from './types';

export { COOKIE_BY_SERVICE, PORT_BY_SERVICE, PORTS, WHM_VERSION } from './constants';
export {
  cloneFixture,
  DEMO_PASSWORD,
  DEMO_TOKEN,
  demoFixture,
  MAILBOX_PASSWORD,
  makeMailboxes,
  RESELLER_PASSWORD,
  RESELLER_TOKEN,
  ROOT_PASSWORD,
  ROOT_TOKEN,
  SHOP_PASSWORD,
  SHOP_TOKEN,
  SLEEPY_PASSWORD,
  SLEEPY_TOKEN,
} from './fixture';
export { HTTP_TEXT, UAPI_TEXT, WHM_TEXT } from './messages';
export type {
  AuthScheme,
  CookieSession,
  CpanelAccountFixture,
  EmulatorOptions,
  Fixture,
  IssuedSession,
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
    now,
  };
  const tls = await createTlsMaterial(address, fixture);
  const requests: RequestRecord[] = [];
  const record = (r: RequestRecord): void => {
    requests.push(r);
  };

  // Tracked by hand so close() can end keep-alive and half-open TLS connections at once.
  const sockets = new Set<Socket>();
  const servers: Server[] = [];
  try {
    for (const port of [PORTS.cpanel, PORTS.whm, PORTS.webmail]) {
      const server = createServer({ key: tls.key, cert: tls.cert }, createHandler(ctx, port, record));
      server.on('connection', (socket: Socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      // A client that drops mid-handshake must not crash the test process.
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
    address,
    ports: { cpanel: PORTS.cpanel, whm: PORTS.whm, webmail: PORTS.webmail },
    spki: tls.spki,
    certPem: tls.cert,
    fixture,
    requests,
    sessions: sessions.issued,
    cookieSessions: sessions.cookies,
    expireAllSessions: () => sessions.expireAll(),
    close: () => {
      closing ??= closeAll(servers, sockets);
      return closing;
    },
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
