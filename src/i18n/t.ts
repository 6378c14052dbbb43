import browser from 'webextension-polyfill';
import { type MessageKey, render, setMessageSource } from './format';

export type { MessageKey } from './format';

// Node tests have no `browser.i18n`; `render` then reads the English catalogue itself.
if (browser.i18n) setMessageSource((key, substitutions) => browser.i18n.getMessage(key, substitutions));

/** The message `key` in the browser's language, `$1`… filled from `substitutions`. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return render(key, substitutions.map(String));
}

/** The browser's UI language, e.g. `pt-BR`. */
export function uiLanguage(): string {
  return browser.i18n?.getUILanguage() || 'en';
}

/** `one` or `other` with `count` as `$1`, by the language's rules (French and Portuguese say 0 in the singular). */
export function plural(count: number, one: MessageKey, other: MessageKey): string {
  const form = new Intl.PluralRules(uiLanguage()).select(count);
  return t(form === 'one' ? one : other, count);
}
