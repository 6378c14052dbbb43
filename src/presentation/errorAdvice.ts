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

/**
 * Advice for one message of a code that has several causes: cPanel's own HTML pages (cpanel/htmlAnswer.ts),
 * and a certificate that was trusted before (never offer to accept it).
 */
export const ADVICE_BY_MESSAGE: Partial<Record<MessageKey, Advice>> = {
  error_html_license: { advice: 'advice_html_license' },
  error_html_cphulk: { advice: 'advice_html_cphulk' },
  error_html_login: { advice: 'advice_html_login', action: 'options' },
  error_html_proxy: { advice: 'advice_html_proxy' },
  error_security_tls_was_trusted: { advice: 'advice_security_tls_was_trusted' },
};

/** What to do about this error: its message's own advice where it has one, else its code's. */
export function adviceFor(error: unknown): Advice {
  if (!(error instanceof LauncherError) && !isCoded(error)) return ERROR_ADVICE.invalid_response;
  return (error.key && ADVICE_BY_MESSAGE[error.key]) || ERROR_ADVICE[error.code];
}

function isCoded(error: unknown): error is { code: ErrorCode; key?: MessageKey | undefined } {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    (error as { code: string }).code in ERROR_ADVICE
  );
}
