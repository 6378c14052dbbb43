import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { afterEach, describe, expect, it } from 'vitest';
import { compactMailboxes } from '../../../src/core/compactMailboxes';
import { MAILBOX_COPIES } from '../../../src/rules';
import { MailboxCopies } from '../../../src/ui/mailboxCopies';

const copyOf = (...emails: string[]) => ({
  version: `v-${emails.join(',')}`,
  list: compactMailboxes(emails.map((email) => ({ email }))),
});

afterEach(async () => {
  // Each test starts with no copies.
  await new MailboxCopies().keepOnly([]);
});

describe('MailboxCopies', () => {
  it('reads back what was written, for the accounts asked about only', async () => {
    const copies = new MailboxCopies();
    await copies.write('a', copyOf('amy@a.test', 'bob@a.test'));
    await copies.write('b', copyOf('cat@b.test'));
    const read = await new MailboxCopies().read(['a', 'c']);
    expect([...read.keys()]).toEqual(['a']);
    expect(read.get('a')).toEqual(copyOf('amy@a.test', 'bob@a.test'));
  });

  it('forgets one account, and keeps only the accounts still listed', async () => {
    const copies = new MailboxCopies();
    for (const id of ['a', 'b', 'c']) await copies.write(id, copyOf(`${id}@x.test`));
    await copies.forget('a');
    await copies.keepOnly(['b']);
    expect([...(await copies.read(['a', 'b', 'c'])).keys()]).toEqual(['b']);
  });

  it('passes over an entry that is not a copy', async () => {
    await set(
      'a',
      { version: 'v1', list: { emails: 3 } },
      createStore(MAILBOX_COPIES.database, MAILBOX_COPIES.table),
    );
    await set('b', [{ email: 'b@x.test' }], createStore(MAILBOX_COPIES.database, MAILBOX_COPIES.table));
    expect((await new MailboxCopies().read(['a', 'b'])).size).toBe(0);
  });

  it('without IndexedDB, reads nothing and fails no write', async () => {
    const { indexedDB } = globalThis;
    Object.assign(globalThis, { indexedDB: undefined });
    try {
      const copies = new MailboxCopies();
      await expect(copies.write('a', copyOf('a@x.test'))).resolves.toBeUndefined();
      await expect(copies.forget('a')).resolves.toBeUndefined();
      await expect(copies.keepOnly([])).resolves.toBeUndefined();
      expect((await copies.read(['a'])).size).toBe(0);
    } finally {
      Object.assign(globalThis, { indexedDB });
    }
  });
});
