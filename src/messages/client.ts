import browser from 'webextension-polyfill';
import { isErrorCode, LauncherError, msg } from '../cpanel/errors';
import type { ErrorReply, Replies, Reply, RequestOf, RequestType } from './contract';

/** Sends one request to the worker and returns its payload, or throws the LauncherError it answered. */
export async function send<T extends RequestType>(request: RequestOf<T>): Promise<Replies[T]> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<T> | undefined;
  if (!reply || typeof reply !== 'object') {
    throw new LauncherError('invalid_response', msg('error_no_answer'));
  }
  if (!reply.ok) {
    const error: Partial<ErrorReply['error']> = reply.error ?? {};
    const code = isErrorCode(error.code) ? error.code : 'invalid_response';
    // Keyed messages are shown in this page's language; a server's own words as they came.
    const detail = error.key
      ? msg(error.key, ...(error.args ?? []))
      : (error.message ?? msg('error_something_wrong'));
    throw new LauncherError(code, detail, error.origin);
  }
  return reply;
}
