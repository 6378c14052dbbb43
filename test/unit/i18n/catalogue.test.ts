import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../../src/i18n/format';
import { type Catalogue, catalogue, locales, REQUIRED_LOCALES, ROOT } from './catalogue';

const english = catalogue('en');
const others = locales().filter((locale) => locale !== 'en');

/** The `$name$` placeholders a message uses, lower-cased as Chrome compares them. */
function usedPlaceholders(message: string): string[] {
  return [
    ...new Set([...message.matchAll(/\$([a-z0-9_@]+)\$/gi)].map((m) => (m[1] ?? '').toLowerCase())),
  ].sort();
}

/** Each placeholder with the `$n` it stands for. */
function substitutions(entry: Catalogue[string]): string[] {
  return Object.entries(entry.placeholders ?? {})
    .map(([name, { content }]) => `${name.toLowerCase()}=${content}`)
    .sort();
}

describe('the message catalogues', () => {
  it('cover English, German, French, Spanish and Brazilian Portuguese, with English the default', () => {
    expect(locales()).toEqual(expect.arrayContaining(REQUIRED_LOCALES));
    const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
    expect(manifest.default_locale).toBe('en');
  });

  it('name messages the way Chrome allows', () => {
    for (const key of Object.keys(english)) expect(key).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  it.each(others)('%s has exactly the keys of en', (locale) => {
    expect(Object.keys(catalogue(locale)).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(locales())('%s: every message is non-empty and uses exactly its own placeholders', (locale) => {
    for (const [key, entry] of Object.entries(catalogue(locale))) {
      expect(entry.message.trim(), `${locale} ${key}`).not.toBe('');
      const declared = Object.keys(entry.placeholders ?? {})
        .map((name) => name.toLowerCase())
        .sort();
      // Chrome refuses to load an extension whose message uses an undefined placeholder.
      expect(usedPlaceholders(entry.message), `${locale} ${key}`).toEqual(declared);
      // A lone `$` would be read as a substitution; a literal dollar is written `$$`.
      expect(entry.message.replace(/\$\$|\$[a-z0-9_@]+\$/gi, ''), `${locale} ${key}`).not.toContain('$');
      for (const { content } of Object.values(entry.placeholders ?? {})) expect(content).toMatch(/^\$[1-9]$/);
    }
  });

  it.each(others)('%s has the same placeholders and substitutions as en', (locale) => {
    const translated = catalogue(locale);
    for (const [key, entry] of Object.entries(english)) {
      const other = translated[key];
      if (!other) continue;
      expect(substitutions(other), `${locale} ${key}`).toEqual(substitutions(entry));
      expect(usedPlaceholders(other.message), `${locale} ${key}`).toEqual(usedPlaceholders(entry.message));
    }
  });

  it.each(locales())('%s renders every message with its substitutions filled', (locale) => {
    for (const [key, entry] of Object.entries(catalogue(locale))) {
      const count = Object.keys(entry.placeholders ?? {}).length;
      const args = Array.from({ length: count }, (_, i) => `«arg${i + 1}»`);
      const text = formatMessage(entry, args);
      for (const arg of args) expect(text, `${locale} ${key}`).toContain(arg);
      expect(text, `${locale} ${key}`).not.toMatch(/\$/);
    }
  });

  it.each(locales())('%s keeps the manifest texts within the store limits', (locale) => {
    const messages = catalogue(locale);
    expect(messages.ext_name?.message.length).toBeLessThanOrEqual(75);
    expect(messages.ext_short_name?.message.length).toBeLessThanOrEqual(45);
    expect(messages.ext_description?.message.length).toBeLessThanOrEqual(132);
  });

  it('fill every __MSG_…__ of the manifest', () => {
    const text = readFileSync(join(ROOT, 'manifest.json'), 'utf8');
    const used = [...text.matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)].map((m) => m[1] ?? '');
    expect(used).toEqual(
      expect.arrayContaining(['ext_name', 'ext_description', 'ext_action_title', 'command_open_popup']),
    );
    for (const key of used) expect(english, key).toHaveProperty(key);
  });
});
