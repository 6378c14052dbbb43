import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../../src/core/accounts';
import { buildEntries, filterEntries } from '../../../src/popup/entries';

const account = (id: string, label: string): AccountSummary => ({
  id,
  label,
  kind: 'cpanel',
  host: 'h.example.com',
  port: 2083,
  username: 'u',
});

describe('buildEntries', () => {
  it('orders pinned, then recent, then alphabetical', () => {
    const entries = buildEntries(
      [account('a', 'Alpha'), account('b', 'Beta')],
      {
        a: [{ email: 'zed@a.test' }, { email: 'amy@a.test' }, { email: 'u', main: true }],
        b: [{ email: 'bob@b.test', suspended: true }],
      },
      {
        recent: [{ accountId: 'a', email: 'zed@a.test' }],
        pinned: [{ accountId: 'b', email: 'bob@b.test' }],
      },
    );
    expect(entries.map((entry) => entry.email)).toEqual(['bob@b.test', 'zed@a.test', 'amy@a.test', 'u']);
    expect(entries[0]).toMatchObject({ pinned: true, suspended: true, accountLabel: 'Beta' });
    expect(entries[3]).toMatchObject({ main: true });
  });
});

describe('filterEntries', () => {
  const entries = buildEntries(
    [account('a', 'Client Alpha')],
    { a: Array.from({ length: 10_000 }, (_, i) => ({ email: `user${i}@alpha.test` })) },
    { recent: [], pinned: [] },
  );

  it('matches every word against the address and the account label, keeping the order', () => {
    const { shown, total } = filterEntries(entries, 'user99 alpha', 5);
    expect(total).toBe(111);
    expect(shown.map((entry) => entry.email)).toEqual([
      'user99@alpha.test',
      'user990@alpha.test',
      'user9900@alpha.test',
      'user9901@alpha.test',
      'user9902@alpha.test',
    ]);
  });

  it('caps what it shows but counts everything', () => {
    expect(filterEntries(entries, '', 100)).toMatchObject({ total: 10_000, shown: { length: 100 } });
    expect(filterEntries(entries, 'nomatch', 100)).toEqual({ shown: [], total: 0 });
  });
});
