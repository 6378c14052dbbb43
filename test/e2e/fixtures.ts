import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import {
  type EmulatorOptions,
  type ExtraListener,
  type ListenerOptions,
  type RunningEmulator,
  startEmulator,
} from '../emulator';
import { type ExtensionBrowser, type LaunchOptions, launchWithExtension } from './browser';
import { type AccountFields, addVerifiedAccount } from './flows';

/** Browser settings a file may choose; the profile and the trusted certificate are the fixture's. */
export type BrowserOptions = Omit<LaunchOptions, 'trustSpki' | 'profileDir'>;

export interface E2eOptions {
  /** The file's own loopback address, one of EMULATOR_HOSTS. */
  host: string;
  /** How the emulator behaves (its fixture data, clock, public IP …); it always binds `host`. */
  emulator?: Omit<EmulatorOptions, 'address'>;
  /** More addresses the same emulator answers on, opened before the browser starts. */
  listeners?: ReadonlyArray<ListenerOptions & { address: string }>;
  browser?: BrowserOptions;
  /** Accounts saved through the options page, each one verified, before the file's tests run. */
  accounts?: readonly AccountFields[];
  /** Runs once the browser is up, before `accounts` are saved: to watch or record from the start. */
  beforeAccounts?: (browser: ExtensionBrowser) => void | Promise<void>;
  /** Time the whole setup may take (hookTimeout otherwise). */
  timeout?: number;
}

/** What a file's tests use; read its fields inside hooks and tests, never at load time. */
export interface E2eEnv {
  readonly emulator: RunningEmulator;
  readonly browser: ExtensionBrowser;
  /** The extra listener opened on `address` (one of `listeners`). */
  listener(address: string): ExtraListener;
  /**
   * Closes the browser (if it is still open) and starts it again on the same profile, as after a
   * restart; `options` replaces the launch settings from then on.
   */
  relaunch(options?: BrowserOptions): Promise<ExtensionBrowser>;
}

/**
 * Starts the emulator on `host` and Chromium trusting its certificate before the file's tests (saving
 * `accounts` first), and closes both after them. The profile lives until then, so `relaunch` keeps it.
 * Call it at the top of the file: hooks the file registers later run after this setup and before its close.
 */
export function useEmulatorAndBrowser(options: E2eOptions): E2eEnv {
  let emulator: RunningEmulator | undefined;
  let browser: ExtensionBrowser | undefined;
  let browserOptions: BrowserOptions = options.browser ?? {};
  let profileDir: string | undefined;
  const listeners = new Map<string, ExtraListener>();

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the ${what} is not started: use it inside a hook or a test`);
    return value;
  };
  const launch = async (): Promise<ExtensionBrowser> => {
    browser = await launchWithExtension({
      ...browserOptions,
      trustSpki: [started(emulator, 'emulator').spki],
      profileDir: started(profileDir, 'profile'),
    });
    return browser;
  };

  beforeAll(async () => {
    profileDir = mkdtempSync(join(tmpdir(), 'wml-e2e-'));
    emulator = await startEmulator({ ...options.emulator, address: options.host });
    for (const { address, ...listener } of options.listeners ?? []) {
      listeners.set(address, await emulator.addListener(address, listener));
    }
    const opened = await launch();
    await options.beforeAccounts?.(opened);
    for (const account of options.accounts ?? []) await addVerifiedAccount(opened, account);
  }, options.timeout);

  afterAll(async () => {
    await browser?.close();
    await emulator?.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  });

  return {
    get emulator() {
      return started(emulator, 'emulator');
    },
    get browser() {
      return started(browser, 'browser');
    },
    listener(address) {
      return started(listeners.get(address), `listener on ${address}`);
    },
    async relaunch(next) {
      if (next) browserOptions = next;
      await browser?.close();
      return launch();
    },
  };
}
