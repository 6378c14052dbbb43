import type browser from 'webextension-polyfill';
import { LauncherError, msg } from '../../cpanel/errors';
import type { HandlerTable } from '../messages';
import type { Services } from './services';

type OpenTypes =
  | 'webmail.open'
  | 'webmail.compose'
  | 'webmail.prepare'
  | 'webmail.openForAddress'
  | 'session.open'
  | 'recents.get'
  | 'mailbox.pin'
  | 'launch.claim'
  | 'launch.about'
  | 'launch.retry';

const blank = (text: string | undefined) => text?.trim() || undefined;

export function openHandlers(services: Services): Pick<HandlerTable, OpenTypes> {
  const { launcher, openers, recents } = services;
  /** Only the launch page may ask about a sign-in or run it again; returns its tab. */
  const fromLaunchPage = (sender: browser.Runtime.MessageSender): number => {
    if (sender.url?.split('#')[0] !== services.launchPagePath || sender.tab?.id === undefined) {
      throw new LauncherError('bad_input', msg('error_launch_claim'));
    }
    return sender.tab.id;
  };
  return {
    async 'webmail.open'({ accountId, email, password, acceptsLogin }) {
      const target = { accountId, email: blank(email) };
      // A prepared session goes to a sender that posts it itself: no launch tab, no API call.
      if (acceptsLogin && !password) {
        const login = await openers.takePreparedWebmail(target);
        if (login) return { login };
      }
      return openers.openWebmail({ ...target, password: password || undefined });
    },
    async 'webmail.compose'({ to, accountId, email }, sender) {
      const fromComposePage =
        services.composePagePath !== undefined && sender.url?.split(/[?#]/)[0] === services.composePagePath;
      const inTab = fromComposePage ? sender.tab?.id : undefined;
      return openers.compose({ to, accountId: blank(accountId), email: blank(email), inTab });
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
    async 'launch.about'({ launchId }, sender) {
      fromLaunchPage(sender);
      return { about: launcher.about(launchId) };
    },
    async 'launch.retry'({ target }, sender) {
      const inTab = fromLaunchPage(sender);
      if (target.type === 'webmail.open') {
        return openers.openWebmail({ accountId: target.accountId, email: blank(target.email), inTab });
      }
      const { accountId, service, user, app } = target;
      return openers.openSession({ accountId, service, user: blank(user), app: blank(app), inTab });
    },
  };
}
