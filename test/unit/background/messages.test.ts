import { describe, expect, it, vi } from 'vitest';
import { TEST_TOKEN } from '../../support/tokens';

// The router renders error text through browser.i18n, absent in Node: English from the catalogue.
vi.mock('webextension-polyfill', () => ({ default: {} }));

import { createRouter, type HandlerTable } from '../../../src/background/messages';
import { LauncherError } from '../../../src/cpanel/errors';

const ORIGIN = 'chrome-extension://abc/';
const ours = { id: 'abc', url: `${ORIGIN}src/popup/index.html` };

function handlers(overrides: Partial<HandlerTable> = {}): HandlerTable {
  const unused = async () => {
    throw new Error('not expected');
  };
  return {
    'account.save': unused,
    'account.list': async () => ({ accounts: [] }),
    'account.remove': unused,
    'mailboxes.list': unused,
    'webmail.open': unused,
    'webmail.openForAddress': unused,
    'session.open': unused,
    'recents.get': unused,
    'mailbox.pin': unused,
    'launch.claim': unused,
    ...overrides,
  } as HandlerTable;
}

describe('createRouter', () => {
  const route = (table: HandlerTable = handlers()) =>
    createRouter(table, { extensionId: 'abc', extensionOrigin: ORIGIN });

  it('answers { ok: true, ...payload }', async () => {
    expect(await route()({ type: 'account.list' }, ours)).toEqual({ ok: true, accounts: [] });
  });

  it('refuses messages from other extensions or web pages', async () => {
    const list = vi.fn(async () => ({ accounts: [] }));
    const router = route(handlers({ 'account.list': list }));
    for (const sender of [
      { id: 'other', url: 'chrome-extension://other/x.html' },
      { id: 'abc', url: 'https://evil.example/' },
    ]) {
      expect(await router({ type: 'account.list' }, sender)).toMatchObject({
        ok: false,
        error: { code: 'bad_input' },
      });
    }
    expect(list).not.toHaveBeenCalled();
  });

  it('answers bad_input for unknown or malformed requests', async () => {
    expect(await route()({ type: 'nope' }, ours)).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(await route()({ type: 'webmail.open' }, ours)).toMatchObject({
      ok: false,
      error: { code: 'bad_input' },
    });
    expect(await route()(null, ours)).toMatchObject({ ok: false, error: { code: 'bad_input' } });
  });

  it('serialises a LauncherError into { code, message }', async () => {
    const router = route(
      handlers({
        'account.remove': async () => {
          throw new LauncherError('not_found', 'That account does not exist.');
        },
      }),
    );
    expect(await router({ type: 'account.remove', id: 'x' }, ours)).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'That account does not exist.' },
    });
  });

  it('hides the text of unexpected errors', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const router = route(
      handlers({
        'account.remove': async () => {
          throw new Error(`secret ${TEST_TOKEN}`);
        },
      }),
    );
    const reply = await router({ type: 'account.remove', id: 'x' }, ours);
    expect(JSON.stringify(reply)).not.toContain('ABCDEFGHIJ');
    expect(JSON.stringify(spy.mock.calls)).not.toContain('ABCDEFGHIJ');
    spy.mockRestore();
  });
});
