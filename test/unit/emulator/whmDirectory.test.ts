import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  makeWorld,
  type RunningEmulator,
  startEmulator,
  WHM_TEXT,
  worldResellerToken,
} from '../../emulator/index';
import { ROOT_AUTH, whm, whmAuth } from './helpers';

const RESELLER_AUTH = whmAuth('reseller1', worldResellerToken(1));
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({
    address: '127.0.0.231',
    fixture: makeWorld({
      accounts: 12,
      mailboxes: 3,
      resellers: 2,
      suspendedEvery: 5,
      suspendedLoginEvery: 3,
    }),
  });
});
afterAll(() => emu.close());

describe('a generated world', () => {
  it('has N accounts of M mailboxes, resellers owning subsets, suspended accounts and logins', () => {
    const { accounts, whmUsers } = emu.fixture;
    expect(accounts).toHaveLength(12);
    expect(accounts.every((a) => a.mailboxes.length === 3)).toBe(true);
    expect(accounts.filter((a) => a.suspended).map((a) => a.user)).toEqual(['acct0005', 'acct0010']);
    expect(accounts[0]?.mailboxes.map((m) => m.suspendedLogin === true)).toEqual([false, false, true]);
    expect(whmUsers.map((w) => w.user)).toEqual(['root', 'reseller1', 'reseller2']);
    expect(accounts.filter((a) => a.owner === 'reseller1').map((a) => a.user)).toEqual([
      'acct0001',
      'acct0004',
      'acct0007',
      'acct0010',
    ]);
  });
});

describe('listaccts', () => {
  it('answers only the keys named in want, an unknown one as null', async () => {
    const result = await whm(emu, 'listaccts', { want: 'user,owner,suspended,nosuchkey' });
    expect(result.metadata).toMatchObject({ command: 'listaccts', result: 1, reason: 'OK' });
    expect(result.data.acct).toHaveLength(12);
    expect(result.data.acct[4]).toEqual({
      user: 'acct0005',
      owner: 'reseller2',
      suspended: 1,
      nosuchkey: null,
    });
  });

  it('answers the stock fields without want, is_locked among them', async () => {
    const result = await whm(emu, 'listaccts');
    expect(Object.keys(result.data.acct[0])).toEqual(
      expect.arrayContaining(['user', 'domain', 'owner', 'suspended', 'suspendreason', 'is_locked', 'ip']),
    );
  });

  it('refuses an unknown search type as the stock code does', async () => {
    expect((await whm(emu, 'listaccts', { searchtype: 'nope' })).metadata).toMatchObject({
      result: 0,
      reason: WHM_TEXT.unknownSearchType,
    });
  });

  it('shows a reseller only its own accounts', async () => {
    const result = await whm(emu, 'listaccts', { want: 'user' }, RESELLER_AUTH);
    expect(result.data.acct.map((a: { user: string }) => a.user)).toEqual([
      'acct0001',
      'acct0004',
      'acct0007',
      'acct0010',
    ]);
  });
});

describe('list_pops_for', () => {
  it('lists the addresses of an account, sorted, without the main account', async () => {
    expect(await whm(emu, 'list_pops_for', { user: 'acct0002' })).toEqual({
      data: { pops: ['box01@acct0002.test', 'box02@acct0002.test', 'box03@acct0002.test'] },
      metadata: { command: 'list_pops_for', reason: 'OK', result: 1, version: 1 },
    });
  });

  it('fails for a missing or unknown user, and for a reseller asking about another owner', async () => {
    expect((await whm(emu, 'list_pops_for')).metadata.result).toBe(0);
    expect((await whm(emu, 'list_pops_for', { user: 'ghost' })).metadata.reason).toBe(
      WHM_TEXT.noSuchUser('ghost'),
    );
    expect((await whm(emu, 'list_pops_for', { user: 'acct0002' }, RESELLER_AUTH)).metadata.result).toBe(0);
    expect((await whm(emu, 'list_pops_for', { user: 'acct0004' }, RESELLER_AUTH)).metadata.result).toBe(1);
  });
});

describe('accountsummary', () => {
  it('summarises one account by user or by domain', async () => {
    const byUser = await whm(emu, 'accountsummary', { user: 'acct0003' });
    expect(byUser.metadata).toMatchObject({ result: 1, reason: 'OK' });
    expect(byUser.data.acct).toHaveLength(1);
    expect(byUser.data.acct[0]).toMatchObject({ user: 'acct0003', domain: 'acct0003.test', owner: 'root' });
    const byDomain = await whm(emu, 'accountsummary', { domain: 'acct0005.test' });
    expect(byDomain.data.acct[0]).toMatchObject({ user: 'acct0005', suspended: 1 });
  });

  it('fails without an argument, and for an account it does not see', async () => {
    expect((await whm(emu, 'accountsummary')).metadata.reason).toBe(WHM_TEXT.summaryNeedsUserOrDomain);
    const hidden = await whm(emu, 'accountsummary', { user: 'acct0002' }, RESELLER_AUTH);
    expect(hidden.metadata).toMatchObject({ result: 0, reason: WHM_TEXT.noSuchAccount });
  });
});

describe('latency and requests in flight', () => {
  it('delays every answer and counts the most requests at once', async () => {
    emu.setLatency(300);
    emu.load.reset();
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 4 }, () => whm(emu, 'list_pops_for', { user: 'acct0001' }, ROOT_AUTH)),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    // Each request opens its own TLS connection; on a busy machine not all four need to overlap.
    expect(emu.load.maxInFlight).toBeGreaterThanOrEqual(2);
    expect(emu.load.maxInFlight).toBeLessThanOrEqual(4);
    // A response counts until the server has closed it, a moment after the client read it.
    await vi.waitFor(() => expect(emu.load.inFlight).toBe(0));
    emu.setLatency(0);
  });
});
