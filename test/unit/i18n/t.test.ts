import { describe, expect, it, vi } from 'vitest';

// As in every Node test: no browser.i18n, so `t` reads the English catalogue itself.
vi.mock('webextension-polyfill', () => ({ default: {} }));
const { formatMessage } = await import('../../../src/i18n/format');
const { plural, t, uiLanguage } = await import('../../../src/i18n/t');

describe('t without a browser', () => {
  it('fills named placeholders from the substitutions, in order', () => {
    expect(t('error_token_rejected', 401)).toBe('The server rejected the API token (HTTP 401).');
    expect(t('error_no_mailbox', 'Shop', 'example.com', 'nobody@example.com')).toBe(
      'Shop owns example.com but has no mailbox nobody@example.com.',
    );
    expect(t('popup_more', 100, '10,000')).toBe('Showing 100 of 10,000 mailboxes: type to narrow.');
  });

  it('never reads a substitution as a template', () => {
    expect(t('advice_open_server', '$1 $$ $origin$')).toBe('Open $1 $$ $origin$');
  });

  it('gives the English texts the pages showed before, byte for byte', () => {
    expect(t('options_saved_verified', '5 mailboxes')).toBe('Token verified (5 mailboxes). Account saved.');
    expect(t('options_passphrase_set')).toBe('Passphrase set: your tokens are now encrypted with it.');
    expect(t('options_move_up', 'Shop renamed')).toBe('Move Shop renamed up');
    expect(t('options_make_default')).toBe('Make default');
    expect(t('options_enter_token')).toBe('Enter token');
    expect(t('popup_unlock')).toBe('Unlock');
  });

  it('picks the singular or plural message by English rules', () => {
    expect(uiLanguage()).toBe('en');
    expect(plural(1, 'options_imported_one', 'options_imported_other')).toBe('Imported 1 account.');
    expect(plural(4, 'options_imported_one', 'options_imported_other')).toBe('Imported 4 accounts.');
    expect(plural(0, 'options_imported_one', 'options_imported_other')).toBe('Imported 0 accounts.');
  });
});

describe('formatMessage, as i18n.getMessage does it', () => {
  it('resolves placeholders case-insensitively, then $1…$9 and $$', () => {
    const entry = {
      message: 'Pay $Amount$ to $WHO$, $$ sign',
      placeholders: { amount: { content: '$2' }, who: { content: '$1' } },
    };
    expect(formatMessage(entry, ['Ann', '5'])).toBe('Pay 5 to Ann, $ sign');
  });

  it('leaves a missing substitution empty', () => {
    expect(formatMessage({ message: 'a $x$ b', placeholders: { x: { content: '$1' } } }, [])).toBe('a  b');
  });
});
