import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { accountInputSchema } from '../../../src/core/accountInput';
import { AccountRepository } from '../../../src/core/accounts';
import { Directory } from '../../../src/core/directory';
import { Keyring } from '../../../src/core/keyring';
import { MemoryStore } from '../../../src/core/memoryStore';
import { english } from '../../support/english';
import { routedFetch, uapiOk, whmOk } from '../../support/routedFetch';
import { TEST_TOKEN } from '../../support/tokens';

const TOKEN = TEST_TOKEN;
const pops = (...emails: string[]) =>
  uapiOk([
    ...emails.map((email) => ({ email, login: email, suspended_login: 0, suspended_incoming: 0 })),
    { email: 'demo', login: 'Main Account', suspended_login: 0, suspended_incoming: 0 },
  ]);
const domains = uapiOk({
  main_domain: 'example.com',
  addon_domains: ['example.net'],
  sub_domains: [],
  parked_domains: [],
});

async function setup(routes: Parameters<typeof routedFetch>[0], granted = () => true) {
  const store = new MemoryStore();
  const accounts = new AccountRepository(store, new Keyring(store, new MemoryStore()));
  const add = (kind: 'cpanel' | 'whm', host: string, label: string) =>
    accounts.add(v.parse(accountInputSchema, { kind, host, username: 'demo', token: TOKEN, label }));
  const { fetch, calls } = routedFetch(routes);
  let now = 0;
  const directory = new Directory({
    accounts,
    store,
    hostAccess: { has: async () => granted() },
    transport: { fetch },
    now: () => now,
  });
  return { directory, add, calls, store, advance: (ms: number) => (now += ms) };
}

describe('Directory.resolve', () => {
  it('finds the cPanel account owning the domain and checks the mailbox exists', async () => {
    const { directory, add } = await setup({
      '/execute/DomainInfo/list_domains': domains,
      '/execute/Email/list_pops': pops('sales@example.net'),
    });
    const id = await add('cpanel', 'a.example.com', 'A');
    expect(await directory.resolve('Sales@Example.net')).toMatchObject({
      kind: 'cpanel',
      account: { id },
      email: 'sales@example.net',
    });
  });

  it('answers not_found for an owned domain without that mailbox, after one fresh look', async () => {
    const { directory, add, calls } = await setup({
      '/execute/DomainInfo/list_domains': domains,
      '/execute/Email/list_pops': pops('sales@example.com'),
    });
    await add('cpanel', 'a.example.com', 'A');
    const error = await directory.resolve('ghost@example.com').catch((error: unknown) => error);
    expect(error).toMatchObject({ code: 'not_found' });
    expect(english(error)).toBe('A owns example.com but has no mailbox ghost@example.com.');
    expect(calls.filter((call) => call.url.includes('list_pops'))).toHaveLength(2);
  });

  it('asks WHM tokens who owns a domain no cPanel account has', async () => {
    const { directory, add } = await setup({
      '/execute/DomainInfo/list_domains': domains,
      '/execute/Email/list_pops': pops(),
      '/json-api/getdomainowner': (url: URL) =>
        url.searchParams.get('domain') === 'shop.test' ? whmOk({ user: 'shop' }) : whmOk({ user: null }), // Whostmgr/API/1/Accounts.pm: result 1, user undef
    });
    await add('cpanel', 'a.example.com', 'A');
    const whm = await add('whm', 'w.example.com', 'W');
    expect(await directory.resolve('orders@shop.test')).toMatchObject({
      kind: 'whm',
      account: { id: whm },
      owner: 'shop',
    });
    await expect(directory.resolve('x@nowhere.test')).rejects.toMatchObject({
      code: 'no_account_for_domain',
    });
  });

  it('names accounts that could not be asked instead of failing the whole lookup', async () => {
    const { directory, add } = await setup({
      '/execute/DomainInfo/list_domains': (url: URL) =>
        url.hostname === 'a.example.com' ? new Response('denied', { status: 401 }) : domains,
    });
    await add('cpanel', 'a.example.com', 'Broken');
    await add('cpanel', 'b.example.com', 'Working');
    const error = await directory.resolve('x@elsewhere.example').catch((error: unknown) => error);
    expect(error).toMatchObject({ code: 'no_account_for_domain' });
    expect(english(error)).toContain('Broken could not be asked');
  });

  it('gives the reason itself when no account could be asked, all for that one reason', async () => {
    const { directory, add } = await setup({
      '/execute/DomainInfo/list_domains': new Response('denied', { status: 401 }),
    });
    await add('cpanel', 'a.example.com', 'Broken');
    await add('cpanel', 'b.example.com', 'Also broken');
    await expect(directory.resolve('x@example.com')).rejects.toMatchObject({ code: 'auth_failed' });
  });

  it('skips accounts without host access', async () => {
    const { directory, add, calls } = await setup(
      { '/execute/DomainInfo/list_domains': domains },
      () => false,
    );
    await add('cpanel', 'a.example.com', 'A');
    await expect(directory.resolve('x@example.com')).rejects.toMatchObject({ code: 'no_account_for_domain' });
    expect(calls).toHaveLength(0);
  });
});

describe('Directory.mailboxes', () => {
  it('caches the list and reloads it when asked or when it is old', async () => {
    const { directory, add, calls, advance } = await setup({
      '/execute/Email/list_pops': pops('a@example.com'),
    });
    const id = await add('cpanel', 'a.example.com', 'A');
    await directory.mailboxes(id);
    await directory.mailboxes(id);
    expect(calls).toHaveLength(1);
    await directory.mailboxes(id, true);
    expect(calls).toHaveLength(2);
    advance(16 * 60_000);
    await directory.mailboxes(id);
    expect(calls).toHaveLength(3);
    expect((await directory.cachedMailboxes())[0]?.mailboxes?.map((m) => m.email)).toEqual([
      'a@example.com',
      'demo',
    ]);
  });

  it('stores a list compact and sorted, and reads it back as mailboxes', async () => {
    const { directory, add, store, calls } = await setup({
      '/execute/Email/list_pops': pops('zed@example.com', 'amy@example.com'),
    });
    const id = await add('cpanel', 'a.example.com', 'A');
    await directory.mailboxes(id);
    expect(store.data.get(`mailboxes:${id}`)).toEqual({
      fetchedAt: 0,
      value: { emails: 'amy@example.com\ndemo\nzed@example.com', main: [1], suspended: [] },
    });
    expect(await directory.mailboxes(id)).toEqual([
      { email: 'amy@example.com' },
      { email: 'demo', main: true },
      { email: 'zed@example.com' },
    ]);
    expect(calls).toHaveLength(1);
  });

  it('still reads a list stored as objects by an older version', async () => {
    const { directory, add, store, calls } = await setup({});
    const id = await add('cpanel', 'a.example.com', 'A');
    const stored = [{ email: 'old@example.com' }, { email: 'demo', main: true }];
    store.data.set(`mailboxes:${id}`, { fetchedAt: 0, value: stored });
    expect(await directory.mailboxes(id)).toEqual(stored);
    expect(calls).toHaveLength(0);
  });

  it('has no mailbox list for a WHM token', async () => {
    const { directory, add, calls } = await setup({});
    const id = await add('whm', 'w.example.com', 'W');
    expect(await directory.mailboxes(id)).toEqual([]);
    expect(calls).toHaveLength(0);
  });
});
