import type { WhmService } from '../cpanel/whmSession';
import { send } from '../messages/client';
import { openWebmail as openOrPostWebmail } from './openWebmail';

/**
 * Targets this popup has already opened. A prepare that comes after the click (the popup's own head start
 * for a single account, or an aim timer still running) would make a session nobody signs in with.
 */
const opened = new Set<string>();
const targetKey = (accountId: string, email?: string) => `${accountId}\n${email ?? ''}`;

/** Asks the worker to make this target's session now (`webmail.prepare`); a failure only means no head start. */
export function prepare(accountId: string, email?: string): void {
  if (opened.has(targetKey(accountId, email))) return;
  send({ type: 'webmail.prepare', accountId, email }).catch(() => undefined);
}

/**
 * Webmail for an account's own mailbox (no `email`) or one of its addresses; the one place the popup asks
 * for it, with the password when the account asks for one per mailbox. A prepared session is posted from
 * the popup itself (./openWebmail.ts).
 */
export function openWebmail(accountId: string, email?: string, password?: string): Promise<unknown> {
  opened.add(targetKey(accountId, email));
  return openOrPostWebmail({ accountId, email, ...(password === undefined ? {} : { password }) });
}

/** A WHM or cPanel session (optionally as a cPanel user, into an app) in a new tab. */
export function openSession(accountId: string, service: WhmService, user?: string, app?: string) {
  return send({ type: 'session.open', accountId, service, user, app });
}

/** An address typed in full that no row matches: the worker finds the account (or WHM user) it belongs to. */
export function openForAddress(email: string) {
  return send({ type: 'webmail.openForAddress', email });
}

export function compose(accountId: string, email?: string) {
  return send({ type: 'webmail.compose', to: '', accountId, email });
}

export function pin(accountId: string, email: string, pinned: boolean) {
  return send({ type: 'mailbox.pin', accountId, email, pinned });
}
