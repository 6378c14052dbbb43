import browser from 'webextension-polyfill';
import type { Replies, Reply, RequestOf, RequestType } from './contract';
import { errorFromReply } from './errorFromReply';

/**
 * Sends one request to the worker and returns its payload, or throws the LauncherError it answered. The
 * reply's type follows from the request's `type`: `send({ type: 'account.list' })` gives the account list.
 */
export async function send<T extends RequestType>(request: RequestOf<T> & { type: T }): Promise<Replies[T]> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<T> | undefined;
  if (!reply || typeof reply !== 'object' || !reply.ok) throw errorFromReply(reply);
  return reply;
}
