import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Credentials } from '../../../src/cpanel/credentials';
import { LauncherError } from '../../../src/cpanel/errors';
import {
  LISTACCTS_WANT,
  listMailboxesOf,
  listPopsFor,
  listWhmAccounts,
  mailboxLister,
} from '../../../src/cpanel/whmDirectory';
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
  const world = makeWorld({
    accounts: 6,
    mailboxes: 2,
    resellers: 1,
    suspendedEvery: 3,
    suspendedLoginEvery: 2,
  });
  // An account whose plan has no mail accounts: UAPI Email::list_pops fails inside uapi_cpanel.
  const mailless = world.accounts[4];
  if (mailless) mailless.disabledFeatures = ['popaccts'];
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

describe('listMailboxesOf', () => {
  it('lists one account’s addresses with their login suspension, through uapi_cpanel', async () => {
    expect(await listMailboxesOf(root, 'acct0002', options)).toEqual([
      { email: 'box01@acct0002.test', suspendedLogin: false },
      { email: 'box02@acct0002.test', suspendedLogin: true },
    ]);
    const asked = new URL(emu.requests.at(-1)?.path ?? '', 'https://x');
    expect(asked.pathname).toBe('/json-api/uapi_cpanel');
    expect(Object.fromEntries(asked.searchParams)).toMatchObject({
      'cpanel.user': 'acct0002',
      'cpanel.module': 'Email',
      'cpanel.function': 'list_pops',
    });
  });

  it('keeps a reseller out of an account it does not own', async () => {
    await expect(listMailboxesOf(reseller, 'acct0002', options)).rejects.toMatchObject({ code: 'api_error' });
  });

  it('reports the UAPI failure inside a WHM success as the server’s words', async () => {
    const failure = await listMailboxesOf(root, 'acct0005', options).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'api_error' });
    expect(String((failure as Error).message)).toContain('popaccts');
  });
});

describe('mailboxLister', () => {
  it('falls back to list_pops_for where uapi_cpanel is refused, and asks only that afterwards', async () => {
    const list = mailboxLister(root, options);
    const from = emu.requests.length;
    expect(await list('acct0005')).toEqual([
      { email: 'box01@acct0005.test', suspendedLogin: false },
      { email: 'box02@acct0005.test', suspendedLogin: false },
    ]);
    await list('acct0002');
    expect(emu.requests.slice(from).map((request) => new URL(request.path, 'https://x').pathname)).toEqual([
      '/json-api/uapi_cpanel',
      '/json-api/list_pops_for',
      '/json-api/list_pops_for',
    ]);
  });

  it('does not fall back when the server cannot be reached', async () => {
    const unreachable: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    const failure = await mailboxLister(root, { fetch: unreachable })('acct0002').catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(LauncherError);
    expect((failure as LauncherError).code).not.toBe('api_error');
  });
});
