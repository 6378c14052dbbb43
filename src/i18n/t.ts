import browser from 'webextension-polyfill';
import { type MessageKey, render } from './format';

export type { MessageKey } from './format';

/**
 * The message `key` in the browser's language, `$1`… filled from `substitutions`. Node tests have no
 * `browser.i18n`: `render` then reads the English catalogue itself.
 */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const args = substitutions.map(String);
  return browser.i18n?.getMessage(key, args) || render(key, args);
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
