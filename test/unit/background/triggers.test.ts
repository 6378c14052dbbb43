import { beforeEach, describe, expect, it, vi } from 'vitest';

const openPopup = vi.fn(async () => {});
const notifyError = vi.fn(async (_error: unknown) => {});
vi.mock('webextension-polyfill', () => ({ default: { action: { openPopup } } }));
vi.mock('../../../src/background/notify', () => ({ notifyError }));
const { runTrigger } = await import('../../../src/background/triggers');
const { LauncherError } = await import('../../../src/cpanel/errors');

function fakePending() {
  return { remember: vi.fn(async () => {}) };
}

describe('runTrigger', () => {
  beforeEach(() => {
    openPopup.mockClear();
    notifyError.mockClear();
  });

  it('does nothing more when the action succeeds', async () => {
    const pending = fakePending();
    const run = vi.fn(async () => 1);
    await runTrigger(pending as never, { kind: 'default' }, run);
    expect(run).toHaveBeenCalledOnce();
    expect(pending.remember).not.toHaveBeenCalled();
    expect(notifyError).not.toHaveBeenCalled();
  });

  it('a locked vault keeps the action, asks to unlock and notifies', async () => {
    const pending = fakePending();
    const locked = new LauncherError('locked', 'locked');
    await runTrigger(pending as never, { kind: 'address', email: 'a@example.com' }, async () => {
      throw locked;
    });
    expect(pending.remember).toHaveBeenCalledWith({ kind: 'address', email: 'a@example.com' });
    expect(openPopup).toHaveBeenCalledOnce();
    expect(notifyError).toHaveBeenCalledWith(locked);
  });

  it('a locked vault without an action to keep only notifies', async () => {
    const pending = fakePending();
    await runTrigger(pending as never, undefined, async () => {
      throw new LauncherError('locked', 'locked');
    });
    expect(pending.remember).not.toHaveBeenCalled();
    expect(openPopup).not.toHaveBeenCalled();
    expect(notifyError).toHaveBeenCalledOnce();
  });

  it('any other failure only notifies', async () => {
    const pending = fakePending();
    const failure = new LauncherError('network', 'down');
    await runTrigger(pending as never, { kind: 'default' }, async () => {
      throw failure;
    });
    expect(pending.remember).not.toHaveBeenCalled();
    expect(openPopup).not.toHaveBeenCalled();
    expect(notifyError).toHaveBeenCalledWith(failure);
  });

  it('a refused openPopup still notifies', async () => {
    openPopup.mockRejectedValueOnce(new Error('no focused window'));
    const pending = fakePending();
    await runTrigger(pending as never, { kind: 'default' }, async () => {
      throw new LauncherError('locked', 'locked');
    });
    expect(notifyError).toHaveBeenCalledOnce();
  });
});
