import { isErrorCode, LauncherError, msg } from '../cpanel/errors';
import type { ErrorReply } from './contract';

/**
 * The worker's failed answer (or no answer) as the LauncherError it stands for: keyed messages are shown in
 * this page's language, a server's own words as they came. Every page reads replies through this.
 */
export function errorFromReply(reply: unknown): LauncherError {
  if (!reply || typeof reply !== 'object')
    return new LauncherError('invalid_response', msg('error_no_answer'));
  const error: Partial<ErrorReply['error']> = (reply as Partial<ErrorReply>).error ?? {};
  const code = isErrorCode(error.code) ? error.code : 'invalid_response';
  const detail = error.key
    ? msg(error.key, ...(error.args ?? []))
    : (error.message ?? msg('error_something_wrong'));
  return new LauncherError(code, detail, error.origin);
}
