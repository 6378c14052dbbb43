import type { AccountRepository } from '../../core/accounts';
import type { CpanelSessions } from '../../core/cpanelSessions';
import type { Directory } from '../../core/directory';
import type { Launcher } from '../../core/launcher';
import type { Openers } from '../../core/openers';
import type { HostAccess } from '../../core/ports';
import type { Recents } from '../../core/recents';
import type { SettingsStore } from '../../core/settings';
import type { Vault } from '../../core/vault';
import type { WhmIndex } from '../../core/whmIndex';
import type { TransportOptions } from '../../cpanel/transport';
import type { HandlerTable } from '../messages';
import type { PendingActions } from '../pendingActions';
import { accountHandlers } from './accounts';
import { cpanelSessionHandlers } from './cpanelSessions';
import { directoryHandlers } from './directory';
import { openHandlers } from './open';
import { vaultHandlers } from './vault';

export interface Services {
  accounts: AccountRepository;
  launcher: Launcher;
  openers: Openers;
  directory: Directory;
  /** The mailboxes of every account WHM tokens see, and their indexing progress. */
  whmIndex: WhmIndex;
  recents: Recents;
  hostAccess: HostAccess;
  vault: Vault;
  settings: SettingsStore;
  pending: PendingActions;
  cpanelSessions: CpanelSessions;
  /** Called after an unlock or a settings change, to (re)start the auto-lock check. */
  onUnlocked: () => Promise<void>;
  /** The launch page's URL without its fragment: only that page may claim a login. */
  launchPagePath: string;
  transport?: TransportOptions;
}

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
