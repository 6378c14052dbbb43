import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { accountInputSchema } from '../../../src/core/accountInput';
import { AccountRepository } from '../../../src/core/accounts';
import { DEVICE_KEY, Keyring, LAST_USED_KEY, UNLOCKED_KEY, VAULT_KEY } from '../../../src/core/keyring';
import { MemoryStore } from '../../../src/core/memoryStore';
import { Vault } from '../../../src/core/vault';
import { DEFAULT_AUTO_LOCK_MINUTES, PBKDF2_ITERATIONS } from '../../../src/rules';
import { TEST_TOKEN } from '../../support/tokens';

const TOKENS = [TEST_TOKEN, 'QWERTYUIOPASDFGHJKLZXCVBNM098765'];
const PASSPHRASE = 'correct horse battery';

async function setup() {
  const local = new MemoryStore();
  const session = new MemoryStore();
  let now = 0;
  // Few iterations keep the unit tests fast; the product uses 600,000 (checked below).
  const keyring = new Keyring(
    local,
    session,
    () => now,
    async () => DEFAULT_AUTO_LOCK_MINUTES * 60_000,
    1000,
  );
  const accounts = new AccountRepository(local, keyring);
  const vault = new Vault(local, keyring, accounts);
  const ids: string[] = [];
  for (const token of TOKENS) {
    ids.push(
      await accounts.add(
        v.parse(accountInputSchema, { kind: 'cpanel', host: 'h.example.com', username: 'u', token }),
      ),
    );
  }
  const tokens = async () => Promise.all(ids.map(async (id) => (await accounts.credentials(id)).token));
  return { local, session, keyring, accounts, vault, tokens, advance: (ms: number) => (now += ms) };
}

const onDisk = (store: MemoryStore) => JSON.stringify([...store.data]);

