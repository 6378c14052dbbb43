import { beforeEach, describe, expect, it, vi } from 'vitest';

type AlarmListener = (alarm: { name: string }) => Promise<void>;
const listeners: AlarmListener[] = [];
const alarms = {
  onAlarm: { addListener: (listener: AlarmListener) => listeners.push(listener) },
  create: vi.fn(async () => {}),
  clear: vi.fn(async () => true),
};
vi.mock('webextension-polyfill', () => ({ default: { alarms } }));
const { registerAutoLock } = await import('../../../src/background/autoLock');

function fakeKeyring(state: { enabled: boolean; locked: boolean }) {
  return {
    lockIfIdle: vi.fn(async () => {}),
    status: vi.fn(async () => ({ ...state })),
  };
}

describe('registerAutoLock', () => {
  beforeEach(() => {
    listeners.length = 0;
    alarms.create.mockClear();
    alarms.clear.mockClear();
  });

  it('starts a one-minute alarm when armed', async () => {
    const arm = registerAutoLock(fakeKeyring({ enabled: true, locked: false }) as never);
    await arm();
    expect(alarms.create).toHaveBeenCalledWith('vault-idle-check', { periodInMinutes: 1 });
  });

  it.each([
    [{ enabled: true, locked: false }, false],
    [{ enabled: true, locked: true }, true],
    [{ enabled: false, locked: false }, true],
  ])('with the vault %j after the idle check, clears the alarm: %s', async (state, cleared) => {
    const keyring = fakeKeyring(state);
    registerAutoLock(keyring as never);
    await listeners[0]?.({ name: 'vault-idle-check' });
    expect(keyring.lockIfIdle).toHaveBeenCalledOnce();
    expect(keyring.status).toHaveBeenCalledOnce();
    expect(alarms.clear).toHaveBeenCalledTimes(cleared ? 1 : 0);
  });

  it('ignores other alarms', async () => {
    const keyring = fakeKeyring({ enabled: false, locked: false });
    registerAutoLock(keyring as never);
    await listeners[0]?.({ name: 'something-else' });
    expect(keyring.lockIfIdle).not.toHaveBeenCalled();
    expect(alarms.clear).not.toHaveBeenCalled();
  });
});
