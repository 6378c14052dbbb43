import browser from 'webextension-polyfill';
import type { MessageKey } from './format';
import { t, uiLanguage } from './t';

/**
 * Gives a page the browser's language: `lang`, `dir`, and the text of every `[data-i18n]` element (the
 * `<title>` too), so the HTML itself carries no words.
 */
export function localizePage(doc: Document = document): void {
  doc.documentElement.lang = uiLanguage();
  doc.documentElement.dir = browser.i18n?.getMessage('@@bidi_dir') || 'ltr';
  for (const element of doc.querySelectorAll<HTMLElement>('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n as MessageKey);
  }
}
