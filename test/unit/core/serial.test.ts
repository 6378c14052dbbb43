import { describe, expect, it } from 'vitest';
import { SerialQueue } from '../../../src/core/serial';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('SerialQueue', () => {
  it('runs tasks one after another in the order given', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const task = (name: string, waits: number) => async () => {
      log.push(`${name} start`);
      for (let i = 0; i < waits; i += 1) await tick();
      log.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([
      queue.run(task('a', 3)),
      queue.run(task('b', 0)),
      queue.run(task('c', 1)),
    ]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });

  it('keeps read-modify-write cycles from losing updates', async () => {
    const queue = new SerialQueue();
    let stored = 0;
    const increment = () =>
      queue.run(async () => {
        const read = stored;
        await tick();
        stored = read + 1;
      });
    await Promise.all(Array.from({ length: 10 }, increment));
    expect(stored).toBe(10);
  });

  it('a failing task rejects its own caller and does not stop the next', async () => {
    const queue = new SerialQueue();
    const failing = queue.run(async () => {
      throw new Error('boom');
    });
    const next = queue.run(async () => 'ran');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
  });
});
