import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../../src/core/accounts';
import {
  compactMailboxes,
  expandMailboxes,
  isCompactMailboxes,
  listVersion,
} from '../../../src/core/compactMailboxes';
import { buildView, indexMailboxes, search } from '../../../src/core/mailboxSearch';
import type { Mailbox } from '../../../src/cpanel/email';

const account = (id: string, label: string): AccountSummary => ({
  id,
  label,
  kind: 'cpanel',
  host: 'h.example.com',
  port: 2083,
  username: 'u',
});

const view = (
  lists: [AccountSummary, (Mailbox & { user?: string })[]][],
  recents: Parameters<typeof buildView>[1] = { recent: [], pinned: [] },
) =>
  buildView(
    lists.map(([owner, list]) => indexMailboxes(owner, compactMailboxes(list))),
    recents,
  );

const emails = (result: ReturnType<typeof search>) => result.shown.map((entry) => entry.email);

describe('compactMailboxes', () => {
  it('packs a list into one sorted string with the flags by line, once per list', () => {
    const list: (Mailbox & { user?: string })[] = [
      { email: 'zed@a.test', suspended: true, user: 'alpha' },
      { email: 'alpha', main: true, user: 'alpha' },
      { email: 'amy@a.test' },
    ];
    const packed = compactMailboxes(list);
    expect(packed).toEqual({
      emails: 'alpha\namy@a.test\nzed@a.test',
      main: [0],
      suspended: [2],
      users: 'alpha\n\nalpha',
    });
    expect(compactMailboxes(list)).toBe(packed);
    expect(compactMailboxes([]).emails).toBe('');
  });

  it('expands back into the same mailboxes, which compact again to the very same list', () => {
    const packed = compactMailboxes([
      { email: 'zed@a.test', suspended: true, user: 'alpha' },
      { email: 'alpha', main: true, user: 'alpha' },
      { email: 'amy@a.test' },
    ]);
    const expanded = expandMailboxes(packed);
    expect(expanded).toEqual([
      { email: 'alpha', main: true, user: 'alpha' },
      { email: 'amy@a.test' },
      { email: 'zed@a.test', suspended: true, user: 'alpha' },
    ]);
    expect(compactMailboxes(expanded)).toBe(packed);
    expect(expandMailboxes(compactMailboxes([]))).toEqual([]);
  });

  it('tells a compact list from anything else read back from disk', () => {
    expect(isCompactMailboxes({ emails: 'a@b.test', main: [], suspended: [0] })).toBe(true);
    expect(isCompactMailboxes({ emails: 'a', main: [0], suspended: [], users: 'u' })).toBe(true);
    for (const damaged of [
      undefined,
      null,
      [{ email: 'a@b.test' }],
      { emails: 1, main: [], suspended: [] },
      { emails: 'a', main: ['0'], suspended: [] },
      { emails: 'a', main: [], suspended: [], users: 3 },
      { emails: 'a', main: [] },
    ])
      expect(isCompactMailboxes(damaged)).toBe(false);
  });
});

describe('listVersion', () => {
  const base = [{ email: 'amy@a.test' }, { email: 'bob@a.test' }];

  it('is the same for the same content and differs for any change a row would show', () => {
    const version = listVersion(compactMailboxes(base));
    expect(listVersion(compactMailboxes([...base].reverse()))).toBe(version);
    const changed = [
      [...base, { email: 'cat@a.test' }],
      [{ email: 'amy@a.test' }, { email: 'bob@a.test', suspended: true }],
      [{ email: 'amy@a.test', main: true }, { email: 'bob@a.test' }],
      [{ email: 'amy@a.test', user: 'a' }, { email: 'bob@a.test' }],
      [{ email: 'amy@a.test' }, { email: 'bOb@a.test' }],
      [{ email: 'amy@a.test' }],
    ];
    const versions = changed.map((list) => listVersion(compactMailboxes(list)));
    expect(new Set([version, ...versions]).size).toBe(changed.length + 1);
  });

  it('tells an empty owner column from none', () => {
    expect(listVersion({ emails: 'a', main: [], suspended: [], users: '' })).not.toBe(
      listVersion({ emails: 'a', main: [], suspended: [] }),
    );
  });
});