describe('Vault', () => {
  it('uses PBKDF2 with at least 600,000 iterations by default', () => {
    expect(new Keyring(new MemoryStore(), new MemoryStore()).iterations).toBe(PBKDF2_ITERATIONS);
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });

  it('re-seals every token under the passphrase and drops the device key', async () => {
    const { local, vault, tokens } = await setup();
    expect(local.data.get(DEVICE_KEY)).toBeTruthy();
    await vault.enable(PASSPHRASE);
    expect(local.data.get(DEVICE_KEY)).toBeNull();
    expect(await vault.status()).toEqual({ enabled: true, locked: false });
    expect(await tokens()).toEqual(TOKENS);
    for (const token of TOKENS) expect(onDisk(local)).not.toContain(token);
    expect(onDisk(local)).not.toContain(PASSPHRASE);
  });

  it('locks, refuses a wrong passphrase, and unlocks with the right one', async () => {
    const { vault, session, accounts, tokens } = await setup();
    await vault.enable(PASSPHRASE);
    await vault.lock();
    expect(session.data.has(UNLOCKED_KEY)).toBe(false);
    expect(await vault.status()).toEqual({ enabled: true, locked: true });
    const [first] = await accounts.list();
    await expect(accounts.credentials(first?.id ?? '')).rejects.toMatchObject({ code: 'locked' });
    // The account list stays readable while locked: it holds no secrets.
    expect(await accounts.list()).toHaveLength(2);
    await expect(vault.unlock('wrong passphrase')).rejects.toMatchObject({ code: 'wrong_passphrase' });
    await vault.unlock(PASSPHRASE);
    expect(await tokens()).toEqual(TOKENS);
  });

  it('locks itself after the idle time', async () => {
    const { vault, advance } = await setup();
    await vault.enable(PASSPHRASE);
    advance(14 * 60_000);
    expect((await vault.status()).locked).toBe(false);
    advance(16 * 60_000);
    expect((await vault.status()).locked).toBe(true);
  });

  it('changes the passphrase; the old one no longer opens anything', async () => {
    const { vault, tokens } = await setup();
    await vault.enable(PASSPHRASE);
    await vault.change(PASSPHRASE, 'a brand new passphrase');
    await vault.lock();
    await expect(vault.unlock(PASSPHRASE)).rejects.toMatchObject({ code: 'wrong_passphrase' });
    await vault.unlock('a brand new passphrase');
    expect(await tokens()).toEqual(TOKENS);
  });

  it('a wrong passphrase changes nothing on change or removal', async () => {
    const { vault, local } = await setup();
    await vault.enable(PASSPHRASE);
    const before = onDisk(local);
    await expect(vault.change('nope nope nope', 'another passphrase')).rejects.toMatchObject({
      code: 'wrong_passphrase',
    });
    await expect(vault.disable('nope nope nope')).rejects.toMatchObject({ code: 'wrong_passphrase' });
    expect(onDisk(local)).toBe(before);
  });

  it('removing the passphrase returns to a device key, with every token intact', async () => {
    const { vault, local, tokens } = await setup();
    await vault.enable(PASSPHRASE);
    await vault.disable(PASSPHRASE);
    expect(local.data.get(VAULT_KEY)).toBeNull();
    expect(await vault.status()).toEqual({ enabled: false, locked: false });
    expect(await tokens()).toEqual(TOKENS);
  });

  it('refuses a short passphrase and a second enable', async () => {
    const { vault } = await setup();
    await expect(vault.enable('short')).rejects.toMatchObject({ code: 'bad_input' });
    await vault.enable(PASSPHRASE);
    await expect(vault.enable(PASSPHRASE)).rejects.toMatchObject({ code: 'bad_input' });
  });

  it('rejects tampered ciphertext instead of returning garbage', async () => {
    const { local, accounts } = await setup();
    const record = local.data.get('accounts') as { accounts: { token: { data: string } }[] };
    const token = record.accounts[0]?.token;
    if (token) token.data = `${token.data.startsWith('A') ? 'B' : 'A'}${token.data.slice(1)}`;
    const [first] = await accounts.list();
    await expect(accounts.credentials(first?.id ?? '')).rejects.toThrow();
  });

  // PBKDF2 runs several times: a busy machine needs more than the default 5 s.
  it('saves racing a passphrase change are sealed under the key that lands (30 rounds)', {
    timeout: 60_000,
  }, async () => {
    const { vault, accounts } = await setup();
    const token = (round: number, n: number) => `${String(round).padStart(2, '0')}${n}`.padEnd(32, 'X');
    await vault.enable(PASSPHRASE);
    let current = PASSPHRASE;
    const [first] = await accounts.list();
    for (let round = 0; round < 30; round++) {
      const next = `passphrase number ${round}`;
      const host = `r${round}.example.com`;
      const input = (n: number) =>
        v.parse(accountInputSchema, { kind: 'cpanel', host, username: `u${n}`, token: token(round, n) });
      // Saves before, during and after the change: none may seal under a key the change discards.
      const change = round % 3 === 2 ? vault.disable(current) : vault.change(current, next);
      const saves = [
        accounts.add(input(1)),
        accounts.edit(first?.id ?? '', { token: token(round, 9) }),
        accounts.add(input(2)),
      ];
      await Promise.all([change, ...saves]);
      if (round % 3 === 2) await vault.enable(next);
      current = next;
      for (const account of await accounts.list()) {
        await expect(accounts.credentials(account.id), account.label).resolves.toBeTruthy();
      }
      expect((await accounts.credentials(first?.id ?? '')).token).toBe(token(round, 9));
    }
  });

  it('using the key writes only its last-used time, never the key again (pages see every write)', async () => {
    const { vault, session, tokens, advance } = await setup();
    await vault.enable(PASSPHRASE);
    const written: string[] = [];
    const set = session.set.bind(session);
    session.set = async (key, value) => {
      written.push(key);
      return set(key, value);
    };
    advance(60_000);
    expect(await tokens()).toEqual(TOKENS);
    expect(written).not.toContain(UNLOCKED_KEY);
    expect(written).toContain(LAST_USED_KEY);
    expect(session.data.get(LAST_USED_KEY)).toBe(60_000);
    expect(JSON.stringify(session.data.get(LAST_USED_KEY))).not.toContain(
      (session.data.get(UNLOCKED_KEY) as { key: string }).key,
    );
    // The last use counts for the idle time: 14 minutes after it the vault is still open.
    advance(14 * 60_000);
    expect((await vault.status()).locked).toBe(false);
    advance(2 * 60_000);
    expect((await vault.status()).locked).toBe(true);
    expect(session.data.has(LAST_USED_KEY)).toBe(false);
  });

  it('marks tokens saved before the passphrase, until each is replaced', async () => {
    const { vault, accounts } = await setup();
    const marked = async () =>
      (await accounts.list()).map((account) => account.sealedBeforePassphrase === true);
    expect(await marked()).toEqual([false, false]);
    await vault.enable(PASSPHRASE);
    // Their earlier copies, sealed with the device key, may remain in the browser's storage files.
    expect(await marked()).toEqual([true, true]);
    const [first] = await accounts.list();
    await accounts.edit(first?.id ?? '', { label: 'renamed' });
    expect(await marked()).toEqual([true, true]);
    await accounts.edit(first?.id ?? '', { token: 'ZYXWVUTSRQPONMLKJIHGFEDCBA543210' });
    expect(await marked()).toEqual([false, true]);
    await accounts.add(
      v.parse(accountInputSchema, { kind: 'cpanel', host: 'n.example.com', username: 'n', token: TOKENS[0] }),
    );
    expect(await marked()).toEqual([false, true, false]);
    // Without a passphrase there is nothing the mark could warn about.
    await vault.disable(PASSPHRASE);
    expect(await marked()).toEqual([false, false, false]);
  });
});
