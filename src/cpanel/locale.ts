import { LauncherError, msg } from './errors';

const LOCALE = /^[a-z]{2,3}(_[a-z0-9]{2,8})*$/;

/** cPanel wants lower-case locale names with underscores (`pt_br`); people type `pt-BR`. */
export function localeParam(locale: string | undefined): string | undefined {
  if (locale === undefined) return undefined;
  const lower = locale.toLowerCase().replace(/-/g, '_');
  if (!LOCALE.test(lower)) throw new LauncherError('bad_input', msg('error_locale_invalid', locale));
  return lower;
}
