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
  /** Milliseconds every recorded request waits before it is answered (a far server's think time). */
  latency: { ms: number };
  /** Requests being answered now, and the most at once since the last reset. */
  load: RequestLoad;
}

export class RequestLoad {
  inFlight = 0;
  maxInFlight = 0;
  enter(): void {
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
  }
  leave(): void {
    this.inFlight -= 1;
  }
  /** Starts counting the most at once afresh (from what is in flight now). */
  reset(): void {
    this.maxInFlight = this.inFlight;
  }
}
