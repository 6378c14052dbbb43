import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { connect } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator/index';
import { spkiOf } from '../../emulator/tls';
import { uapi } from './helpers';

const cli = fileURLToPath(new URL('../../emulator/cli.ts', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('cli', () => {
  it('prints one JSON line, serves the demo fixture, and exits cleanly on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', cli, '--address', '127.0.0.206', '--hostname', 'mail.example.com'],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', () => reject(new Error(`cli exited early: ${stderr}`)));
      });
      const info = JSON.parse(line) as { address: string; ports: RunningEmulator['ports']; spki: string };
      expect(Object.keys(info)).toEqual(['address', 'ports', 'spki']);
      expect(info.address).toBe('127.0.0.206');
      expect(info.ports).toEqual({ cpanel: 2083, whm: 2087, webmail: 2096 });
      expect(info.spki).toMatch(/^[A-Za-z0-9+/]{43}=$/);

      // Compare the key actually served with the announced SPKI, then trust that certificate.
      const certPem = await new Promise<string>((resolve, reject) => {
        const socket = connect({ host: info.address, port: 2083, rejectUnauthorized: false }, () => {
          resolve(socket.getPeerX509Certificate()?.toString() ?? '');
          socket.end();
        });
        socket.on('error', reject);
      });
      expect(spkiOf(certPem)).toBe(info.spki);
      const handle = { address: info.address, ports: info.ports, certPem } as RunningEmulator;

      const self = await uapi(handle, 'Session/create_webmail_session_for_self');
      expect(self.data.hostname).toBe('mail.example.com');
      const pops = await uapi(handle, 'Email/list_pops');
      expect(pops.data.map((p: { email: string }) => p.email)).toContain('info@example.com');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
  }, 20_000);
});
