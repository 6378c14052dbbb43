import * as v from 'valibot';
import { accountInputSchema } from '../core/accountInput';
import type { AccountRepository } from '../core/accounts';
import type { Directory } from '../core/directory';
import type { Launcher } from '../core/launcher';
import type { Openers } from '../core/openers';
import type { HostAccess } from '../core/ports';
import type { Recents } from '../core/recents';
import { LauncherError } from '../cpanel/errors';
import type { TransportOptions } from '../cpanel/transport';
import { verifyCredentials } from '../cpanel/verify';
import type { HandlerTable } from './messages';

export interface Services {
  accounts: AccountRepository;
  launcher: Launcher;
  openers: Openers;
  directory: Directory;
  recents: Recents;
  hostAccess: HostAccess;
  /** The launch page's URL without its fragment: only that page may claim a login. */
  launchPagePath: string;
  transport?: TransportOptions;
}

const blank = (text: string | undefined) => text?.trim() || undefined;

/** One entry per message type of the contract; each a small function over the core services. */
export function createHandlers(services: Services): HandlerTable {
  const { accounts, launcher, openers, directory, recents, hostAccess } = services;
  return {
    async 'account.save'({ account }) {
      const parsed = v.safeParse(accountInputSchema, account);
      if (!parsed.success) throw new LauncherError('bad_input', parsed.issues[0].message);
      const input = parsed.output;
      if (!(await hostAccess.has(input.host))) {
        throw new LauncherError('permission_denied', `Allow access to ${input.host} to save this account.`);
      }
      const verified = await verifyCredentials(input, services.transport);
      return { id: await accounts.add(input), verified };
    },
    async 'account.list'() {
      return { accounts: await accounts.list() };
    },
    async 'account.remove'({ id }) {
      await accounts.remove(id);
      await Promise.all([directory.forget(id), recents.forgetAccount(id)]);
      return {};
    },
    async 'mailboxes.list'({ accountId, refresh }) {
      return { mailboxes: await directory.mailboxes(accountId, refresh === true) };
    },
    async 'webmail.open'({ accountId, email, password }) {
      return openers.openWebmail({ accountId, email: blank(email), password: password || undefined });
    },
    async 'webmail.openForAddress'({ email }) {
      return openers.openForAddress(email);
    },
    async 'session.open'({ accountId, service, user, app }) {
      return openers.openSession({ accountId, service, user: blank(user), app: blank(app) });
    },
    async 'recents.get'() {
      const { recent, pinned } = await recents.read();
      return { recent: recent.map(({ accountId, email }) => ({ accountId, email })), pinned };
    },
    async 'mailbox.pin'({ accountId, email, pinned }) {
      await recents.pin({ accountId, email: email.toLowerCase() }, pinned);
      return {};
    },
    async 'launch.claim'({ launchId }, sender) {
      if (sender.url?.split('#')[0] !== services.launchPagePath) {
        throw new LauncherError('bad_input', 'Only the launch page may claim a sign-in.');
      }
      return { login: await launcher.claim(launchId) };
    },
  };
}
