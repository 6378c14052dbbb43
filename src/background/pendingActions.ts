import type { Openers } from '../core/openers';
import type { KeyValueStore } from '../core/ports';
import { STORAGE_KEYS } from '../rules';

/** A trigger that met a locked vault, to carry out once the user unlocks. */
export type PendingAction =
  | { kind: 'address'; email: string }
  | { kind: 'compose'; to: string }
  | { kind: 'default' };

const KEY = STORAGE_KEYS.pendingAction;
/** Older than this, a remembered click is stale: the user has moved on. */
const MAX_AGE_MS = 5 * 60_000;

/** Remembers at most one action, in memory-only session storage, and replays it after an unlock. */
export class PendingActions {
  constructor(
    private readonly session: KeyValueStore,
    private readonly run: (action: PendingAction) => Promise<unknown>,
    private readonly now: () => number = Date.now,
  ) {}

  remember(action: PendingAction): Promise<void> {
    return this.session.set(KEY, { action, at: this.now() });
  }

  /** Carries out the remembered action, if any and fresh; true when one ran. */
  async replay(): Promise<boolean> {
    const stored = await this.session.get<{ action: PendingAction; at: number }>(KEY);
    await this.session.remove(KEY);
    if (!stored || this.now() - stored.at > MAX_AGE_MS) return false;
    await this.run(stored.action);
    return true;
  }
}

export function runPendingAction(openers: Openers, openDefault: () => Promise<unknown>) {
  return (action: PendingAction) => {
    if (action.kind === 'compose') return openers.compose({ to: action.to });
    return action.kind === 'address' ? openers.openForAddress(action.email) : openDefault();
  };
}
