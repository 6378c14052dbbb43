import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/core/memoryStore';
import { DEFAULT_SETTINGS, SettingsStore } from '../../../src/core/settings';
import { DEFAULT_AUTO_LOCK_MINUTES } from '../../../src/rules';

describe('SettingsStore', () => {
  it('gives the defaults when nothing is stored and no policy is set', async () => {
    const settings = new SettingsStore(new MemoryStore());
    expect(await settings.get()).toEqual({ ...DEFAULT_SETTINGS, managed: [] });
    expect(DEFAULT_SETTINGS.autoLockMinutes).toBe(DEFAULT_AUTO_LOCK_MINUTES);
  });

  it('keeps what the user set', async () => {
    const store = new MemoryStore();
    const settings = new SettingsStore(store);
    await settings.set({ autoLockMinutes: 30 });
    expect(await settings.get()).toEqual({ ...DEFAULT_SETTINGS, autoLockMinutes: 30, managed: [] });
    expect(store.data.get('settings')).toEqual({ autoLockMinutes: 30 });
  });

  it("an administrator's policy value wins over the user's and is named as managed", async () => {
    const store = new MemoryStore();
    const settings = new SettingsStore(store, async () => ({ autoLockMinutes: 5 }));
    await settings.set({ autoLockMinutes: 30 });
    expect(await settings.get()).toEqual({
      ...DEFAULT_SETTINGS,
      autoLockMinutes: 5,
      managed: ['autoLockMinutes'],
    });
  });

  it('a policy key without a value manages nothing', async () => {
    const settings = new SettingsStore(new MemoryStore(), async () => ({ autoLockMinutes: undefined }));
    const result = await settings.get();
    expect(result.managed).toEqual([]);
    expect(result.autoLockMinutes).toBe(DEFAULT_SETTINGS.autoLockMinutes);
  });
});
