import browser from 'webextension-polyfill';
import { isErrorCode, LauncherError } from '../cpanel/errors';
import type { Replies, Reply, RequestOf, RequestType } from './contract';

/** Sends one request to the worker and returns its payload, or throws the LauncherError it answered. */
export async function send<T extends RequestType>(request: RequestOf<T>): Promise<Replies[T]> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<T> | undefined;
  if (!reply || typeof reply !== 'object') {
    throw new LauncherError('invalid_response', 'The extension did not answer. Reload it and try again.');
  }
  if (!reply.ok) {
    const code = isErrorCode(reply.error?.code) ? reply.error.code : 'invalid_response';
    throw new LauncherError(code, reply.error?.message ?? 'Something went wrong.', reply.error?.origin);
  }
  return reply;
}
