// `npm run test:live:emulator`: the live suite against the emulator started as if it were a remote server —
// a separate process on a loopback address of its own, reached only through the LIVE_* variables — so the
// live path itself is tested on every `npm test`.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { DEMO_TOKEN, ROOT_TOKEN } from '../test/emulator/fixture';
import { ROOT } from '../test/live/paths';
import { runLive } from '../test/live/runner';

const ADDRESS = '127.0.0.48';

const emulator = spawn(process.execPath, ['--import', 'tsx', 'test/emulator/cli.ts', '--address', ADDRESS], {
  cwd: ROOT,
  stdio: ['ignore', 'pipe', 'inherit'],
});
const exited = new Promise<void>((resolve) => emulator.once('exit', () => resolve()));

let code = 1;
try {
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: emulator.stdout }).once('line', resolve);
    emulator.once('exit', (status) => reject(new Error(`the emulator exited early (${status})`)));
  });
  const info = JSON.parse(line) as { address: string; spki: string };
  console.log(
    `Emulator as a remote server: pid ${emulator.pid}, https://${info.address}:2083 / :2087 / :2096`,
  );
  // Only these variables reach the run: a LIVE_* setting for a real server must not leak into it.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('LIVE_')));
  code = await runLive(
    {
      ...env,
      LIVE_CPANEL_HOST: info.address,
      LIVE_CPANEL_USER: 'demo',
      LIVE_CPANEL_TOKEN: DEMO_TOKEN,
      LIVE_MAILBOX: 'info@example.com',
      LIVE_WHM_HOST: info.address,
      LIVE_WHM_USER: 'root',
      LIVE_WHM_TOKEN: ROOT_TOKEN,
      LIVE_WHM_CPANEL_USER: 'demo',
      LIVE_TRUST_SPKI: info.spki,
      LIVE_SCREENSHOT_DIR: 'artifacts/live-emulator',
    },
    { report: 'artifacts/test-results/live-emulator.json', label: 'Live (emulator as remote)' },
  );
} catch (error) {
  console.error(`Live (emulator as remote): ${error instanceof Error ? error.message : String(error)}`);
} finally {
  // The node process itself (spawned directly, no npx in between), so the signal reaches the server.
  if (emulator.exitCode === null) emulator.kill('SIGTERM');
  await exited;
}
process.exit(code);
