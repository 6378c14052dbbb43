import { describe, expect, it } from 'vitest';
import {
  DEMO_TOKEN,
  demoFixture,
  makeMailboxes,
  RESELLER_TOKEN,
  ROOT_TOKEN,
  SHOP_TOKEN,
  SLEEPY_TOKEN,
} from '../../emulator/index';
import { newSecurityToken, newSessionString, randomAlnum } from '../../emulator/random';
import { certificateNames } from '../../emulator/tls';
import { SESSION_RE, TOKEN_RE } from './helpers';

const API_TOKEN_RE = /^[0-9A-Z]{32}$/;

describe('demo fixture', () => {
  it('uses API tokens of 32 characters [0-9A-Z] everywhere', () => {
    const all = [
      ...demoFixture.accounts.flatMap((a) => a.tokens),
      ...demoFixture.whmUsers.flatMap((w) => w.tokens),
    ];
    expect(all).toHaveLength(5);
    for (const token of all) expect(token).toMatch(API_TOKEN_RE);
    expect(new Set(all).size).toBe(all.length);
  });

  it('exports each token under its name', () => {
    const tokenOf = (user: string) =>
      demoFixture.accounts.find((a) => a.user === user)?.tokens[0] ??
      demoFixture.whmUsers.find((w) => w.user === user)?.tokens[0];
    expect(tokenOf('demo')).toBe(DEMO_TOKEN);
    expect(tokenOf('shop')).toBe(SHOP_TOKEN);
    expect(tokenOf('sleepy')).toBe(SLEEPY_TOKEN);
    expect(tokenOf('root')).toBe(ROOT_TOKEN);
    expect(tokenOf('reseller1')).toBe(RESELLER_TOKEN);
  });

  it('describes the documented accounts', () => {
    const [demo, shop, sleepy] = demoFixture.accounts;
    expect(demo).toMatchObject({
      user: 'demo',
      password: 'Demo-pass-1',
      mainDomain: 'example.com',
      addonDomains: ['example.net'],
      subDomains: ['blog.example.com'],
      parkedDomains: ['example.org'],
    });
    expect(demo?.mailboxes.map((m) => m.email)).toEqual([
      'info@example.com',
      'sales@example.com',
      'support@example.net',
      'frozen@example.com',
    ]);
    expect(demo?.mailboxes.every((m) => m.password === 'Mailbox-pass-1')).toBe(true);
    expect(demo?.mailboxes.find((m) => m.email === 'frozen@example.com')?.suspendedLogin).toBe(true);
    expect(shop).toMatchObject({ user: 'shop', mainDomain: 'shop.test', owner: 'reseller1' });
    expect(shop?.mailboxes.map((m) => m.email)).toEqual(['orders@shop.test']);
    expect(sleepy).toMatchObject({ user: 'sleepy', mainDomain: 'sleepy.test', suspended: true });
    expect(demoFixture.whmUsers).toEqual([
      expect.objectContaining({ user: 'root', owns: 'all' }),
      expect.objectContaining({ user: 'reseller1', owns: ['shop'] }),
    ]);
  });
});

describe('makeMailboxes', () => {
  it('makes distinct, sortable addresses on the domain', () => {
    const boxes = makeMailboxes('big.test', 10_000);
    expect(boxes).toHaveLength(10_000);
    expect(new Set(boxes.map((b) => b.email)).size).toBe(10_000);
    expect(boxes[0]?.email).toBe('box00001@big.test');
    expect(boxes.every((b) => b.email.endsWith('@big.test') && b.password.length > 0)).toBe(true);
  });
});

describe('random formats', () => {
  it('security tokens are /cpsess + 10 digits', () => {
    for (let i = 0; i < 1000; i++) expect(newSecurityToken()).toMatch(TOKEN_RE);
  });

  it('session strings are USER:<16 of [A-Za-z0-9_]>:<TAG>,<32 hex>', () => {
    for (let i = 0; i < 1000; i++) {
      const session = newSessionString('info@example.com', 'CREATE_WEBMAIL_SESSION_FOR_MAIL_USER');
      expect(session).toMatch(SESSION_RE);
      expect(session.startsWith('info@example.com:')).toBe(true);
    }
  });

  it('alphanumerics use letters and digits only', () => {
    expect(randomAlnum(200)).toMatch(/^[A-Za-z0-9]{200}$/);
  });
});

describe('certificate names', () => {
  it('cover the address, loopback, localhost and the fixture domains with service subdomains', () => {
    const names = certificateNames('127.0.0.9', demoFixture);
    expect(names.ips).toEqual(['127.0.0.9', '127.0.0.1']);
    expect(names.dns).toContain('localhost');
    expect(names.dns).toContain('webmail.example.net');
    expect(names.dns).toContain('cpanel.blog.example.com');
    expect(certificateNames('127.0.0.1', demoFixture).ips).toEqual(['127.0.0.1']);
  });
});
