import { accountLocale, stockLocale } from '../cpanel/locale';

/**
 * The cPanel locale for a session: the account's language setting when it has one, else the browser's
 * language (`pt-BR`, `de-AT`, `en-GB`) mapped to what a stock server installs, or none (the server then uses
 * the account's own language).
 */
export function cpanelLocale(language: string | undefined, setting?: string): string | undefined {
  if (setting) return accountLocale(setting);
  return stockLocale(language);
}
