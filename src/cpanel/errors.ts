import { type MessageKey, render } from '../i18n/format';

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

/** A message of `_locales/<locale>/messages.json` and its substitutions (`$1`…). */
export interface Message {
  key: MessageKey;
  args: string[];
}

/** `msg('error_token_rejected', 401)`: the second argument of `new LauncherError`. */
export function msg(key: MessageKey, ...args: (string | number)[]): Message {
  return { key, args: args.map(String) };
}

/**
 * An error the user can act on: a stable code plus a detail that never contains a secret. The detail is a
 * message key, so pages show it in the user's language (`.message` is English in Node), or a text shown as
 * it is: the server's own words.
 */
export class LauncherError extends Error {
  override readonly name = 'LauncherError';
  /** Absent for a text shown as is. */
  readonly key?: MessageKey;
  readonly args: readonly string[] = [];
  /** The account whose sign-in failed, where one was chosen: notifications name it. */
  account?: { label: string; host: string };
  constructor(
    readonly code: ErrorCode,
    message: Message | string,
    /** The server's origin, where the fix is to visit it (an untrusted certificate). */
    readonly origin?: string,
  ) {
    super(typeof message === 'string' ? message : render(message.key, message.args));
    if (typeof message !== 'string') {
      this.key = message.key;
      this.args = message.args;
    }
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
