import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));

import { accountHandlers } from '../../../src/background/handlers/accounts';
import type { Services } from '../../../src/background/handlers/services';
import { accountInputSchema } from '../../../src/core/accountInput';
import { AccountRepository, type AccountSummary } from '../../../src/core/accounts';
import { type CompactMailboxes, listVersion } from '../../../src/core/compactMailboxes';
import { Directory } from '../../../src/core/directory';
import { Keyring } from '../../../src/core/keyring';
import { buildView, indexMailboxes, search } from '../../../src/core/mailboxSearch';
import { MemoryStore } from '../../../src/core/memoryStore';
import { Recents } from '../../../src/core/recents';
import { routedFetch, uapiOk } from '../../support/routedFetch';
import { TEST_TOKEN } from '../../support/tokens';

const pop = (email: string, suspended = 0) => ({ email, login: email, suspended_login: suspended });
const main = { email: 'demo', login: 'Main Account', suspended_login: 0 };

/** Two cPanel accounts on their own hosts, and whatever `mailboxesOf` says each host lists now. */
async function setup() {
  const store = new MemoryStore();
  const accounts = new AccountRepository(store, new Keyring(store, new MemoryStore()));
  const mailboxesOf: Record<string, unknown[]> = {
    'a.example.com': [pop('zed@a.test'), pop('amy@a.test', 1), main],
    'b.example.com': [pop('bob@b.test'), main],
  };
  const { fetch, calls } = routedFetch({
    '/execute/Email/list_pops': (url: URL) => uapiOk(mailboxesOf[url.hostname]),
  });
  const directory = new Directory({
    accounts,
    store,
    hostAccess: { has: async () => true },
    transport: { fetch },
  });
  const recents = new Recents(store);
  const handlers = accountHandlers({ accounts, directory, recents } as unknown as Services);
  const add = (host: string, label: string) =>
    accounts.add(
      v.parse(accountInputSchema, { kind: 'cpanel', host, username: 'demo', token: TEST_TOKEN, label }),
    );
  const a = await add('a.example.com', 'A');
  const b = await add('b.example.com', 'B');
  const compact = (accountId: string, extra: { have?: string; refresh?: boolean } = {}) =>
    handlers['mailboxes.compact']({ type: 'mailboxes.compact', accountId, ...extra }, {});
  const head = (limit: number) => handlers['mailboxes.head']({ type: 'mailboxes.head', limit }, {});
  return { a, b, accounts, recents, mailboxesOf, calls, compact, head };
}

describe('mailboxes.compact', () => {
  it('sends the list with its version, and only the version to a page that holds it', async () => {
    const { a, compact } = await setup();
    const first = await compact(a);
    expect(first.list?.emails).toBe('amy@a.test\ndemo\nzed@a.test');
    expect(first.version).toBe(listVersion(first.list as NonNullable<typeof first.list>));
    expect(await compact(a, { have: first.version })).toEqual({ version: first.version });
    expect((await compact(a, { have: 'something older' })).list).toEqual(first.list);
  });

  it('sends the list again once the server changed it, even to a page holding the old version', async () => {
    const { a, compact, mailboxesOf } = await setup();
    const { version } = await compact(a);
    mailboxesOf['a.example.com']?.push(pop('new@a.test'));
    const fresh = await compact(a, { have: version, refresh: true });
    expect(fresh.version).not.toBe(version);
    expect(fresh.list?.emails).toContain('new@a.test');
  });
});

describe('mailboxes.head', () => {
  it('gives the rows the popup would show for an empty search, from the cached lists', async () => {
    const { a, b, accounts, recents, compact, head } = await setup();
    await compact(a);
    await compact(b);
    await recents.touch({ accountId: b, email: 'bob@b.test' });
    await recents.pin({ accountId: a, email: 'zed@a.test' }, true);
    const result = await head(4);
    // The same search the popup runs over the same lists and recents.
    const [summaryA, summaryB] = await accounts.list();
    const listOf = async (accountId: string) => (await compact(accountId)).list as CompactMailboxes;
    const expected = search(
      buildView(
        [
          indexMailboxes(summaryA as AccountSummary, await listOf(a)),
          indexMailboxes(summaryB as AccountSummary, await listOf(b)),
        ],
        await recents.read(),
      ),
      '',
      4,
    );
    expect(result.rows).toEqual(expected.shown);
    expect(result.rows.map((row) => row.email)).toEqual(['zed@a.test', 'bob@b.test', 'amy@a.test', 'demo']);
    expect(result.rows[0]?.pinned).toBe(true);
    expect(result.rows[2]?.suspended).toBe(true);
    expect(result.total).toBe(5);
    expect(result.versions).toEqual({ [a]: (await compact(a)).version, [b]: (await compact(b)).version });
  });

  it('asks no server: an account whose list was never read has no rows and no version', async () => {
    const { a, b, calls, compact, head } = await setup();
    await compact(a);
    const before = calls.length;
    const result = await head(30);
    expect(calls).toHaveLength(before);
    expect(Object.keys(result.versions)).toEqual([a]);
    expect(result.rows.every((row) => row.accountId === a)).toBe(true);
    expect(result.versions[b]).toBeUndefined();
  });
});
