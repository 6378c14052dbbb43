// A minimal client for Marionette, the remote protocol built into every Firefox: JSON messages over TCP, each
// framed as `<byte length>:<json>`. Debian ships no geckodriver and Playwright's Firefox is a patched build, so
// talking to stock firefox-esr directly is the dependable way in.
import { connect, type Socket } from 'node:net';

export class MarionetteError extends Error {
  constructor(
    readonly command: string,
    readonly error: string,
    message: string,
  ) {
    super(`${command}: ${error}: ${message}`);
  }
}

type Pending = { command: string; resolve: (value: unknown) => void; reject: (error: Error) => void };

export class Marionette {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private greeted: Promise<void>;

  private constructor(private readonly socket: Socket) {
    let greet: () => void = () => undefined;
    this.greeted = new Promise((resolve) => {
      greet = resolve;
    });
    socket.on('data', (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (let message = this.take(); message !== undefined; message = this.take()) {
        if (Array.isArray(message)) this.settle(message);
        else greet(); // the first message: {"applicationType":"gecko","marionetteProtocol":3}
      }
    });
    socket.on('close', () => this.failAll(new Error('Marionette connection closed')));
    socket.on('error', (error) => this.failAll(error));
  }

  static async connect(port: number, host = '127.0.0.1'): Promise<Marionette> {
    const socket = connect({ port, host });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const client = new Marionette(socket);
    await client.greeted;
    return client;
  }

  /** Sends one command and resolves with its result, or rejects with the error Firefox reported. */
  command<T = unknown>(name: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    const body = Buffer.from(JSON.stringify([0, id, name, params]), 'utf8');
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { command: name, resolve: resolve as (value: unknown) => void, reject });
      this.socket.write(Buffer.concat([Buffer.from(`${body.length}:`), body]));
    });
  }

  /** Runs `body` (a function body; `arguments` holds `args`) in the current context and returns its value. */
  async execute<T>(body: string, args: unknown[] = []): Promise<T> {
    return (await this.command<{ value: T }>('WebDriver:ExecuteScript', { script: body, args })).value;
  }

  close(): void {
    this.socket.destroy();
  }

  private take(): unknown {
    const colon = this.buffer.indexOf(':');
    if (colon < 0) return undefined;
    const length = Number(this.buffer.subarray(0, colon).toString('ascii'));
    if (this.buffer.length < colon + 1 + length) return undefined;
    const json = this.buffer.subarray(colon + 1, colon + 1 + length).toString('utf8');
    this.buffer = this.buffer.subarray(colon + 1 + length);
    return JSON.parse(json);
  }

  private settle([, id, error, result]: unknown[]): void {
    const pending = this.pending.get(id as number);
    if (!pending) return;
    this.pending.delete(id as number);
    if (error) {
      const { error: code, message } = error as { error: string; message: string };
      pending.reject(new MarionetteError(pending.command, code, message));
    } else {
      pending.resolve(result);
    }
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
