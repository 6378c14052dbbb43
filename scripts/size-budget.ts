// `npm run size` (part of `npm test`, after `npm run build`): the gzipped JS of the popup and the worker and
// the store zip against their budgets. Sizes are deterministic, so unlike timings they can fail a build.
import { measureEntryPoints, SIZE_BUDGETS, type SizeResult, withinBudget } from './bench/sizes';
import { packTarget, TARGETS } from './package';
import { runIfMain } from './runIfMain';

const LABELS = {
  popup: 'popup JS (gzip)',
  worker: 'worker JS (gzip)',
  zip: 'store zip',
} as const;

/** Every size of the store build: its entry points and the zip `npm run package` writes (same bytes). */
export function measureStoreBuild(root = '.'): SizeResult[] {
  const chrome = TARGETS[0];
  if (!chrome) throw new Error('no package target');
  const archive = packTarget(chrome, root);
  return [
    ...measureEntryPoints(`${root}/${chrome.dir}`),
    { name: 'zip', bytes: archive.bytes.length, budget: SIZE_BUDGETS.zip, files: [archive.file] },
  ];
}

const bytes = (count: number) => `${count.toLocaleString('en-US')} B`;

export function sizeTable(results: SizeResult[]): string {
  const rows = results.map((result) => [
    LABELS[result.name],
    bytes(result.bytes),
    `≤ ${bytes(result.budget)}`,
    withinBudget(result) ? 'ok' : `OVER BUDGET by ${bytes(result.bytes - result.budget)}`,
  ]);
  const header = ['size', 'bytes', 'budget', 'verdict'];
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function main(): void {
  const results = measureStoreBuild();
  console.log(sizeTable(results));
  for (const result of results.filter((r) => r.name !== 'zip')) {
    console.log(`  ${LABELS[result.name]}: ${result.files.join(', ')}`);
  }
  const over = results.filter((result) => !withinBudget(result));
  if (over.length > 0) {
    console.error(`Over budget: ${over.map((result) => LABELS[result.name]).join(', ')}`);
    process.exit(1);
  }
}

runIfMain(import.meta.url, main);
