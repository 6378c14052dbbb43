import type { HandlerTable } from '../messages';
import { accountHandlers } from './accounts';
import { cpanelSessionHandlers } from './cpanelSessions';
import { directoryHandlers } from './directory';
import { openHandlers } from './open';
import type { Services } from './services';
import { vaultHandlers } from './vault';

export type { Services } from './services';

/** One entry per message type of the contract, grouped by concern; each a small function over core. */
export function createHandlers(services: Services): HandlerTable {
  return {
    ...accountHandlers(services),
    ...openHandlers(services),
    ...vaultHandlers(services),
    ...cpanelSessionHandlers(services),
    ...directoryHandlers(services),
  };
}
