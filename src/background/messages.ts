import * as v from 'valibot';
import type browser from 'webextension-polyfill';
import { LauncherError, msg } from '../cpanel/errors';
import type { ErrorReply, Replies, RequestOf, RequestType } from '../messages/contract';
import { requestSchemas } from '../messages/schemas';
import { errorText } from '../presentation/errorText';

export type Handler<T extends RequestType> = (
  request: RequestOf<T>,
  sender: browser.Runtime.MessageSender,
) => Promise<Replies[T]>;

export type HandlerTable = { [T in RequestType]: Handler<T> };

export interface RouterOptions {
  /** `runtime.id`: only our own pages may talk to the worker. */
  extensionId: string;
  /** `runtime.getURL('')`, the prefix of every page of ours. */
  extensionOrigin: string;
}

function isRequestType(type: unknown): type is RequestType {
  return typeof type === 'string' && Object.hasOwn(requestSchemas, type);
}

/**
 * The one `runtime.onMessage` handler: checks who is asking and what, runs the matching handler and turns
 * any failure into `{ ok: false, error: { code, message, key?, args? } }`. Secrets never reach the error text.
 */
export function createRouter(handlers: HandlerTable, options: RouterOptions) {
  return async (message: unknown, sender: browser.Runtime.MessageSender): Promise<unknown> => {
    if (sender.id !== options.extensionId || !sender.url?.startsWith(options.extensionOrigin)) {
      return failure(new LauncherError('bad_input', msg('error_foreign_sender')));
    }
    const type = (message as { type?: unknown } | null)?.type;
    if (!isRequestType(type)) return failure(new LauncherError('bad_input', msg('error_unknown_request')));
    const parsed = v.safeParse(requestSchemas[type], message);
    if (!parsed.success) return failure(new LauncherError('bad_input', msg('error_malformed_request', type)));
    try {
      const handler = handlers[type] as Handler<typeof type>;
      const request = { ...parsed.output, type } as RequestOf<typeof type>;
      return { ok: true, ...(await handler(request, sender)) };
    } catch (error) {
      return failure(error);
    }
  };
}

function failure(error: unknown): ErrorReply {
  if (error instanceof LauncherError) {
    const detail: ErrorReply['error'] = { code: error.code, message: errorText(error) };
    // The key lets a page show the message in its own language; a server's own words have none.
    if (error.key) Object.assign(detail, { key: error.key, args: [...error.args] });
    if (error.origin) detail.origin = error.origin;
    return { ok: false, error: detail };
  }
  // Unexpected errors may carry anything in their text; report them without it.
  console.error('Unexpected error in a message handler', error instanceof Error ? error.name : typeof error);
  return failure(new LauncherError('invalid_response', msg('error_unexpected')));
}
