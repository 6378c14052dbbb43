// A TCP relay that adds a fixed delay each way, in front of the emulator: a server 50 ms away (RTT) on a
// loopback address of its own. On bare loopback every request is nearly free, which hides what the design
// counts on (the launch tab loading while the API call is on the wire); this shows the same flow at a
// round-trip time typical of a hosting server. TLS passes through untouched; the browser trusts the
// emulator's certificate by its key hash, whatever address it was reached on.
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface LatencyProxy {
  close(): Promise<void>;
}

/** Forwards `data` from `from` to `to` after `delayMs`, in order (equal delays fire in order). */
function relay(from: Socket, to: Socket, delayMs: number): void {
  from.on('data', (chunk) => setTimeout(() => to.writable && to.write(chunk), delayMs));
  from.on('end', () => setTimeout(() => to.end(), delayMs));
}

export async function startLatencyProxy(options: {
  host: string;
  target: string;
  ports: number[];
  /** One-way delay; the round trip costs twice this. */
  delayMs: number;
}): Promise<LatencyProxy> {
  const sockets = new Set<Socket>();
  const servers: Server[] = [];
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  for (const port of options.ports) {
    const server = createServer((client) => {
      const upstream = createConnection({ host: options.target, port });
      track(client);
      track(upstream);
      relay(client, upstream, options.delayMs);
      relay(upstream, client, options.delayMs);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => setTimeout(() => client.destroy(), options.delayMs));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: options.host, port, exclusive: true }, () => resolve());
    });
    servers.push(server);
  }
  return {
    async close() {
      for (const socket of sockets) socket.destroy();
      await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
    },
  };
}
