import { LOCALE_PATTERN } from '../rules';
import { LauncherError, msg } from './errors';

/** cPanel wants lower-case locale names with underscores (`pt_br`); people type `pt-BR`. */
export function localeParam(locale: string | undefined): string | undefined {
  if (locale === undefined) return undefined;
  const lower = locale.toLowerCase().replace(/-/g, '_');
  if (!LOCALE_PATTERN.test(lower)) throw new LauncherError('bad_input', msg('error_locale_invalid', locale));
  return lower;
}

/**
 * The locales a stock cPanel & WHM 11.120 server has installed: `en` plus one module per locale in
 * `Cpanel/Locale/*.pm` (Cpanel/CPAN/Locale/Maketext/Utils.pm `list_available_locales`, listed by
 * Cpanel/Locale/Utils/Display.pm `get_locale_list`, which also drops `i_cpanel_snowmen`). UAPI Session
 * calls refuse any other name (Cpanel/Admin/Modules/Cpanel/session_call.pm `_get_and_validate_locale`).
 */
export const STOCK_LOCALES: ReadonlySet<string> = new Set(
  (
    'ar cs da de el en es es_419 es_es fi fil fr he hu id it ja ko ms nb nl pl pt pt_br ro ru sv th tr uk vi ' +
    'zh zh_tw'
  ).split(' '),
);

// Names a language goes by that cPanel files under another one.
const ALIASES: Readonly<Record<string, string>> = {
  no: 'nb',
  nn: 'nb',
  tl: 'fil',
  iw: 'he',
  in: 'id',
};
// Traditional Chinese is zh_tw; every other Chinese (zh-CN, zh-SG, zh-Hans) is cPanel's zh.
const TRADITIONAL_CHINESE = /^zh_(tw|hk|mo|hant)(_|$)/;
// Spanish of Latin America (es-419, es-MX, es-AR, …) is es_419; Spanish of Spain is es_es.
const SPAIN = /^es_es(_|$)/;
// Portuguese of Brazil is pt_br; any other Portuguese is pt.
const BRAZIL = /^pt_br(_|$)/;

/**
 * The installed locale for a language tag (`en-GB` → `en`, `zh-CN` → `zh`, `pt-BR` → `pt_br`, `es-MX` →
 * `es_419`), or undefined when a stock server has nothing for it (`sk`): then no locale is sent and the
 * server uses the account's own.
 */
export function stockLocale(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  const name = tag.trim().toLowerCase().replace(/-/g, '_');
  if (STOCK_LOCALES.has(name)) return name;
  const language = name.split('_')[0] ?? '';
  const primary = ALIASES[language] ?? language;
  if (primary === 'zh') return TRADITIONAL_CHINESE.test(name) ? 'zh_tw' : 'zh';
  if (primary === 'es' && name !== 'es') return SPAIN.test(name) ? 'es_es' : 'es_419';
  if (primary === 'pt') return BRAZIL.test(name) ? 'pt_br' : 'pt';
  return STOCK_LOCALES.has(primary) ? primary : undefined;
}

/**
 * The locale to ask for, from the account's language setting: an installed name (or the one its region
 * maps to) as such; a name a stock server lacks is still sent as typed, because the account's language field
 * says what this server offers (servers can install more locales), and a refusal is retried without it.
 */
export function accountLocale(setting: string | undefined): string | undefined {
  if (!setting) return undefined;
  return stockLocale(setting) ?? localeParam(setting);
}

// Cpanel/Admin/Modules/Cpanel/session_call.pm: '“[_1]” does not refer to any of this system’s locales.'
const LOCALE_REFUSED = /does not refer to any of this system[’']s locales/;

/** True for the server's refusal of a locale it has not installed (an api_error with its text). */
export function isLocaleRefusal(error: unknown): boolean {
  return error instanceof LauncherError && error.code === 'api_error' && LOCALE_REFUSED.test(error.message);
}

/**
 * Runs `call` with the locale, and once more without it when the server refuses that locale: a language
 * must never stop a sign-in.
 */
export async function withLocaleFallback<T>(
  locale: string | undefined,
  call: (locale: string | undefined) => Promise<T>,
): Promise<T> {
  try {
    return await call(locale);
  } catch (error) {
    if (locale === undefined || !isLocaleRefusal(error)) throw error;
    return call(undefined);
  }
}
