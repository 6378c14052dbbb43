// `npm run lint:firefox`: Mozilla's add-on linter (`web-ext lint`, the checks addons.mozilla.org runs on upload)
// over dist/firefox. web-ext itself fails only on errors; this fails on warnings too, so the store build
// stays clean.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runIfMain } from '../runIfMain';
import { FIREFOX_DIR } from './package';

export interface LintMessage {
  code: string;
  message: string;
  description?: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

const WEB_EXT = join('node_modules', '.bin', 'web-ext');

/** Runs web-ext lint as the store would see the package (not self-hosted) and returns its JSON report. */
export async function lintFirefox(dir = FIREFOX_DIR): Promise<LintReport> {
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`${dir} has no build: run \`npm run build\``);
  const args = ['lint', '--source-dir', dir, '--output', 'json', '--no-input', '--no-config-discovery'];
  // web-ext exits 1 when there are errors; the report on stdout is what counts either way.
  const { stdout } = await promisify(execFile)(WEB_EXT, args, {
    // No update check against the registry: the lint must not depend on the network.
    env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
    maxBuffer: 16 * 1024 * 1024,
  }).catch((error: { stdout?: string; message: string }) => {
    if (error.stdout?.trim().startsWith('{')) return { stdout: error.stdout };
    throw new Error(`web-ext lint failed to run: ${error.message}`);
  });
  return JSON.parse(stdout) as LintReport;
}

export function formatMessage(kind: string, m: LintMessage): string {
  const where = m.file ? ` ${m.file}${m.line ? `:${m.line}${m.column ? `:${m.column}` : ''}` : ''}` : '';
  return `${kind} ${m.code}${where}: ${m.message}${m.description ? `\n  ${m.description}` : ''}`;
}

async function main(): Promise<void> {
  const report = await lintFirefox();
  for (const m of report.errors) console.error(formatMessage('error', m));
  for (const m of report.warnings) console.error(formatMessage('warning', m));
  for (const m of report.notices) console.log(formatMessage('notice', m));
  const { errors, warnings, notices } = report.summary;
  console.log(`web-ext lint ${FIREFOX_DIR}: ${errors} errors, ${warnings} warnings, ${notices} notices`);
  if (errors > 0 || warnings > 0) process.exit(1);
}

runIfMain(import.meta.url, main);
