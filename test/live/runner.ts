// The live run: check the LIVE_* variables, build the extension granted those hosts only, run the live
// suite with every output masked, and end with one line saying what ran.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import { type Env, type LiveConfig, liveHosts, readLiveEnv, secretsOf, usage } from './env';
import { SecretMasker } from './mask';
import { ROOT } from './paths';

export interface RunOptions {
  /** The vitest JSON report, relative to the project root. */
  report: string;
  /** How the closing line starts, e.g. `Live`. */
  label: string;
}

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');
const VITEST = join(ROOT, 'node_modules/vitest/vitest.mjs');

/** Runs the live suite for `env` and returns the exit code: 0 only if tests ran and none failed. */
export async function runLive(env: Env, options: RunOptions): Promise<number> {
  const reading = readLiveEnv(env);
  if (reading.kind === 'none') {
    console.log(usage());
    console.log('\nNothing ran: no server is named. Set the variables above to test one.');
    return 0;
  }
  if (reading.kind === 'invalid') {
    for (const error of reading.errors) console.error(`  ${error}`);
    console.error('Nothing ran: fix the variables above (`npm run test:live` with none set lists them all).');
    return 1;
  }
  const { config } = reading;
  console.log(describeTargets(config));

  // The build needs no secret: it gets the environment without the tokens.
  const buildEnv = { ...withoutLive(env), LIVE_HOSTS: liveHosts(config).join(',') };
  const built = await run(
    [VITE, 'build', '-c', 'test/live/vite.live.config.ts', '--logLevel', 'warn'],
    buildEnv,
    null,
  );
  if (built !== 0) {
    console.error(`${options.label}: the live build failed; nothing ran.`);
    return 1;
  }

  const masker = new SecretMasker(secretsOf(config));
  const report = join(ROOT, options.report);
  rmSync(report, { force: true });
  mkdirSync(dirname(report), { recursive: true });
  const code = await run(
    [
      VITEST,
      'run',
      '--config',
      'test/live/vitest.live.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${options.report}`,
    ],
    // No colours: an escape code inside a token would hide it from the masker.
    { ...env, FORCE_COLOR: '0', NO_COLOR: '1' },
    masker,
  );
  return summarize(report, code, masker, options.label);
}

function summarize(report: string, code: number, masker: SecretMasker, label: string): number {
  if (!existsSync(report)) {
    console.error(`${label}: no test report (vitest exited with ${code}); nothing is known to have passed.`);
    return 1;
  }
  // The report holds failure messages: mask it like the console before it stays on disk.
  const text = masker.mask(readFileSync(report, 'utf8'));
  writeFileSync(report, text);
  const result = JSON.parse(text) as VitestReport;
  const skipped = result.numPendingTests + result.numTodoTests;
  console.log(
    `${label}: ${result.numPassedTests} passed, ${result.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`,
  );
  if (masker.hits > 0) {
    console.error(
      `${label}: a token reached the output ${masker.hits} time(s) (masked above); that is a bug.`,
    );
    return 1;
  }
  return code !== 0 || result.numFailedTests > 0 || result.numPassedTests === 0 ? 1 : 0;
}

function describeTargets(config: LiveConfig): string {
  const lines = ['Live run (tokens are never printed):'];
  const { cpanel, whm } = config;
  lines.push(
    cpanel
      ? `  cPanel  ${cpanel.user}@${cpanel.host}:${cpanel.port}, mailbox ${cpanel.mailbox}`
      : '  cPanel  not named (LIVE_CPANEL_*): skipped',
  );
  lines.push(
    whm
      ? `  WHM     ${whm.user}@${whm.host}:${whm.port}, cPanel user ${whm.cpanelUser}, mailbox ${whm.webmailUser}`
      : '  WHM     not named (LIVE_WHM_*): skipped',
  );
  lines.push(`  host access granted to: ${liveHosts(config).join(', ')}`);
  return lines.join('\n');
}

function withoutLive(env: Env): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('LIVE_')));
}

/** Runs `node ARGS` in the project root; with a masker, its output passes through it. */
function run(args: string[], env: Env, masker: SecretMasker | null): Promise<number> {
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: env as NodeJS.ProcessEnv,
    stdio: ['ignore', masker ? 'pipe' : 'inherit', masker ? 'pipe' : 'inherit'],
  });
  const outputs: Promise<void>[] = [];
  if (masker) {
    for (const [from, to] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ] as const) {
      const filter = from?.pipe(masker.stream());
      filter?.pipe(to, { end: false });
      if (filter) outputs.push(finished(filter).catch(() => undefined));
    }
  }
  const exited = new Promise<number>((resolve) => {
    child.on('error', () => resolve(1));
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
  // Resolve once the masked output is fully written, so the closing line comes last.
  return Promise.all([exited, ...outputs]).then(([code]) => code);
}
