import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { accountHandlers } from '../../../src/background/handlers/accounts';
import type { Services } from '../../../src/background/handlers/index';
import { accountInputSchema } from '../../../src/core/accountInput';
import { AccountRepository } from '../../../src/core/accounts';
import { Keyring } from '../../../src/core/keyring';
import { MemoryStore } from '../../../src/core/memoryStore';
import { fakeFetch, jsonResponse } from '../../support/fakeFetch';

const OLD_TOKEN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const NEW_TOKEN = 'QWERTYUIOPASDFGHJKLZXCVBNM098765';
const LIST_POPS = { status: 1, errors: null, messages: null, warnings: null, metadata: {}, data: [] };

/** The account handlers over real storage, with a fetch that records every request and its token. */
async function setup() {
  const store = new MemoryStore();
  const accounts = new AccountRepository(store, new Keyring(store, new MemoryStore()));
  const recorder = fakeFetch(() => jsonResponse(LIST_POPS));
  const services = {
    accounts,
    directory: { forget: async () => undefined },
    recents: { forgetAccount: async () => undefined },
    hostAccess: { has: async () => true },
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
  return { update, accounts, id, sent };
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
