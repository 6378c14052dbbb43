import type { AccountRepository } from '../../core/accounts';
import type { CpanelSessions } from '../../core/cpanelSessions';
import type { Directory } from '../../core/directory';
import type { Launcher } from '../../core/launcher';
import type { Openers } from '../../core/openers';
import type { HostAccess } from '../../core/ports';
import type { PreparedSessions } from '../../core/prepared';
import type { Recents } from '../../core/recents';
import type { SettingsStore } from '../../core/settings';
import type { Vault } from '../../core/vault';
import type { WhmIndex } from '../../core/whmIndex';
import type { TransportOptions } from '../../cpanel/transport';
import type { PendingActions } from '../pendingActions';

/** What the handlers work with: core services built by the composition root (../index.ts). */
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
  /** Sessions made ahead of a click: dropped on lock, on an account's change and when the setting is off. */
  prepared?: PreparedSessions;
  /** Called after an unlock or a settings change, to (re)start the auto-lock check. */
  onUnlocked: () => Promise<void>;
  /** The launch page's URL without its fragment: only that page may claim a login. */
  launchPagePath: string;
  /** The compose page's URL without its query: a compose it asks for signs in inside its own tab. */
  composePagePath?: string;
  transport?: TransportOptions;
}
