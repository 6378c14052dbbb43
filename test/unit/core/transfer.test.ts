import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { accountInputSchema } from '../../../src/core/accountInput';
import { AccountRepository } from '../../../src/core/accounts';
import { Keyring } from '../../../src/core/keyring';
import { MemoryStore } from '../../../src/core/memoryStore';
import { exportAccounts, importAccounts, sealExport } from '../../../src/core/transfer';
import { english } from '../../support/english';
import { TEST_TOKEN } from '../../support/tokens';

const TOKENS = [TEST_TOKEN, 'QWERTYUIOPASDFGHJKLZXCVBNM098765'];

function repository(store = new MemoryStore()) {
  return new AccountRepository(store, new Keyring(store, new MemoryStore()));
}

const ENTRY = { kind: 'cpanel', host: 'a.example.com', port: 2083, username: 'a', token: TOKENS[0] };

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
      label: 'WHM desk',
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
      { kind: 'whm', host: 'w.example.com', username: 'root', label: 'WHM desk', askPassword: false },
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

  // PBKDF2 runs several times: a busy machine needs more than the default 5 s.
  it('reports malformed and duplicate entries and leaves existing accounts alone', {
    timeout: 60_000,
  }, async () => {
    const file = await sealExport(
      [
        ENTRY,
        { ...ENTRY, username: 'b', token: 'short' },
        { label: 'no token', kind: 'cpanel', host: 'c.example.com', username: 'c' },
        { ...ENTRY, username: 'd', host: 'not a host' },
      ],
      'file passphrase',
    );
    const target = await filled();
    const before = await target.list();
    const result = await importAccounts(target, file, 'file passphrase');
    expect(result.imported).toBe(0);
    expect(result.rejected.map((entry) => entry.index)).toEqual([0, 1, 2, 3]);
    expect(result.rejected.map((entry) => english(entry.reason))).toEqual([
      'a@a.example.com is already set up.',
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

  // PBKDF2 runs several times: a busy machine needs more than the default 5 s.
  it('encrypts the whole account list: no server, user or label is readable in the file', {
    timeout: 60_000,
  }, async () => {
    const file = await exportAccounts(await filled(), 'file passphrase');
    // Each holds a character base64 has not ('.', '"', ' '), or is long enough never to come up by chance
    // in the ciphertext (a three-letter label did, once in a few hundred runs).
    for (const text of ['a.example.com', 'w.example.com', '"root"', 'WHM desk', 'cpanel', ...TOKENS])
      expect(file).not.toContain(text);
    expect(JSON.parse(file)).toMatchObject({ format: 'webmail-launcher-accounts', version: 2 });
  });

  // PBKDF2 runs several times: a busy machine needs more than the default 5 s.
  it('imports nothing from a changed file and says it was changed', { timeout: 60_000 }, async () => {
    const file = JSON.parse(await exportAccounts(await filled(), 'file passphrase'));
    const data: string = file.data;
    for (const at of [0, 5, Math.floor(data.length / 2), data.length - 4]) {
      const flipped = data[at] === 'A' ? 'B' : 'A';
      const tampered = { ...file, data: `${data.slice(0, at)}${flipped}${data.slice(at + 1)}` };
      const target = repository();
      await expect(importAccounts(target, JSON.stringify(tampered), 'file passphrase')).rejects.toMatchObject(
        {
          code: 'bad_input',
          key: 'error_security_import_tampered',
        },
      );
      expect(await target.list()).toEqual([]);
    }
  });

  // PBKDF2 runs several times: a busy machine needs more than the default 5 s.
  it('refuses a file of the first format, whose server names nothing protected, and says so', {
    timeout: 60_000,
  }, async () => {
    const old = {
      format: 'webmail-launcher-accounts',
      version: 1,
      kdf: { name: 'PBKDF2-SHA-256', iterations: 600000, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' },
      accounts: [{ ...ENTRY, token: { iv: 'AAAAAAAAAAAAAAAA', data: 'AAAA' } }],
    };
    const target = repository();
    await expect(importAccounts(target, JSON.stringify(old), 'file passphrase')).rejects.toMatchObject({
      code: 'bad_input',
      key: 'error_security_import_old_version',
    });
    expect(await target.list()).toEqual([]);
  });

  // PBKDF2 runs several times: a busy machine needs more than the default 5 s.
  it('answers bad_input for a salt or ciphertext that is not base64', { timeout: 60_000 }, async () => {
    const file = JSON.parse(await exportAccounts(await filled(), 'file passphrase'));
    for (const broken of [
      { ...file, kdf: { ...file.kdf, salt: '*not base64*' } },
      { ...file, iv: 'é' },
      { ...file, data: '%%%' },
      { ...file, check: { ...file.check, iv: '!!' } },
    ]) {
      await expect(
        importAccounts(repository(), JSON.stringify(broken), 'file passphrase'),
      ).rejects.toMatchObject({
        code: 'bad_input',
      });
    }
  });

  // PBKDF2 runs several times: a busy machine needs more than the default 5 s.
  it('adds all accounts of a file in one write, never some of them', { timeout: 60_000 }, async () => {
    const file = await exportAccounts(await filled(), 'file passphrase');
    const store = new MemoryStore();
    const target = repository(store);
    // The device key is made before the import writes the accounts.
    await target.add(v.parse(accountInputSchema, { ...ENTRY, host: 'x.example.com' }));
    let writes = 0;
    const set = store.set.bind(store);
    // A storage that takes one more write of the accounts and fails every later one (a full disk).
    store.set = async (key, value) => {
      if (key === 'accounts' && ++writes > 1) throw new Error('disk full');
      return set(key, value);
    };
    expect((await importAccounts(target, file, 'file passphrase')).imported).toBe(2);
    expect(writes).toBe(1);
    expect((await target.list()).map((account) => account.host)).toEqual([
      'x.example.com',
      'a.example.com',
      'w.example.com',
    ]);
  });
});
