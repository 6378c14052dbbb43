import type { ErrorCode } from '../cpanel/errors';
import type { MessageKey } from '../cpanel/messageKey';
import { adviceFor } from './errorAdvice';

/** Where the fix of a failure is: the options page, the server (its certificate), or the unlock view. */
export type ErrorFix = { kind: 'options' } | { kind: 'openServer'; origin: string } | { kind: 'unlock' };

/** The fix of an error, the same for the launch page and a notification's click; none where only time helps. */
export function fixFor(error: {
  code: ErrorCode;
  key?: MessageKey | undefined;
  origin?: string | undefined;
}): ErrorFix | undefined {
  if (error.code === 'locked') return { kind: 'unlock' };
  const { action } = adviceFor(error);
  if (action === 'options') return { kind: 'options' };
  if (action === 'openServer' && error.origin) return { kind: 'openServer', origin: error.origin };
  return undefined;
}
