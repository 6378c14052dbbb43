// A bare Chrome DevTools Protocol client over --remote-debugging-pipe. The timed runs use it instead of
// Playwright because Playwright auto-attaches to every new tab and service worker with
// waitForDebuggerOnStart and holds each one until its own set-up round trips are done: tens of ms inside
// exactly the intervals measured (a new Webmail tab, a waking worker). Here nothing is attached unless asked.
import { type ChildProcess, spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

type Params = Record<string, unknown>;
type Listener = (params: Params, sessionId: string | undefined) => void;

interface Pending {
  resolve: (value: Params) => void;
  reject: (error: Error) => void;
  method: string;
}

export class Cdp {
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();
  readonly #listeners = new Map<string, Set<Listener>>();
  #buffer = '';
  /** Why the browser is gone, once it is. */
  #exited: string | undefined;

  private constructor(
    private readonly child: ChildProcess,
    private readonly input: Writable,
    output: Readable,
  ) {
    // A dead browser shows up as exit or error of the process below; the pipes only echo it.
    input.on('error', () => undefined);
    output.on('error', () => undefined);
    output.setEncoding('utf8');
    output.on('data', (chunk: string) => this.#receive(chunk));
    const end = (reason: string) => {
      this.#exited = reason;
      for (const pending of this.#pending.values())
        pending.reject(new Error(`${reason} (${pending.method})`));
      this.#pending.clear();
    };
    child.on('exit', (code, signal) => end(`Chromium exited (${signal ?? code})`));
    // E.g. no such file: set CHROMIUM_PATH.
    child.on('error', (error) => end(`Chromium did not start: ${error.message}`));
  }

  /** Starts `executable` with `args` plus the pipe flag; messages go over fds 3 (to) and 4 (from). */
  static launch(executable: string, args: string[]): Cdp {
    const child = spawn(executable, [...args, '--remote-debugging-pipe'], {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
    });
    return new Cdp(child, child.stdio[3] as Writable, child.stdio[4] as Readable);
  }

  send<T = Params>(method: string, params: Params = {}, sessionId?: string): Promise<T> {
    if (this.#exited) return Promise.reject(new Error(`${this.#exited} (${method})`));
    const id = this.#nextId++;
    const message = sessionId ? { id, method, params, sessionId } : { id, method, params };
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: Params) => void, reject, method });
      this.input.write(`${JSON.stringify(message)}\0`);
    });
  }

  on(method: string, listener: Listener): () => void {
    let set = this.#listeners.get(method);
    if (!set) {
      set = new Set();
      this.#listeners.set(method, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  /** The next `method` event whose params satisfy `match`. */
  waitFor(
    method: string,
    match: (params: Params, sessionId: string | undefined) => boolean,
    timeoutMs: number,
  ): Promise<Params> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`no ${method} within ${timeoutMs} ms`));
      }, timeoutMs);
      const off = this.on(method, (params, sessionId) => {
        if (!match(params, sessionId)) return;
        clearTimeout(timer);
        off();
        resolve(params);
      });
    });
  }

  async close(): Promise<void> {
    if (this.#exited) return;
    const exited = new Promise((done) => this.child.once('exit', done));
    this.send('Browser.close').catch(() => undefined);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }

  #receive(chunk: string): void {
    this.#buffer += chunk;
    let end = this.#buffer.indexOf('\0');
    while (end >= 0) {
      const text = this.#buffer.slice(0, end);
      this.#buffer = this.#buffer.slice(end + 1);
      end = this.#buffer.indexOf('\0');
      const message = JSON.parse(text) as {
        id?: number;
        method?: string;
        params?: Params;
        result?: Params;
        error?: { message: string };
        sessionId?: string;
      };
      if (message.id !== undefined) {
        const pending = this.#pending.get(message.id);
        this.#pending.delete(message.id);
        if (!pending) continue;
        if (message.error) pending.reject(new Error(`${pending.method}: ${message.error.message}`));
        else pending.resolve(message.result ?? {});
      } else if (message.method) {
        for (const listener of this.#listeners.get(message.method) ?? []) {
          listener(message.params ?? {}, message.sessionId);
        }
      }
    }
  }
}
