import { describe, expect, it, vi } from 'vitest';

// One component instance without a DOM: each hook slot keeps its state between calls of the hook.
const slots: unknown[] = [];
let cursor = 0;
vi.mock('preact/hooks', () => ({
  useState: <T>(initial: T) => {
    const index = cursor++;
    if (!(index in slots)) slots[index] = initial;
    return [slots[index], (next: T) => (slots[index] = next)];
  },
  useRef: <T>(initial: T) => {
    const index = cursor++;
    if (!(index in slots)) slots[index] = { current: initial };
    return slots[index];
  },
  useCallback: <T>(callback: T) => {
    const index = cursor++;
    if (!(index in slots)) slots[index] = callback;
    return slots[index];
  },
}));
const { useAction } = await import('../../../src/ui/useAction');

function render() {
  cursor = 0;
  return useAction();
}

describe('useAction', () => {
  it('is busy while the task runs and gives back its result', async () => {
    slots.length = 0;
    let finish: (value: string) => void = () => {};
    const pending = render().run(() => new Promise<string>((resolve) => (finish = resolve)));
    expect(render().busy).toBe(true);
    finish('done');
    expect(await pending).toBe('done');
    expect(render()).toMatchObject({ busy: false, error: null });
  });

  it('keeps the failure, resolves to undefined, and clears it on the next run', async () => {
    slots.length = 0;
    const failure = new Error('refused');
    expect(await render().run(() => Promise.reject(failure))).toBeUndefined();
    expect(render()).toMatchObject({ busy: false, error: failure });
    await render().run(async () => 1);
    expect(render().error).toBeNull();
  });

  it('does not start a second run while one is under way', async () => {
    slots.length = 0;
    let finish: () => void = () => {};
    const first = render().run(() => new Promise<void>((resolve) => (finish = resolve)));
    const second = vi.fn(async () => 2);
    expect(await render().run(second)).toBeUndefined();
    expect(second).not.toHaveBeenCalled();
    finish();
    await first;
    expect(await render().run(second)).toBe(2);
  });
});
