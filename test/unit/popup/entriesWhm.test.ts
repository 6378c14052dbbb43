import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../../src/core/accounts';
import { compactMailboxes } from '../../../src/core/compactMailboxes';
import type { Mailbox } from '../../../src/cpanel/email';
import { buildView, indexMailboxes, search } from '../../../src/popup/entries';

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
