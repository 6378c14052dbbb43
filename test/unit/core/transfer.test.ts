import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { accountInputSchema } from '../../../src/core/accountInput';
import { AccountRepository } from '../../../src/core/accounts';
import { Keyring } from '../../../src/core/keyring';
import { MemoryStore } from '../../../src/core/memoryStore';
import { exportAccounts, importAccounts } from '../../../src/core/transfer';
import { english } from '../../support/english';
import { TEST_TOKEN } from '../../support/tokens';

const TOKENS = [TEST_TOKEN, 'QWERTYUIOPASDFGHJKLZXCVBNM098765'];

function repository() {
  const store = new MemoryStore();
  return new AccountRepository(store, new Keyring(store, new MemoryStore()));
}

async function filled() {
  const accounts = repository();
  await accounts.add(
    v.parse(accountInputSchema, {
      kind: 'cpanel',
      host: 'a.example.com',
      username: 'a',
      token: TOKENS[0],
      askPassword: true,
    }),
  );
  await accounts.add(
    v.parse(accountInputSchema, {
      kind: 'whm',
      host: 'w.example.com',
      username: 'root',
      token: TOKENS[1],
      label: 'WHM',
    }),
  );
  return accounts;
}

describe('export and import', () => {
  it('round-trips every account, with tokens only in encrypted form in the file', async () => {
    const file = await exportAccounts(await filled(), 'file passphrase');
    for (const token of TOKENS) expect(file).not.toContain(token);
    const target = repository();
    expect(await importAccounts(target, file, 'file passphrase')).toEqual({ imported: 2, rejected: [] });
    const listed = await target.list();
    expect(
      listed.map(({ kind, host, username, label, askPassword }) => ({
        kind,
        host,
        username,
        label,
        askPassword,
      })),
    ).toEqual([
      { kind: 'cpanel', host: 'a.example.com', username: 'a', label: 'a@a.example.com', askPassword: true },
      { kind: 'whm', host: 'w.example.com', username: 'root', label: 'WHM', askPassword: false },
    ]);
    expect(
      await Promise.all(listed.map(async (account) => (await target.credentials(account.id)).token)),
    ).toEqual(TOKENS);
  });

  it('imports nothing with a wrong passphrase', async () => {
    const file = await exportAccounts(await filled(), 'file passphrase');
    const target = repository();
    await expect(importAccounts(target, file, 'not the passphrase')).rejects.toMatchObject({
      code: 'wrong_passphrase',
    });
    expect(await target.list()).toEqual([]);
  });

  it('reports malformed and duplicate entries and leaves existing accounts alone', async () => {
    const source = await filled();
    const parsed = JSON.parse(await exportAccounts(source, 'file passphrase'));
    parsed.accounts.push({ label: 'no token' }, { ...parsed.accounts[0], host: 'not a host' });
    const target = await filled();
    const before = await target.list();
    const result = await importAccounts(target, JSON.stringify(parsed), 'file passphrase');
    expect(result.imported).toBe(0);
    expect(result.rejected.map((entry) => entry.index)).toEqual([0, 1, 2, 3]);
    const [account] = await source.list();
    expect(result.rejected.map((entry) => english(entry.reason))).toEqual([
      `${account?.username}@${account?.host} is already set up.`,
      expect.any(String),
      'The entry has no encrypted token.',
      'The server address is not a valid host name, e.g. server.example.com.',
    ]);
    expect(await target.list()).toEqual(before);
  });

  it('refuses a file that is not an export', async () => {
    await expect(importAccounts(repository(), 'hello', 'x')).rejects.toMatchObject({ code: 'bad_input' });
    await expect(importAccounts(repository(), '{"format":"other"}', 'x')).rejects.toMatchObject({
      code: 'bad_input',
    });
  });
});
