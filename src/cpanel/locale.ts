import { LOCALE_PATTERN } from '../rules';
import { LauncherError, msg } from './errors';

/** cPanel wants lower-case locale names with underscores (`pt_br`); people type `pt-BR`. */
export function localeParam(locale: string | undefined): string | undefined {
  if (locale === undefined) return undefined;
  const lower = locale.toLowerCase().replace(/-/g, '_');
  if (!LOCALE_PATTERN.test(lower)) throw new LauncherError('bad_input', msg('error_locale_invalid', locale));
  return lower;
}
