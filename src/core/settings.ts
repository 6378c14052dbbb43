import { DEFAULT_AUTO_LOCK_MINUTES, STORAGE_KEYS } from '../rules';
import type { KeyValueStore } from './ports';

/** The mailbox that writes new mail: an account's own Webmail (no email) or one of its mailboxes. */
export interface SendFrom {
  accountId: string;
  email?: string;
}

export interface Settings {
  /** Minutes of inactivity after which an unlocked vault locks again. */
  autoLockMinutes: number;
  /**
   * Who writes mail opened from a mailto: link, the context menu or the compose page; `ask` shows a chooser
   * on the compose page; `default` (or absent): the default account's own Webmail.
   */
  sendFrom?: SendFrom | 'ask' | 'default';
  /** Per account id: where its Webmail opens, cPanel's Webmail home (absent) or Roundcube's inbox. */
  webmailAt?: Record<string, 'home' | 'roundcube'>;
  /** Make the session while the user points at a mailbox in the popup (`webmail.prepare`). */
  prepareSignIn: boolean;
}

export const DEFAULT_SETTINGS: Settings = { autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES, prepareSignIn: true };
const KEY = STORAGE_KEYS.settings;

/** User settings, with an administrator's policy value taking precedence where one is set. */
export class SettingsStore {
  constructor(
    private readonly store: KeyValueStore,
    private readonly policy: () => Promise<Partial<Settings>> = async () => ({}),
  ) {}

  async get(): Promise<Settings & { managed: (keyof Settings)[] }> {
    const [stored, policy] = await Promise.all([this.store.get<Partial<Settings>>(KEY), this.policy()]);
    const managed = (Object.keys(policy) as (keyof Settings)[]).filter((key) => policy[key] !== undefined);
    const enforced = Object.fromEntries(managed.map((key) => [key, policy[key]]));
    return { ...DEFAULT_SETTINGS, ...stored, ...enforced, managed };
  }

  async set(changes: Partial<Settings>): Promise<void> {
    const current = (await this.store.get<Partial<Settings>>(KEY)) ?? {};
    await this.store.set(KEY, { ...current, ...changes });
  }
}
