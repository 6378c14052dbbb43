import { describe, expect, it, vi } from 'vitest';
import { type PendingAction, PendingActions, runPendingAction } from '../../../src/background/pendingActions';
import { MemoryStore } from '../../../src/core/memoryStore';

function setup() {
  let now = 1_000_000;
  const session = new MemoryStore();
  const run = vi.fn(async (_action: PendingAction) => {});
  const pending = new PendingActions(session, run, () => now);
  return { session, run, pending, advance: (ms: number) => (now += ms) };
}

describe('PendingActions', () => {
  it('replays the remembered action once', async () => {
    const { pending, run } = setup();
    await pending.remember({ kind: 'address', email: 'info@example.com' });
    expect(await pending.replay()).toBe(true);
    expect(run).toHaveBeenCalledWith({ kind: 'address', email: 'info@example.com' });
    expect(await pending.replay()).toBe(false);
    expect(run).toHaveBeenCalledOnce();
  });

  it('keeps only the latest action', async () => {
    const { pending, run } = setup();
    await pending.remember({ kind: 'address', email: 'a@example.com' });
    await pending.remember({ kind: 'default' });
    await pending.replay();
    expect(run).toHaveBeenCalledExactlyOnceWith({ kind: 'default' });
  });

  it('drops an action older than five minutes without running it', async () => {
    const { pending, run, session, advance } = setup();
    await pending.remember({ kind: 'default' });
    advance(5 * 60_000 + 1);
    expect(await pending.replay()).toBe(false);
    expect(run).not.toHaveBeenCalled();
    expect(session.data.size).toBe(0);
  });

  it('runs an action of exactly five minutes', async () => {
    const { pending, run, advance } = setup();
    await pending.remember({ kind: 'default' });
    advance(5 * 60_000);
    expect(await pending.replay()).toBe(true);
    expect(run).toHaveBeenCalledOnce();
  });

  it('with nothing remembered runs nothing', async () => {
    const { pending, run } = setup();
    expect(await pending.replay()).toBe(false);
    expect(run).not.toHaveBeenCalled();
  });
});

describe('runPendingAction', () => {
  it('opens the address through the openers and the default otherwise', async () => {
    const openers = { openForAddress: vi.fn(async () => 1) };
    const openDefault = vi.fn(async () => 2);
    const run = runPendingAction(openers as never, openDefault);
    await run({ kind: 'address', email: 'info@example.com' });
    expect(openers.openForAddress).toHaveBeenCalledWith('info@example.com');
    expect(openDefault).not.toHaveBeenCalled();
    await run({ kind: 'default' });
    expect(openDefault).toHaveBeenCalledOnce();
  });
});
