import type { MessageKey } from './messageKey';

export type { MessageKey } from './messageKey';

/** Stable error codes shared with the UI and outside tests (see docs/architecture.md). */
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
 * message key and its arguments, rendered in the user's language only at the edges (pages, notifications,
 * the worker's replies: presentation/errorText.ts), or a text shown as it is: the server's own words.
 * `.message` of a keyed error names the key and arguments, for logs.
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
    super(typeof message === 'string' ? message : [message.key, ...message.args].join(' '));
    if (typeof message !== 'string') {
      this.key = message.key;
      this.args = message.args;
    }
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