describe('search', () => {
  it('orders pinned, then recent, then each account alphabetically, without repeating a row', () => {
    const result = search(
      view(
        [
          [
            account('a', 'Alpha'),
            [{ email: 'zed@a.test' }, { email: 'amy@a.test' }, { email: 'u', main: true }],
          ],
          [account('b', 'Beta'), [{ email: 'bob@b.test', suspended: true }]],
        ],
        {
          recent: [
            { accountId: 'a', email: 'zed@a.test' },
            { accountId: 'b', email: 'bob@b.test' },
          ],
          pinned: [{ accountId: 'b', email: 'BOB@b.test' }],
        },
      ),
      '',
      10,
    );
    expect(emails(result)).toEqual(['bob@b.test', 'zed@a.test', 'amy@a.test', 'u']);
    expect(result.total).toBe(4);
    expect(result.shown[0]).toMatchObject({
      pinned: true,
      suspended: true,
      accountLabel: 'Beta',
      accountId: 'b',
    });
    expect(result.shown[1]).toMatchObject({ pinned: false, main: false });
    expect(result.shown[3]).toMatchObject({ main: true, key: 'a\nu' });
  });

  it('ignores a recent mailbox that is no longer in its list', () => {
    const result = search(
      view([[account('a', 'A'), [{ email: 'x@a.test' }]]], {
        recent: [
          { accountId: 'a', email: 'gone@a.test' },
          { accountId: 'a', email: 'x@a.test.' },
          { accountId: 'z', email: 'x@a.test' },
        ],
        pinned: [],
      }),
      '',
      10,
    );
    expect(emails(result)).toEqual(['x@a.test']);
  });

  it('carries the owning cPanel user of a directory’s rows', () => {
    const result = search(
      view([[account('w', 'WHM'), [{ email: 'a@b.test', user: 'bob', suspended: true }]]]),
      'a@',
      5,
    );
    expect(result.shown[0]).toMatchObject({ email: 'a@b.test', user: 'bob', suspended: true });
  });

  const big = view([
    [
      account('a', 'Client Alpha'),
      Array.from({ length: 10_000 }, (_, i) => ({ email: `user${i}@alpha.test` })),
    ],
    [account('b', 'Beta'), [{ email: 'user99@beta.test' }, { email: 'Mixed.Case@Beta.test' }]],
  ]);

  it('matches every word against the address and the account label, keeping the order', () => {
    const result = search(big, 'user99 alpha', 5);
    expect(result.total).toBe(111);
    expect(emails(result)).toEqual([
      'user99@alpha.test',
      'user990@alpha.test',
      'user9900@alpha.test',
      'user9901@alpha.test',
      'user9902@alpha.test',
    ]);
    expect(search(big, 'USER99', 200).total).toBe(112);
    expect(emails(search(big, 'beta', 5))).toEqual(['Mixed.Case@Beta.test', 'user99@beta.test']);
    expect(emails(search(big, 'mixed.case', 5))).toEqual(['Mixed.Case@Beta.test']);
  });

  it('finds words only within one address, never across two', () => {
    // "alpha.testuser" would span the end of one line and the start of the next.
    expect(search(big, 'alpha.testuser', 5).total).toBe(0);
    expect(search(big, 'user1@ alpha.test', 5).total).toBe(1);
  });

  it('caps what it shows but counts everything', () => {
    expect(search(big, '', 100)).toMatchObject({ total: 10_002, shown: { length: 100 } });
    expect(search(big, 'nomatch', 100)).toEqual({ shown: [], total: 0 });
    expect(search(big, 'client', 3)).toMatchObject({ total: 10_000, shown: { length: 3 } });
  });
});
