// What every route handler needs to know about the running emulator.
import type { Directory } from './directory';
import type { SessionStore } from './sessions';

export interface EmulatorContext {
  directory: Directory;
  sessions: SessionStore;
  /** `hostname` of the UAPI Session functions (null: "not remote"). */
  hostname: string | null;
  /** Host of WHM `url` returns when no preferred_domain is given. */
  publicHost: string;
  /** The installed locales UAPI Session calls accept. */
  locales: ReadonlySet<string>;
  /** The public IP WHM puts into `data.url` when its hostname does not resolve to it; null: it does. */
  publicIp: string | null;
  now: () => number;
  /** Server think time added to every session-creating call (see EmulatorOptions.sessionThinkMs). */
  sessionThinkMs: number;
}
