import { X509Certificate } from 'node:crypto';
import { connect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN, demoFixture, type RunningEmulator, startEmulator } from '../../emulator/index';
import { spkiOf } from '../../emulator/tls';
import { call, DEMO_AUTH } from './helpers';

const ADDRESS = '127.0.0.201';
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ address: ADDRESS });
});
afterAll(() => emu.close());

describe('listeners and certificate', () => {
  it('binds the three real ports on its own address', () => {
    expect(emu.address).toBe(ADDRESS);
    expect(emu.ports).toEqual({ cpanel: 2083, whm: 2087, webmail: 2096 });
  });

  it('serves one certificate on all ports, trusted as CA by hostname checks for the address', async () => {
    for (const port of [2083, 2087, 2096]) {
      const reply = await call(emu, port, '/');
      expect(reply.status).toBe(200);
    }
  });

  it('puts the address, loopback, localhost and every fixture domain (with cpanel./webmail.) in the SAN', () => {
    const san = new X509Certificate(emu.certPem).subjectAltName ?? '';
    for (const name of [`IP Address:${ADDRESS}`, 'IP Address:127.0.0.1', 'DNS:localhost'])
      expect(san).toContain(name);
    for (const domain of [
      'example.com',
      'example.net',
      'example.org',
      'blog.example.com',
      'shop.test',
      'sleepy.test',
    ]) {
      expect(san).toContain(`DNS:${domain}`);
      expect(san).toContain(`DNS:cpanel.${domain}`);
      expect(san).toContain(`DNS:webmail.${domain}`);
    }
  });

  it('reports the SPKI hash of the certificate actually served', async () => {
    const served = await new Promise<string>((resolve, reject) => {
      const socket = connect({ host: ADDRESS, port: 2096, rejectUnauthorized: false }, () => {
        const pem = socket.getPeerX509Certificate()?.toString() ?? '';
        socket.end();
        resolve(pem);
      });
      socket.on('error', reject);
    });
    expect(spkiOf(served)).toBe(emu.spki);
    expect(emu.spki).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });
});

describe('fixture isolation', () => {
  it('works on a deep copy of the demo fixture', () => {
    expect(emu.fixture).toEqual(demoFixture);
    expect(emu.fixture).not.toBe(demoFixture);
    expect(emu.fixture.accounts[0]).not.toBe(demoFixture.accounts[0]);
  });
});

describe('request log', () => {
  it('records port, method, path with query, auth scheme and user, body and time', async () => {
    const before = emu.requests.length;
    await call(emu, 2083, '/execute/Email/list_pops?regex=info', { headers: { Authorization: DEMO_AUTH } });
    await call(emu, 2096, '/cpsess1234567890/login', { method: 'POST', body: 'session=abc' });
    const [first, second] = emu.requests.slice(before);
    expect(first).toMatchObject({
      port: 2083,
      method: 'GET',
      path: '/execute/Email/list_pops?regex=info',
      authScheme: 'cpanel',
      authUser: 'demo',
      body: '',
    });
    expect(first?.at).toBeTypeOf('number');
    expect(second).toMatchObject({
      port: 2096,
      method: 'POST',
      path: '/cpsess1234567890/login',
      authScheme: null,
      authUser: null,
      body: 'session=abc',
    });
  });

  it('records the Basic user and never the token', async () => {
    const before = emu.requests.length;
    await call(emu, 2083, '/execute/Email/list_pops', {
      headers: { Authorization: `Basic ${Buffer.from('demo:Demo-pass-1').toString('base64')}` },
    });
    const rec = emu.requests[before];
    expect(rec).toMatchObject({ authScheme: 'basic', authUser: 'demo' });
    expect(JSON.stringify(emu.requests)).not.toContain(DEMO_TOKEN);
  });
});

describe('pages and unknown paths', () => {
  it.each([
    [2083, '/', 'cPanel Login', 200],
    [2083, '/login/', 'cPanel Login', 401],
    [2087, '/', 'cPanel Login', 200],
    [2087, '/login/', 'cPanel Login', 401],
    [2096, '/', 'Webmail Login', 200],
    [2096, '/login/', 'Webmail Login', 401],
  ])('port %i %s is the HTML login page', async (port, path, title, status) => {
    const reply = await call(emu, port, path);
    expect(reply.status).toBe(status);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    expect(reply.body).toContain(`<title>${title}</title>`);
    expect(reply.body).toMatch(/<form[^>]*>/);
    expect(reply.body).toContain('name="user"');
    expect(reply.body).toContain('name="pass"');
  });

  it('answers unknown paths with 404', async () => {
    const reply = await call(emu, 2083, '/nope');
    expect(reply.status).toBe(404);
  });
});

describe('service subdomains on 443 (cPanel’s proxy subdomains)', () => {
  it.each([
    ['webmail.example.com', '<title>Webmail Login</title>'],
    ['cpanel.example.com', '<title>cPanel Login</title>'],
    ['whm.example.com', '<title>cPanel Login</title>'],
  ])('%s reaches its service', async (host, title) => {
    const address = '127.0.0.216';
    const proxied = await startEmulator({ address, serviceSubdomains: true });
    try {
      const { request } = await import('node:https');
      const reply = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        request(
          {
            host: address,
            port: 443,
            path: '/',
            servername: host,
            headers: { Host: host },
            ca: proxied.certPem,
          },
          (res) => {
            let body = '';
            res.on('data', (chunk: Buffer) => {
              body += chunk.toString();
            });
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          },
        )
          .on('error', reject)
          .end();
      });
      expect(reply.status).toBe(200);
      expect(reply.body).toContain(title);
      expect(proxied.requests.at(-1)?.port).toBe(
        host.startsWith('webmail') ? 2096 : host.startsWith('cpanel') ? 2083 : 2087,
      );
    } finally {
      await proxied.close();
    }
  });

  it('is off by default', async () => {
    const reply = await call(emu, 443, '/').catch((error: NodeJS.ErrnoException) => error.code);
    expect(reply).toBe('ECONNREFUSED');
  });
});

describe('lifecycle', () => {
  it('closes quickly even with a keep-alive connection open, and frees the ports', async () => {
    const address = '127.0.0.215';
    const other = await startEmulator({ address });
    const { Agent, request } = await import('node:https');
    const agent = new Agent({ keepAlive: true, ca: other.certPem });
    await new Promise<void>((resolve, reject) => {
      request({ host: address, port: 2083, path: '/', agent }, (res) => {
        res.resume();
        res.on('end', resolve);
      })
        .on('error', reject)
        .end();
    });
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(1000);
    agent.destroy();
    // Ports are free again: a second emulator can bind the same address.
    const again = await startEmulator({ address });
    await again.close();
    await again.close(); // idempotent
  });

  it('fails to start when the ports are taken, without leaking listeners', async () => {
    await expect(startEmulator({ address: ADDRESS })).rejects.toThrow(/EADDRINUSE/);
    const reply = await call(emu, 2096, '/');
    expect(reply.status).toBe(200);
  });
});
