import type { HandlerTable } from '../messages';
import type { Services } from './services';

type CpanelSessionTypes = 'cpanelSessions.list' | 'cpanelSession.tempUser';

/** The cPanel sessions the extension opened, and what can be done inside one. */
export function cpanelSessionHandlers({ cpanelSessions }: Services): Pick<HandlerTable, CpanelSessionTypes> {
  return {
    async 'cpanelSessions.list'() {
      return { sessions: await cpanelSessions.list() };
    },
    async 'cpanelSession.tempUser'({ tabId }) {
      return cpanelSessions.tempUser(tabId);
    },
  };
}
