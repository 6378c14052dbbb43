// The demo server's accounts, mailboxes and WHM users, plus generators for big fixtures.
import type { Fixture, MailboxFixture } from './types';

export const DEMO_TOKEN = 'DEMOAPITOKEN0000000000000000000A';
export const SHOP_TOKEN = 'SHOPAPITOKEN0000000000000000000B';
export const SLEEPY_TOKEN = 'SLEEPYTOKEN00000000000000000000C';
export const ROOT_TOKEN = 'ROOTWHMTOKEN00000000000000000000';
export const RESELLER_TOKEN = 'RESELLERTOKEN0000000000000000000';

export const DEMO_PASSWORD = 'Demo-pass-1';
export const SHOP_PASSWORD = 'Shop-pass-1';
export const SLEEPY_PASSWORD = 'Sleepy-pass-1';
export const ROOT_PASSWORD = 'Root-pass-1';
export const RESELLER_PASSWORD = 'Reseller-pass-1';
export const MAILBOX_PASSWORD = 'Mailbox-pass-1';

export const demoFixture: Fixture = {
  accounts: [
    {
      user: 'demo',
      password: DEMO_PASSWORD,
      tokens: [DEMO_TOKEN],
      mainDomain: 'example.com',
      addonDomains: ['example.net'],
      subDomains: ['blog.example.com'],
      parkedDomains: ['example.org'],
      mailboxes: [
        { email: 'info@example.com', password: MAILBOX_PASSWORD },
        { email: 'sales@example.com', password: MAILBOX_PASSWORD },
        { email: 'support@example.net', password: MAILBOX_PASSWORD },
        { email: 'frozen@example.com', password: MAILBOX_PASSWORD, suspendedLogin: true },
      ],
      locale: 'en',
    },
    {
      user: 'shop',
      password: SHOP_PASSWORD,
      tokens: [SHOP_TOKEN],
      mainDomain: 'shop.test',
      mailboxes: [{ email: 'orders@shop.test', password: MAILBOX_PASSWORD }],
      locale: 'en',
      owner: 'reseller1',
    },
    {
      user: 'sleepy',
      password: SLEEPY_PASSWORD,
      tokens: [SLEEPY_TOKEN],
      mainDomain: 'sleepy.test',
      mailboxes: [{ email: 'nap@sleepy.test', password: MAILBOX_PASSWORD }],
      suspended: true,
      locale: 'en',
    },
  ],
  whmUsers: [
    { user: 'root', tokens: [ROOT_TOKEN], password: ROOT_PASSWORD, owns: 'all' },
    { user: 'reseller1', tokens: [RESELLER_TOKEN], password: RESELLER_PASSWORD, owns: ['shop'] },
  ],
};

/** `count` mailboxes box00001@domain… (for benchmarks: a 10,000-mailbox account). */
export function makeMailboxes(domain: string, count: number, password = MAILBOX_PASSWORD): MailboxFixture[] {
  const width = Math.max(5, String(count).length);
  return Array.from({ length: count }, (_, i) => ({
    email: `box${String(i + 1).padStart(width, '0')}@${domain}`,
    password,
  }));
}

/** Deep copy so a running emulator (or a test) can mutate its fixture without touching the shared one. */
export function cloneFixture(fixture: Fixture): Fixture {
  return structuredClone(fixture);
}
