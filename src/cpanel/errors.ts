/** Stable error codes shared with the UI and outside tests (see DESIGN.md). */
export const ERROR_CODES = [
  'auth_failed',
  'not_json',
  'api_error',
  'invalid_response',
  'timeout',
  'network',
  'tls',
  'permission_denied',
  'locked',
  'no_account_for_domain',
  'not_found',
  'bad_input',
  'wrong_passphrase',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error the user can act on: a stable code plus a detail that never contains a secret. */
export class LauncherError extends Error {
  override readonly name = 'LauncherError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The server's origin, where the fix is to visit it (an untrusted certificate). */
    readonly origin?: string,
  ) {
    super(message);
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
