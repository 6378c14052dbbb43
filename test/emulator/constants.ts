// Fixed facts about the emulated server.
import type { Service } from './types';

export const PORTS = { cpanel: 2083, whm: 2087, webmail: 2096 } as const;

export const SERVICE_BY_PORT: Readonly<Record<number, Service>> = {
  [PORTS.cpanel]: 'cpaneld',
  [PORTS.whm]: 'whostmgrd',
  [PORTS.webmail]: 'webmaild',
};

export const PORT_BY_SERVICE: Readonly<Record<Service, number>> = {
  cpaneld: PORTS.cpanel,
  whostmgrd: PORTS.whm,
  webmaild: PORTS.webmail,
};

export const COOKIE_BY_SERVICE: Readonly<Record<Service, string>> = {
  cpaneld: 'cpsession',
  whostmgrd: 'whostmgrsession',
  webmaild: 'webmailsession',
};

export const WHM_VERSION = '11.136.0.4';

/** An unused session is purged after 5 minutes (WHM `expires` = now + 300). */
export const UNUSED_SESSION_MS = 300_000;
/** A used (cookie) session ends after 15 minutes of inactivity. */
export const IDLE_SESSION_MS = 900_000;

/**
 * The locales a stock 11.120 server installs: `en` plus one Cpanel/Locale/<name>.pm each (listed by
 * Cpanel/Locale/Utils/Display.pm `get_locale_list`, which drops i_cpanel_snowmen). UAPI Session calls
 * refuse every other name, compared exactly (Cpanel/Admin/Modules/Cpanel/session_call.pm).
 */
export const STOCK_LOCALES: readonly string[] = [
  'ar',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'es',
  'es_419',
  'es_es',
  'fi',
  'fil',
  'fr',
  'he',
  'hu',
  'id',
  'it',
  'ja',
  'ko',
  'ms',
  'nb',
  'nl',
  'pl',
  'pt',
  'pt_br',
  'ro',
  'ru',
  'sv',
  'th',
  'tr',
  'uk',
  'vi',
  'zh',
  'zh_tw',
];
