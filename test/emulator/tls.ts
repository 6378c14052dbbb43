// The one self-signed certificate shared by the three listeners.
import { createHash, X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';
import type { Fixture } from './types';

export interface TlsMaterial {
  key: string;
  cert: string;
  /** base64 SHA-256 of the SubjectPublicKeyInfo (chromium --ignore-certificate-errors-spki-list). */
  spki: string;
}

/** Every host name a browser or client may use to reach the emulator. */
export function certificateNames(address: string, fixture: Fixture): { ips: string[]; dns: string[] } {
  const dns = new Set<string>(['localhost']);
  for (const acct of fixture.accounts) {
    const domains = [
      acct.mainDomain,
      ...(acct.addonDomains ?? []),
      ...(acct.parkedDomains ?? []),
      ...(acct.subDomains ?? []),
    ];
    for (const d of domains) {
      const domain = d.toLowerCase();
      dns.add(domain);
      dns.add(`cpanel.${domain}`);
      dns.add(`webmail.${domain}`);
      dns.add(`whm.${domain}`);
    }
  }
  return { ips: [...new Set([address, '127.0.0.1'])], dns: [...dns] };
}

export function spkiOf(certPem: string): string {
  const der = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64');
}

// Key generation costs tens of milliseconds; reuse a certificate for the same names within a process.
const cache = new Map<string, Promise<TlsMaterial>>();

export function createTlsMaterial(address: string, fixture: Fixture): Promise<TlsMaterial> {
  const names = certificateNames(address, fixture);
  const cacheKey = JSON.stringify(names);
  let material = cache.get(cacheKey);
  if (!material) {
    material = generateMaterial(names);
    cache.set(cacheKey, material);
    material.catch(() => cache.delete(cacheKey));
  }
  return material;
}

async function generateMaterial(names: { ips: string[]; dns: string[] }): Promise<TlsMaterial> {
  const notBeforeDate = new Date(Date.now() - 24 * 3600_000);
  const notAfterDate = new Date(Date.now() + 365 * 24 * 3600_000);
  const pems = await generate([{ name: 'commonName', value: 'cPanel emulator' }], {
    keyType: 'rsa',
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...names.ips.map((ip) => ({ type: 7 as const, ip })),
          ...names.dns.map((value) => ({ type: 2 as const, value })),
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert, spki: spkiOf(pems.cert) };
}
