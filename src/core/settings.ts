import type { KeyValueStore } from './ports';

export interface Settings {
  /** Minutes of inactivity after which an unlocked vault locks again. */
  autoLockMinutes: number;
  /** Make the session while the user points at a mailbox in the popup (`webmail.prepare`). */
  prepareSignIn: boolean;
}

export const DEFAULT_SETTINGS: Settings = { autoLockMinutes: 15, prepareSignIn: true };
const KEY = 'settings';

/** User settings, with an administrator's policy value taking precedence where one is set. */
export class SettingsStore {
  constructor(
    private readonly store: KeyValueStore,
    private readonly policy: () => Promise<Partial<Settings>> = async () => ({}),
  ) {}

  async get(): Promise<Settings & { managed: (keyof Settings)[] }> {
    const [stored, policy] = await Promise.all([this.store.get<Partial<Settings>>(KEY), this.policy()]);
    const managed = (Object.keys(policy) as (keyof Settings)[]).filter((key) => policy[key] !== undefined);
    return { ...DEFAULT_SETTINGS, ...stored, ...policy, managed };
  }

  async set(changes: Partial<Settings>): Promise<void> {
    const current = (await this.store.get<Partial<Settings>>(KEY)) ?? {};
    await this.store.set(KEY, { ...current, ...changes });
  }
}
