import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Credentials } from '../../../src/cpanel/credentials';
import { LauncherError } from '../../../src/cpanel/errors';
import { LISTACCTS_WANT, listPopsFor, listWhmAccounts } from '../../../src/cpanel/whmDirectory';
import {
  makeWorld,
  ROOT_TOKEN,
  type RunningEmulator,
  startEmulator,
  worldResellerToken,
} from '../../emulator';
import { insecureFetch } from '../../support/insecureFetch';

const ADDRESS = '127.0.0.232';
const options = { fetch: insecureFetch };
let emu: RunningEmulator;

beforeAll(async () => {
  const world = makeWorld({ accounts: 6, mailboxes: 2, resellers: 1, suspendedEvery: 3 });
  // A locked account (listaccts is_locked) cannot sign in either.
  const locked = world.accounts[3];
  if (locked) locked.locked = true;
  emu = await startEmulator({ address: ADDRESS, fixture: world });
});
afterAll(() => emu?.close());

const root: Credentials = { kind: 'whm', host: ADDRESS, port: 2087, username: 'root', token: ROOT_TOKEN };
const reseller: Credentials = { ...root, username: 'reseller1', token: worldResellerToken(1) };

describe('listWhmAccounts', () => {
  it('reads every account with its owner and suspension, asking only for the fields it needs', async () => {
    const rows = await listWhmAccounts(root, options);
    expect(rows.map((row) => row.user)).toEqual([
      'acct0001',
      'acct0002',
      'acct0003',
      'acct0004',
      'acct0005',
      'acct0006',
    ]);
    expect(rows[0]).toEqual({
      user: 'acct0001',
      domain: 'acct0001.test',
      owner: 'reseller1',
      suspended: false,
    });
    expect(rows.filter((row) => row.suspended).map((row) => row.user)).toEqual([
      'acct0003',
      'acct0004',
      'acct0006',
    ]);
    const asked = emu.requests.filter((r) => r.path.startsWith('/json-api/listaccts')).at(-1);
    expect(new URL(asked?.path ?? '', 'https://x').searchParams.get('want')).toBe(LISTACCTS_WANT);
  });

  it('keeps a reseller to the accounts it owns', async () => {
    const rows = await listWhmAccounts(reseller, options);
    expect(rows.map((row) => row.user)).toEqual(['acct0001', 'acct0003', 'acct0005']);
  });

  it('reads a server answer without data as no accounts', async () => {
    const fetchEmpty: typeof fetch = async () =>
      new Response(
        JSON.stringify({ metadata: { command: 'listaccts', reason: 'OK', result: 1, version: 1 } }),
      );
    expect(await listWhmAccounts(root, { fetch: fetchEmpty })).toEqual([]);
  });

  it('refuses a malformed answer', async () => {
    const fetchBad: typeof fetch = async () =>
      new Response(JSON.stringify({ data: { acct: [{ domain: 'x.test' }] }, metadata: { result: 1 } }));
    await expect(listWhmAccounts(root, { fetch: fetchBad })).rejects.toMatchObject({
      code: 'invalid_response',
    });
  });
});

describe('listPopsFor', () => {
  it('lists the addresses of one account', async () => {
    expect(await listPopsFor(root, 'acct0002', options)).toEqual([
      'box01@acct0002.test',
      'box02@acct0002.test',
    ]);
  });

  it('passes on the server refusal for an unknown user', async () => {
    const failure = await listPopsFor(root, 'ghost', options).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LauncherError);
    expect(failure).toMatchObject({ code: 'api_error' });
  });
});
