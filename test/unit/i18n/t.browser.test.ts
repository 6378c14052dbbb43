import { describe, expect, it, vi } from 'vitest';
import { catalogue } from './catalogue';

// A French browser: getMessage answers from the French catalogue, as Chromium would.
const fake = vi.hoisted(() => ({ language: 'fr', messages: {} as Record<string, unknown>, calls: 0 }));
vi.mock('webextension-polyfill', async () => {
  const { formatMessage } = await import('../../../src/i18n/format');
  return {
    default: {
      i18n: {
        getUILanguage: () => fake.language,
        getMessage: (key: string, substitutions: string[] = []) => {
          fake.calls += 1;
          if (key === '@@bidi_dir') return 'ltr';
          const entry = fake.messages[key] as Parameters<typeof formatMessage>[0] | undefined;
          return entry ? formatMessage(entry, substitutions) : '';
        },
      },
    },
  };
});
fake.messages = catalogue('fr');
const { plural, t } = await import('../../../src/i18n/t');
const { localizePage } = await import('../../../src/i18n/page');
const { LauncherError, msg } = await import('../../../src/cpanel/errors');
const { errorText } = await import('../../../src/presentation/errorText');

describe('t in the browser', () => {
  it('asks browser.i18n for the message in the browser’s language', () => {
    const before = fake.calls;
    expect(t('error_token_rejected', 403)).toBe('Le serveur a refusé le jeton d’API (HTTP 403).');
    expect(fake.calls).toBe(before + 1);
  });

  it('follows the language’s plural rules: French says 0 in the singular', () => {
    expect(plural(0, 'options_imported_one', 'options_imported_other')).toBe('0 compte importé.');
    expect(plural(2, 'options_imported_one', 'options_imported_other')).toBe('2 comptes importés.');
  });

  it('renders a LauncherError made in the browser in its language, keeping key and args', () => {
    const error = new LauncherError(
      'not_found',
      msg('error_no_mailbox', 'Shop', 'example.com', 'x@example.com'),
    );
    expect(errorText(error)).toBe(
      'Shop possède example.com mais n’a pas de boîte aux lettres x@example.com.',
    );
    expect(error).toMatchObject({ key: 'error_no_mailbox', args: ['Shop', 'example.com', 'x@example.com'] });
  });

  it('fills a page: lang, dir and every data-i18n element', () => {
    const title = { dataset: { i18n: 'options_title' }, textContent: '' };
    const heading = { dataset: { i18n: 'launch_failed' }, textContent: '' };
    const doc = { documentElement: { lang: 'en', dir: '' }, querySelectorAll: () => [title, heading] };
    localizePage(doc as unknown as Document);
    expect(doc.documentElement).toEqual({ lang: 'fr', dir: 'ltr' });
    expect(title.textContent).toBe('Webmail Launcher – Comptes');
    expect(heading.textContent).toBe('Connexion impossible');
  });
});
