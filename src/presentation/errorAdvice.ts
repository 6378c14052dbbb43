import { type ErrorCode, LauncherError } from '../cpanel/errors';
import type { MessageKey } from '../cpanel/messageKey';

/** What the user can do about each kind of failure; the error's own message says what happened. */
export interface Advice {
  /** The advice's message key. */
  advice: MessageKey;
  /** A button that leads to the fix. */
  action?: 'options' | 'openServer';
}

export const ERROR_ADVICE: Record<ErrorCode, Advice> = {
  auth_failed: { advice: 'advice_auth_failed', action: 'options' },
  not_json: { advice: 'advice_not_json', action: 'options' },
  api_error: { advice: 'advice_api_error' },
  invalid_response: { advice: 'advice_invalid_response' },
  timeout: { advice: 'advice_timeout' },
  network: { advice: 'advice_network' },
  tls: { advice: 'advice_tls', action: 'openServer' },
  permission_denied: { advice: 'advice_permission_denied', action: 'options' },
  locked: { advice: 'advice_locked' },
  no_account_for_domain: { advice: 'advice_no_account_for_domain', action: 'options' },
  not_found: { advice: 'advice_not_found' },
  bad_input: { advice: 'advice_bad_input' },
  wrong_passphrase: { advice: 'advice_wrong_passphrase' },
};

/** The advice for one error: its code's, except a certificate that was trusted before (never accept it). */
export function adviceFor(error: unknown): Advice {
  if (error instanceof LauncherError && error.key === 'error_security_tls_was_trusted') {
    return { advice: 'advice_security_tls_was_trusted' };
  }
  return ERROR_ADVICE[error instanceof LauncherError ? error.code : 'invalid_response'];
}
