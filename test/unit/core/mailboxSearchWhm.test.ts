import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../../src/core/accounts';
import { compactMailboxes } from '../../../src/core/compactMailboxes';
import { buildView, indexMailboxes, search } from '../../../src/core/mailboxSearch';
import type { Mailbox } from '../../../src/cpanel/email';

const account = (id: string, kind: 'cpanel' | 'whm'): AccountSummary => ({
  id,
  label: id,
  kind,
  host: 'h.example.com',
  port: kind === 'whm' ? 2087 : 2083,
  username: 'u',
});

const lists: [AccountSummary, Mailbox[]][] = [
  [
    account('root', 'whm'),
    [
      { email: 'demo', main: true, user: 'demo' },
      { email: 'info@example.com', user: 'demo' },
      { email: 'orders@shop.test', user: 'shop' },
    ],
  ],
  [account('demo', 'cpanel'), [{ email: 'info@example.com' }, { email: 'demo', main: true }]],
];

describe('the popup search with WHM directories', () => {
  const view = buildView(
    lists.map(([owner, mailboxes]) => indexMailboxes(owner, compactMailboxes(mailboxes))),
    { recent: [], pinned: [] },
  );

  it('shows a mailbox listed by a cPanel token and a WHM directory once, as the cPanel account’s', () => {
    const { shown, total } = search(view, '', 10);
    expect(shown.map((entry) => `${entry.accountId}:${entry.email}`).sort()).toEqual([
      'demo:demo',
      'demo:info@example.com',
      'root:orders@shop.test',
    ]);
    expect(total).toBe(3);
  });

  it('keeps the owning cPanel user of a WHM row', () => {
    const { shown } = search(view, 'orders', 10);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ accountId: 'root', user: 'shop', main: false });
    expect(search(view, 'info', 10).shown[0]?.user).toBeUndefined();
  });
});

describe('the popup search by the owning cPanel user', () => {
  const whm = (id: string) => ({ ...account(id, 'whm'), label: `Server ${id}` });
  const indexes = [
    indexMailboxes(
      whm('root'),
      compactMailboxes([
        { email: 'acmeco', main: true, user: 'acmeco' },
        { email: 'sales@widgets.test', user: 'acmeco' },
        { email: 'ceo@gadgets.test', user: 'acmeco' },
        { email: 'info@zeta.test', user: 'zeta' },
        { email: 'bob@b.test', user: 'infodesk' },
        { email: 'info@infodesk.test', user: 'infodesk' },
        { email: 'orders@shop.test', user: 'shop' },
      ]),
    ),
    indexMailboxes(
      whm('reseller'),
      compactMailboxes([
        { email: 'help@widgets.test', user: 'acmeco' },
        { email: 'help@other.test', user: 'other' },
      ]),
    ),
  ];
  const rows = (query: string, recents = { recent: [], pinned: [] } as Parameters<typeof buildView>[1]) => {
    const result = search(buildView(indexes, recents), query, 10);
    return { total: result.total, rows: result.shown.map((entry) => `${entry.accountId}:${entry.email}`) };
  };

  it('lists every mailbox a cPanel user owns, across WHM accounts', () => {
    expect(rows('acmeco')).toEqual({
      total: 4,
      rows: ['root:acmeco', 'root:ceo@gadgets.test', 'root:sales@widgets.test', 'reseller:help@widgets.test'],
    });
    expect(rows('ACMECO').total).toBe(4);
  });

  it('lists a line once when its address and its owner both match, in the list’s order', () => {
    expect(rows('info')).toEqual({
      total: 3,
      rows: ['root:bob@b.test', 'root:info@infodesk.test', 'root:info@zeta.test'],
    });
  });

  it('ANDs the words of a query over the address and the owner', () => {
    expect(rows('acmeco sales').rows).toEqual(['root:sales@widgets.test']);
    expect(rows('help acmeco').rows).toEqual(['reseller:help@widgets.test']);
    expect(rows('acmeco orders')).toEqual({ total: 0, rows: [] });
    expect(rows('reseller acmeco').rows).toEqual(['reseller:help@widgets.test']);
  });

  it('matches a pinned row by its owner, and lists it once', () => {
    const pinned = { recent: [], pinned: [{ accountId: 'reseller', email: 'help@widgets.test' }] };
    expect(rows('acmeco', pinned)).toEqual({
      total: 4,
      rows: ['reseller:help@widgets.test', 'root:acmeco', 'root:ceo@gadgets.test', 'root:sales@widgets.test'],
    });
    expect(rows('zeta', pinned).rows).toEqual(['root:info@zeta.test']);
  });
});
