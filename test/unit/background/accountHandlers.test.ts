import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';

// The handlers render import reasons through browser.i18n; Node has none, so t() reads the English catalogue.
vi.mock('webextension-polyfill', () => ({ default: {} }));

import { accountHandlers } from '../../../src/background/handlers/accounts';
import type { Services } from '../../../src/background/handlers/services';
import { accountInputSchema } from '../../../src/core/accountInput';
import { AccountRepository } from '../../../src/core/accounts';
import { Keyring } from '../../../src/core/keyring';
import { MemoryStore } from '../../../src/core/memoryStore';
import { Vault } from '../../../src/core/vault';
import { fakeFetch, jsonResponse } from '../../support/fakeFetch';
import { TEST_TOKEN } from '../../support/tokens';

const OLD_TOKEN = TEST_TOKEN;
const NEW_TOKEN = 'QWERTYUIOPASDFGHJKLZXCVBNM098765';
const LIST_POPS = { status: 1, errors: null, messages: null, warnings: null, metadata: {}, data: [] };

/** The account handlers over real storage, with a fetch that records every request and its token. */
async function setup() {
  const store = new MemoryStore();
  const keyring = new Keyring(store, new MemoryStore(), Date.now, async () => 60_000, 1000);
  const accounts = new AccountRepository(store, keyring);
  const vault = new Vault(store, keyring, accounts);
  const recorder = fakeFetch(() => jsonResponse(LIST_POPS));
  const services = {
    accounts,
    directory: { forget: async () => undefined },
    recents: { forgetAccount: async () => undefined },
    hostAccess: { has: async () => true },
    vault,
    transport: { fetch: recorder.fetch },
  } as unknown as Services;
  const id = await accounts.add(
    v.parse(accountInputSchema, { kind: 'cpanel', host: 'old.example.com', username: 'u', token: OLD_TOKEN }),
  );
  const sent = () =>
    recorder.calls.map(({ url, init }) => ({
      origin: new URL(url).origin,
      authorization: new Headers(init?.headers).get('Authorization'),
    }));
  const handlers = accountHandlers(services);
  const update = (changes: Record<string, unknown>) =>
    handlers['account.update']({ type: 'account.update', id, changes }, {});
  return { update, handlers, vault, accounts, id, sent };
}

describe('account.update and the token', () => {
  it.each([
    ['host', { host: 'new.example.com' }],
    ['port', { port: 2096 }],
    ['host and port', { host: 'new.example.com', port: 443 }],
  ])('refuses a new %s without the token, and sends the stored token nowhere', async (_name, changes) => {
    const { update, accounts, id, sent } = await setup();
    await expect(update(changes)).rejects.toMatchObject({
      code: 'bad_input',
      key: 'error_security_token_again',
    });
    expect(sent()).toEqual([]);
    expect((await accounts.get(id)).host).toBe('old.example.com');
    expect((await accounts.credentials(id)).token).toBe(OLD_TOKEN);
  });

  it('with the token typed again, the new server gets only the new token', async () => {
    const { update, accounts, id, sent } = await setup();
    await update({ host: 'new.example.com', token: NEW_TOKEN });
    expect(sent()).toEqual([
      { origin: 'https://new.example.com:2083', authorization: `cpanel u:${NEW_TOKEN}` },
    ]);
    expect(JSON.stringify(sent())).not.toContain(OLD_TOKEN);
    expect((await accounts.credentials(id)).host).toBe('new.example.com');
  });

  it('other edits keep the stored token and reach no server', async () => {
    const { update, accounts, id, sent } = await setup();
    await update({ label: 'Renamed', host: 'OLD.example.com', port: 2083, locale: 'de' });
    expect(sent()).toEqual([]);
    expect((await accounts.get(id)).label).toBe('Renamed');
    expect((await accounts.credentials(id)).token).toBe(OLD_TOKEN);
  });
});

describe('accounts.export', () => {
  const exportWith = (handlers: ReturnType<typeof accountHandlers>, vaultPassphrase?: string) =>
    handlers['accounts.export'](
      {
        type: 'accounts.export',
        passphrase: 'file passphrase',
        ...(vaultPassphrase ? { vaultPassphrase } : {}),
      },
      {},
    );

  it('asks for the vault passphrase again while one is set', async () => {
    const { handlers, vault } = await setup();
    await vault.enable('vault passphrase');
    await expect(exportWith(handlers)).rejects.toMatchObject({
      code: 'bad_input',
      key: 'error_security_export_needs_passphrase',
    });
    await expect(exportWith(handlers, 'not the passphrase')).rejects.toMatchObject({
      code: 'wrong_passphrase',
    });
    expect((await exportWith(handlers, 'vault passphrase')).file).toContain('webmail-launcher-accounts');
  });

  it('needs no second passphrase without a vault', async () => {
    const { handlers } = await setup();
    expect((await exportWith(handlers)).file).toContain('webmail-launcher-accounts');
  });
});
