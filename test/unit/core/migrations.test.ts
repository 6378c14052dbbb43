import { describe, expect, it } from 'vitest';
import { AccountRepository } from '../../../src/core/accounts';
import { seal } from '../../../src/core/crypto';
import { Keyring } from '../../../src/core/keyring';
import { MemoryStore } from '../../../src/core/memoryStore';
import { ACCOUNTS_VERSION, type AccountsRecordV1, migrateAccounts } from '../../../src/core/migrations';
import { TEST_TOKEN } from '../../support/tokens';

const TOKEN = TEST_TOKEN;

/** A record exactly as version 1 of the extension wrote it, sealed with the device key in `store`. */
async function v1Record(store: MemoryStore): Promise<AccountsRecordV1> {
  const key = await new Keyring(store, new MemoryStore()).deviceKey();
  const account = (id: string, label: string) =>
    seal(key, TOKEN).then((token) => ({
      id,
      label,
      kind: 'cpanel' as const,
      host: 'h.example.com',
      port: 2083,
      username: 'u',
      token,
    }));
  return { version: 1, accounts: [await account('a', 'First'), await account('b', 'Second')] };
}

describe('migrateAccounts', () => {
  it('starts empty when nothing is stored', () => {
    expect(migrateAccounts(undefined)).toEqual({ version: ACCOUNTS_VERSION, accounts: [] });
  });

  it('brings a version 1 record forward without dropping an account or its token', async () => {
    const store = new MemoryStore();
    await store.set('accounts', await v1Record(store));
    const accounts = new AccountRepository(store, new Keyring(store, new MemoryStore()));
    const listed = await accounts.list();
    expect(
      listed.map(({ id, label, askPassword, isDefault }) => ({ id, label, askPassword, isDefault })),
    ).toEqual([
      { id: 'a', label: 'First', askPassword: false, isDefault: true },
      { id: 'b', label: 'Second', askPassword: false, isDefault: false },
    ]);
    expect((await accounts.credentials('b')).token).toBe(TOKEN);
    await accounts.setDefault('b');
    expect((await store.get<{ version: number }>('accounts'))?.version).toBe(ACCOUNTS_VERSION);
  });

  it('keeps a current record as it is', async () => {
    const record = { version: ACCOUNTS_VERSION, accounts: [], defaultId: 'x' };
    expect(migrateAccounts(record)).toEqual(record);
  });
});
