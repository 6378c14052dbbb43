import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/core/memoryStore';
import { Recents } from '../../../src/core/recents';

describe('Recents', () => {
  it('keeps the 20 most recent, newest first, without duplicates', async () => {
    let now = 0;
    const recents = new Recents(new MemoryStore(), () => now++);
    for (let i = 0; i < 25; i++) await recents.touch({ accountId: 'a', email: `m${i}@x.test` });
    await recents.touch({ accountId: 'a', email: 'm10@x.test' });
    const { recent } = await recents.read();
    expect(recent).toHaveLength(20);
    expect(recent[0]?.email).toBe('m10@x.test');
    expect(recent.filter((item) => item.email === 'm10@x.test')).toHaveLength(1);
  });

  it('pins, unpins and forgets a removed account', async () => {
    const recents = new Recents(new MemoryStore());
    await Promise.all([
      recents.pin({ accountId: 'a', email: 'x@a.test' }, true),
      recents.pin({ accountId: 'b', email: 'y@b.test' }, true),
      recents.touch({ accountId: 'a', email: 'x@a.test' }),
    ]);
    expect((await recents.read()).pinned).toHaveLength(2);
    await recents.pin({ accountId: 'b', email: 'y@b.test' }, false);
    await recents.forgetAccount('a');
    expect(await recents.read()).toEqual({ recent: [], pinned: [] });
  });
});
