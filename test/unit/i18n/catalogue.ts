// The message catalogues as the browser reads them, for the tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MessageEntry } from '../../../src/i18n/format';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const LOCALES_DIR = join(ROOT, 'public/_locales');
/** The languages issue #6 asks for, besides English. */
export const REQUIRED_LOCALES = ['en', 'de', 'fr', 'es', 'pt_BR'];

export type Catalogue = Record<string, MessageEntry & { description?: string }>;

export function locales(): string[] {
  return readdirSync(LOCALES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export function catalogue(locale: string): Catalogue {
  return JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Catalogue;
}

/** Every file under `dir` (relative to the repository) whose name ends with one of `extensions`. */
export function sourceFiles(dir: string, extensions: string[]): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && extensions.some((extension) => entry.name.endsWith(extension)))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
