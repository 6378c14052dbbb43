// The demo server's accounts, mailboxes and WHM users, plus generators for big fixtures.
import type { CpanelAccountFixture, Fixture, MailboxFixture, WhmUserFixture } from './types';

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

export interface WorldOptions {
  /** cPanel accounts: user `acct0001`…, main domain `acct0001.test`. */
  accounts: number;
  /** Mailboxes per account: `box01@acct0001.test`…. */
  mailboxes: number;
  /** Resellers `reseller1`…, each owning every `resellerEvery`-th account from its own offset; default 0. */
  resellers?: number;
  resellerEvery?: number;
  /** Every n-th account is suspended (0: none); every n-th mailbox of each account has its login suspended. */
  suspendedEvery?: number;
  suspendedLoginEvery?: number;
}

/** The token of `reseller<n>` in a world: 32 characters of [0-9A-Z]. */
export const worldResellerToken = (n: number) => `WORLDRESELLER${String(n).padStart(19, '0')}`;

/**
 * A big server: N accounts × M mailboxes, root (ROOT_TOKEN) seeing all, resellers owning subsets, some
 * accounts suspended and some logins suspended. Deterministic, so tests can name what they expect.
 */
export function makeWorld(options: WorldOptions): Fixture {
  const { accounts: count, mailboxes: perAccount } = options;
  const resellers = options.resellers ?? 0;
  const every = options.resellerEvery ?? Math.max(resellers + 1, 2);
  const width = Math.max(4, String(count).length);
  const accounts: CpanelAccountFixture[] = [];
  for (let i = 1; i <= count; i++) {
    const user = `acct${String(i).padStart(width, '0')}`;
    const domain = `${user}.test`;
    const reseller = resellers > 0 && i % every !== 0 && i % every <= resellers ? i % every : 0;
    const account: CpanelAccountFixture = {
      user,
      password: `Pass-${user}-1`,
      tokens: [],
      mainDomain: domain,
      mailboxes: Array.from({ length: perAccount }, (_, j) => {
        const mailbox: MailboxFixture = {
          email: `box${String(j + 1).padStart(2, '0')}@${domain}`,
          password: MAILBOX_PASSWORD,
        };
        if (options.suspendedLoginEvery && (j + 1) % options.suspendedLoginEvery === 0)
          mailbox.suspendedLogin = true;
        return mailbox;
      }),
      locale: 'en',
    };
    if (reseller > 0) account.owner = `reseller${reseller}`;
    if (options.suspendedEvery && i % options.suspendedEvery === 0) account.suspended = true;
    accounts.push(account);
  }
  const whmUsers: WhmUserFixture[] = [
    { user: 'root', tokens: [ROOT_TOKEN], password: ROOT_PASSWORD, owns: 'all' },
  ];
  for (let n = 1; n <= resellers; n++) {
    whmUsers.push({ user: `reseller${n}`, tokens: [worldResellerToken(n)], owns: [] });
  }
  return { accounts, whmUsers };
}

/** Deep copy so a running emulator (or a test) can mutate its fixture without touching the shared one. */
export function cloneFixture(fixture: Fixture): Fixture {
  return structuredClone(fixture);
}
