import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { accountInputSchema } from '../../../src/core/accountInput';
import { AccountRepository } from '../../../src/core/accounts';
import { Directory } from '../../../src/core/directory';
import { Keyring } from '../../../src/core/keyring';
import { MemoryStore } from '../../../src/core/memoryStore';
import { WhmIndex, whmServers } from '../../../src/core/whmIndex';
import { routedFetch, whmOk } from '../../support/routedFetch';
import { TEST_TOKEN } from '../../support/tokens';

const TOKEN = TEST_TOKEN;

async function setup() {
  const store = new MemoryStore();
  const accounts = new AccountRepository(store, new Keyring(store, new MemoryStore()));
  const { fetch, calls } = routedFetch({
    '/json-api/listaccts': whmOk({
      acct: [
        { user: 'shop', domain: 'shop.test', owner: 'root', suspended: 0, is_locked: 0 },
        { user: 'gone', domain: 'gone.test', owner: 'root', suspended: 1, is_locked: 0 },
      ],
    }),
    '/json-api/list_pops_for': (url: URL) =>
      whmOk({ pops: url.searchParams.get('user') === 'shop' ? ['orders@shop.test'] : ['old@gone.test'] }),
    '/json-api/getdomainowner': whmOk({ user: 'other' }),
  });
  const transport = { fetch };
  const whm = new WhmIndex({ store, server: whmServers(accounts, transport), flushMs: 1 });
  const directory = new Directory({ accounts, store, hostAccess: { has: async () => true }, transport, whm });
  const id = await accounts.add(
    v.parse(accountInputSchema, {
      kind: 'whm',
      host: 'w.example.com',
      username: 'root',
      token: TOKEN,
      label: 'W',
    }),
  );
  return { directory, whm, id, calls };
}

describe('Directory with a WHM directory', () => {
  it('lists every mailbox of every account the token sees, with its owner and suspension', async () => {
    const { directory, whm, id, calls } = await setup();
    await directory.mailboxes(id);
    await whm.update(id);
    expect(await directory.mailboxes(id)).toEqual([
      { email: 'shop', main: true, user: 'shop' },
      { email: 'orders@shop.test', user: 'shop' },
      { email: 'gone', main: true, user: 'gone', suspended: true },
      { email: 'old@gone.test', user: 'gone', suspended: true },
    ]);
    const listaccts = calls.find((call) => call.url.includes('listaccts'));
    expect(new URL(listaccts?.url ?? '').searchParams.get('want')).toBe(
      'user,domain,owner,suspended,is_locked',
    );
    expect((await directory.cachedMailboxes())[0]?.mailboxes).toHaveLength(4);
  });

  it('resolves an address through the directory first, getdomainowner only for an unknown domain', async () => {
    const { directory, whm, id, calls } = await setup();
    await whm.update(id);
    expect(await directory.resolve('orders@shop.test')).toMatchObject({ kind: 'whm', owner: 'shop' });
    expect(calls.some((call) => call.url.includes('getdomainowner'))).toBe(false);
    expect(await directory.resolve('a@elsewhere.test')).toMatchObject({ kind: 'whm', owner: 'other' });
    expect(calls.filter((call) => call.url.includes('getdomainowner'))).toHaveLength(1);
  });

  it('forgets the directory with the account', async () => {
    const { directory, whm, id } = await setup();
    await whm.update(id);
    await directory.forget(id);
    expect(await whm.known(id)).toEqual([]);
  });
});
