import { DEFAULT_AUTO_LOCK_MINUTES, STORAGE_KEYS } from '../rules';
import type { KeyValueStore } from './ports';

export interface Settings {
  /** Minutes of inactivity after which an unlocked vault locks again. */
  autoLockMinutes: number;
}

export const DEFAULT_SETTINGS: Settings = { autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES };
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
