import { LauncherError } from '../cpanel/errors';
import { t } from '../i18n/t';

/**
 * What went wrong, in the browser's language: a LauncherError by its message key (a server's own words
 * as they came), any other error by its own text.
 */
export function errorText(error: unknown): string {
  if (error instanceof LauncherError && error.key) return t(error.key, ...error.args);
  return error instanceof Error ? error.message : t('error_something_wrong');
}
