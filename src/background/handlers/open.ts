import { LauncherError, msg } from '../../cpanel/errors';
import type { HandlerTable } from '../messages';
import type { Services } from './index';

type OpenTypes =
  | 'webmail.open'
  | 'webmail.prepare'
  | 'webmail.openForAddress'
  | 'session.open'
  | 'recents.get'
  | 'mailbox.pin'
  | 'launch.claim';

const blank = (text: string | undefined) => text?.trim() || undefined;

export function openHandlers(services: Services): Pick<HandlerTable, OpenTypes> {
  const { launcher, openers, recents } = services;
  return {
    async 'webmail.open'({ accountId, email, password }) {
      return openers.openWebmail({ accountId, email: blank(email), password: password || undefined });
    },
    async 'webmail.prepare'({ accountId, email }) {
      if ((await services.settings.get()).prepareSignIn) {
        await openers.prepareWebmail({ accountId, email: blank(email) });
      }
      return {};
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
        throw new LauncherError('bad_input', msg('error_launch_claim'));
      }
      return { login: await launcher.claim(launchId) };
    },
  };
}
