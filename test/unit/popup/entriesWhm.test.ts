import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../../src/core/accounts';
import { buildEntries, filterEntries } from '../../../src/popup/entries';

const account = (id: string, kind: 'cpanel' | 'whm'): AccountSummary => ({
  id,
  label: id,
  kind,
  host: 'h.example.com',
  port: kind === 'whm' ? 2087 : 2083,
  username: 'u',
});

describe('buildEntries with WHM directories', () => {
  const entries = buildEntries(
    [account('root', 'whm'), account('demo', 'cpanel'), account('reseller', 'whm')],
    {
      root: [
        { email: 'demo', main: true, user: 'demo' },
        { email: 'info@example.com', user: 'demo' },
        { email: 'orders@shop.test', user: 'shop' },
      ],
      demo: [{ email: 'info@example.com' }, { email: 'demo', main: true }],
      reseller: [{ email: 'orders@shop.test', user: 'shop' }],
    },
    { recent: [], pinned: [] },
  );

  it('shows a mailbox listed by a cPanel token and a WHM directory once, as the cPanel account’s', () => {
    expect(entries.map((entry) => `${entry.accountId}:${entry.email}`)).toEqual([
      'demo:demo',
      'demo:info@example.com',
      'root:orders@shop.test',
    ]);
  });

  it('keeps the owning cPanel user of a WHM row, and finds the row by it', () => {
    expect(entries[2]).toMatchObject({ user: 'shop', main: false });
    expect(filterEntries(entries, 'shop', 10).shown.map((entry) => entry.email)).toEqual([
      'orders@shop.test',
    ]);
    expect(entries[0]?.user).toBeUndefined();
  });
});
