import type { LoginRequest } from '../cpanel/login';
import { send } from '../messages/client';

/**
 * Whether this build posts a prepared login from the popup itself. Chromium opens the form's new tab from
 * the popup after the awaited reply (test/e2e/prepare.test.ts shows it); Firefox keeps the launch tab,
 * where that has not been shown.
 */
const POSTS_LOGIN = import.meta.env.MODE !== 'firefox';

export interface WebmailTarget {
  accountId: string;
  /** A mailbox; none for the account's own Webmail. */
  email?: string;
  /** The mailbox password, for accounts that ask for it; used once and never stored. */
  password?: string;
}

/**
 * Opens Webmail for the target. With a session the worker prepared while the pointer rested on it, the
 * worker hands over its login request and the popup posts it into a new tab at once: no launch tab, no
 * API call. Otherwise the worker opens the launch tab as for any trigger.
 */
export async function openWebmail(target: WebmailTarget): Promise<void> {
  const reply = await send({ type: 'webmail.open', ...target, acceptsLogin: POSTS_LOGIN || undefined });
  // Posted in this same turn: the session is kept nowhere but in the form it leaves in.
  if ('login' in reply) submitLogin(reply.login);
}

/**
 * Posts the session in a form body into a new tab, so it never appears in a URL, the history or a server
 * log; `noopener` keeps the Webmail page from reaching back into this extension page.
 */
function submitLogin({ url, session, fields }: LoginRequest): void {
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = url;
  form.target = '_blank';
  form.rel = 'noopener';
  for (const [name, value] of Object.entries({ ...fields, session })) {
    const field = document.createElement('input');
    field.type = 'hidden';
    field.name = name;
    field.value = value;
    form.append(field);
  }
  document.body.append(form);
  form.submit();
  form.remove();
}
