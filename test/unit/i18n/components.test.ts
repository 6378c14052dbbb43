// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the fixtures are source code, templates included
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue, ROOT, sourceFiles } from './catalogue';
import { htmlKeys, scanHtml, scanScript } from './scan';

/** Where the user-facing pages live: everything they show comes from the catalogue. */
const COMPONENT_DIRS = ['src/popup', 'src/options', 'src/launch', 'src/ui'];

const scripts = COMPONENT_DIRS.flatMap((dir) => sourceFiles(dir, ['.ts', '.tsx']));
const pages = COMPONENT_DIRS.flatMap((dir) => sourceFiles(dir, ['.html']));
const name = (file: string) => relative(ROOT, file);

describe('the hard-coded text check itself', () => {
  const texts = (source: string, file = 'fixture.tsx') => scanScript(source, file).map((found) => found.text);

  it('catches text written into JSX', () => {
    expect(texts('export const A = () => <div><p>Hello</p></div>;')).toEqual(['Hello']);
    expect(texts("const A = (x: boolean) => <p>{x ? 'Yes' : 'No'}</p>;")).toEqual(['Yes', 'No']);
    expect(texts('const A = (n: number) => <p>{`${n} mailboxes`}</p>;')).toEqual(['… mailboxes']);
    expect(texts("const A = (s: string) => <p>{s || 'none'}</p>;")).toEqual(['none']);
  });

  it('catches visible attributes and assignments', () => {
    expect(texts('const A = () => <input placeholder="Search" />;')).toEqual(['Search']);
    expect(texts('const A = (l: string) => <b aria-label={`Move ${l} up`} title="Hi" />;')).toEqual([
      'Move … up',
      'Hi',
    ]);
    expect(texts('const A = () => <button value="Go" />;')).toEqual(['Go']);
    expect(texts("document.title = 'Could not sign in';", 'fixture.ts')).toEqual(['Could not sign in']);
    expect(texts("el.textContent = ok ? 'Done' : t('x');", 'fixture.ts')).toEqual(['Done']);
  });

  it('catches sentences kept in a variable or state before they are shown', () => {
    expect(texts("setDone('Passphrase removed.');", 'fixture.ts')).toEqual(['Passphrase removed.']);
    expect(texts('const m = `Signing in to ${host}…`;', 'fixture.ts')).toEqual(['Signing in to ……']);
    expect(texts('const id = `mailbox-option-${i}`; const f = `${name}.json`;', 'fixture.ts')).toEqual([]);
  });

  it('lets through keys, names, symbols and values the user does not read as text', () => {
    const clean = `
      const A = (p: { kind: string; n: number }) => (
        <div class="error-note" data-testid="error" id="x">
          <p>{t('popup_empty')}</p>
          <span>{p.kind === 'whm' ? t('options_kind_whm') : t('options_kind_cpanel')}</span>
          <span>{p.n} · @ : ★</span>
          <option value="Email_Accounts">{t('popup_app_email_accounts')}</option>
          <input type="password" value={p.kind} title={t('popup_lock_title')} />
        </div>
      );
      el.className = 'ok';`;
    expect(texts(clean)).toEqual([]);
  });

  it('catches text in HTML, the title included', () => {
    const html =
      '<html><head><title>Signing in…</title></head><body><p>Hello</p><p data-i18n="x"></p></body>';
    expect(scanHtml(html, 'page.html').map((found) => found.text)).toEqual(['Signing in…', 'Hello']);
    expect(scanHtml('<input placeholder="Type here">', 'page.html').map((found) => found.text)).toEqual([
      'Type here',
    ]);
    expect(scanHtml('<script>const a = "<p>not text</p>";</script><!-- a comment -->', 'page.html')).toEqual(
      [],
    );
  });
});

describe('components', () => {
  it('are all scanned', () => {
    expect(scripts.map(name)).toEqual(
      expect.arrayContaining(['src/popup/Popup.tsx', 'src/options/AccountForm.tsx', 'src/launch/main.ts']),
    );
    expect(pages.map(name)).toEqual(
      expect.arrayContaining(['src/popup/index.html', 'src/options/index.html', 'src/launch/index.html']),
    );
  });

  it.each(scripts.map(name))('%s shows no hard-coded text', (file) => {
    const findings = scanScript(readFileSync(`${ROOT}/${file}`, 'utf8'), file);
    expect(findings.map(({ line, where, text }) => `${file}:${line} ${where} “${text}”`)).toEqual([]);
  });

  it.each(pages.map(name))('%s has no words of its own and asks only for known keys', (file) => {
    const source = readFileSync(`${ROOT}/${file}`, 'utf8');
    const findings = scanHtml(source, file);
    expect(findings.map(({ line, where, text }) => `${file}:${line} ${where} “${text}”`)).toEqual([]);
    const english = catalogue('en');
    for (const key of htmlKeys(source)) expect(english, `${file} data-i18n`).toHaveProperty(key);
    // The tab title, too, comes from the catalogue.
    expect(source).toMatch(/<title data-i18n="[a-z_]+"><\/title>/);
  });
});
