import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { accountInputSchema } from '../../../src/core/accountInput';
import { inputIssueKey } from '../../../src/core/accountInputIssue';
import { AccountRepository } from '../../../src/core/accounts';
import { Keyring } from '../../../src/core/keyring';
import { MemoryStore } from '../../../src/core/memoryStore';
import { render } from '../../../src/i18n/format';
import { TEST_TOKEN } from '../../support/tokens';

const TOKEN = TEST_TOKEN;

function setup() {
  const store = new MemoryStore();
  return { store, accounts: new AccountRepository(store, new Keyring(store, new MemoryStore())) };
}

const input = v.parse(accountInputSchema, {
  kind: 'cpanel',
  host: 'Server.Example.com',
  username: 'demo',
  token: TOKEN,
});

describe('accountInputSchema', () => {
  it('normalises the host and fills the default port and label', () => {
    expect(input).toMatchObject({ host: 'server.example.com', port: 2083, label: 'demo@server.example.com' });
    const whm = v.parse(accountInputSchema, {
      kind: 'whm',
      host: 'h.example.com',
      username: 'root',
      token: TOKEN,
    });
    expect(whm.port).toBe(2087);
  });

  it.each([
    [{ host: 'not a host' }, 'not a valid host name'],
    [{ token: 'short' }, '32 capital letters and digits'],
    [{ username: 'a b' }, 'user name may contain'],
    [{ port: 70000 }, 'between 1 and 65535'],
    [{ kind: 'ftp' }, 'cPanel or a WHM token'],
  ])('explains what is wrong with %j', (change, message) => {
    const result = v.safeParse(accountInputSchema, {
      kind: 'cpanel',
      host: 'h.example.com',
      username: 'u',
      token: TOKEN,
      ...change,
    });
    expect(result.success).toBe(false);
    const key = result.issues?.[0] && inputIssueKey(result.issues[0]);
    expect(key && render(key)).toContain(message);
  });
});

describe('AccountRepository', () => {
  it('adds, lists without tokens, returns credentials and removes', async () => {
    const { accounts } = setup();
    const id = await accounts.add(input);
    const listed = await accounts.list();
    expect(listed).toEqual([
      {
        id,
        label: 'demo@server.example.com',
        kind: 'cpanel',
        host: 'server.example.com',
        port: 2083,
        username: 'demo',
        askPassword: false,
        isDefault: true,
      },
    ]);
    expect(JSON.stringify(listed)).not.toContain(TOKEN);
    expect((await accounts.credentials(id)).token).toBe(TOKEN);
    await accounts.remove(id);
    expect(await accounts.list()).toEqual([]);
  });

  it('never writes the token to storage in plaintext', async () => {
    const { accounts, store } = setup();
    await accounts.add(input);
    expect(JSON.stringify([...store.data])).not.toContain(TOKEN);
  });

  it('keeps every account when several are added at once', async () => {
    const { accounts } = setup();
    await Promise.all([accounts.add(input), accounts.add(input), accounts.add(input)]);
    expect(await accounts.list()).toHaveLength(3);
  });

  it('answers not_found for an unknown id', async () => {
    const { accounts } = setup();
    await expect(accounts.credentials('nope')).rejects.toMatchObject({ code: 'not_found' });
    await expect(accounts.remove('nope')).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('AccountRepository edits', () => {
  it('edits fields, re-seals a new token, reorders and picks a default', async () => {
    const { accounts, store } = setup();
    const a = await accounts.add(input);
    const b = await accounts.add({ ...input, label: 'B' });
    expect((await accounts.defaultAccount())?.id).toBe(a);
    await accounts.edit(a, { label: 'Renamed', token: 'ZYXWVUTSRQPONMLKJIHGFEDCBA987654', locale: 'de' });
    expect(await accounts.get(a)).toMatchObject({
      label: 'Renamed',
      locale: 'de',
      host: 'server.example.com',
    });
    expect((await accounts.credentials(a)).token).toBe('ZYXWVUTSRQPONMLKJIHGFEDCBA987654');
    expect(JSON.stringify([...store.data])).not.toContain('ZYXWVUTSRQ');
    await accounts.reorder([b, a]);
    expect((await accounts.list()).map((account) => account.id)).toEqual([b, a]);
    await accounts.setDefault(a);
    expect((await accounts.list()).map((account) => account.isDefault)).toEqual([false, true]);
    await accounts.remove(a);
    expect((await accounts.defaultAccount())?.id).toBe(b);
  });
});
