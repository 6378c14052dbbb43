// Starts Debian's firefox-esr headless with a fresh profile and Marionette on a free loopback port.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Marionette } from './marionette';

export const FIREFOX =
  process.env.FIREFOX_PATH ??
  (existsSync('/usr/bin/firefox-esr') ? '/usr/bin/firefox-esr' : '/usr/bin/firefox');
export const FIREFOX_BUILD =
  process.env.FIREFOX_BUILD ?? fileURLToPath(new URL('../../dist/firefox', import.meta.url));

/**
 * Keeps Firefox off the network. Every HTTP(S) request, from whatever feature, goes to a proxy on 127.0.0.1:9
 * where nothing listens, so nothing can leave the machine; the rest switches the background services off so
 * they do not even try (and do not slow the start-up).
 */
export const QUIET_PREFS: Record<string, string | number | boolean> = {
  'marionette.port': 0, // any free port, written to <profile>/MarionetteActivePort
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.no_proxies_on': '',
  'network.trr.mode': 5,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.predictor.enabled': false,
  'network.http.speculative-parallel-limit': 0,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'dom.push.connection.enabled': false,
  // Remote Settings (blocklists, experiments, certificates) looks its host up even behind the proxy; release
  // builds honour this only with MOZ_REMOTE_SETTINGS_DEVTOOLS=1 in the environment (set below).
  'services.settings.server': 'http://127.0.0.1:9/v1',
  'app.update.disabledForTesting': true,
  'app.normandy.enabled': false,
  'app.shield.optoutstudies.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.update.enabled': false,
  'browser.region.update.enabled': false,
  'browser.search.update': false,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.blocklist.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'media.gmp-manager.updateEnabled': false,
  'security.OCSP.enabled': 0,
  'security.remote_settings.crlite_filters.enabled': false,
  'security.remote_settings.intermediates.enabled': false,
  'identity.fxaccounts.enabled': false,
  'browser.newtabpage.enabled': false,
  'browser.startup.page': 0,
  'browser.startup.homepage': 'about:blank',
  'browser.aboutwelcome.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
};

export function userJs(prefs: Record<string, string | number | boolean>): string {
  return Object.entries(prefs)
    .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});\n`)
    .join('');
}

export interface RunningFirefox {
  marionette: Marionette;
  /** What Firefox printed, for a failure message. */
  output(): string;
  close(): Promise<void>;
}

/** Starts Firefox and opens a Marionette session; throws with Firefox's output if it does not come up. */
export async function launchFirefox(timeoutMs = 30_000): Promise<RunningFirefox> {
  if (!existsSync(FIREFOX)) {
    throw new Error(`${FIREFOX} is missing: apt-get install firefox-esr, or set FIREFOX_PATH`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'wml-firefox-'));
  writeFileSync(join(profile, 'user.js'), userJs(QUIET_PREFS));
  let output = '';
  // Its own process group, so closing ends the content processes too. -remote-allow-system-access lets
  // Marionette run in the browser's chrome context, where Firefox's view of the add-on can be read.
  const child = spawn(
    FIREFOX,
    ['--headless', '--marionette', '-remote-allow-system-access', '--no-remote', '--profile', profile],
    {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        MOZ_HEADLESS: '1',
        MOZ_CRASHREPORTER_DISABLE: '1',
        MOZ_REMOTE_SETTINGS_DEVTOOLS: '1',
      },
    },
  );
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const close = async () => {
    await stop(child, exited);
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const port = await activePort(profile, child, timeoutMs);
    const marionette = await Marionette.connect(port);
    await marionette.command('WebDriver:NewSession', { capabilities: {} });
    return {
      marionette,
      output: () => output,
      close: async () => {
        marionette.close();
        await close();
      },
    };
  } catch (error) {
    await close();
    throw new Error(`Firefox did not start: ${(error as Error).message}\n${output}`);
  }
}

async function activePort(profile: string, child: ChildProcess, timeoutMs: number): Promise<number> {
  const file = join(profile, 'MarionetteActivePort');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    if (existsSync(file)) {
      const port = Number(readFileSync(file, 'utf8').trim());
      if (port > 0) return port;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no Marionette port after ${timeoutMs} ms`);
}

async function stop(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const group = -child.pid;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(group, name);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
