// The benchmark's table: one row per metric with its p50, p95, target and verdict. Verdicts judge the
// median (p50): a target is what a typical run must meet; p95 is shown to expose the spread.
import type { Summary } from './stats';

export type Unit = 'ms' | 'ratio' | 'bytes' | 'count';

export interface Row {
  metric: string;
  unit: Unit;
  /** Absent for sizes and ratios, which are single figures. */
  summary?: Summary;
  /** The single figure of a ratio or size; for timings, the median. */
  value: number;
  /** At most this much; absent for reference rows that only give context. */
  target?: number;
}

export type Verdict = 'pass' | 'FAIL' | '';

export function verdict(row: Row): Verdict {
  if (row.target === undefined) return '';
  return row.value <= row.target ? 'pass' : 'FAIL';
}

export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case 'ms':
      return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
    case 'ratio':
      return `${value.toFixed(2)}×`;
    case 'bytes':
      return `${(value / 1000).toFixed(2)} KB`;
    case 'count':
      return String(value);
  }
}

/** The table's cells: metric, p50, p95, target, verdict. */
export function cells(row: Row): string[] {
  const p50 = formatValue(row.summary?.p50 ?? row.value, row.unit);
  const p95 = row.summary ? formatValue(row.summary.p95, row.unit) : '–';
  const target = row.target === undefined ? '–' : `≤ ${formatValue(row.target, row.unit)}`;
  const label = row.summary ? `${row.metric} (n=${row.summary.n})` : row.metric;
  return [label, p50, p95, target, verdict(row) || '–'];
}

const HEADER = ['metric', 'p50', 'p95', 'target', 'verdict'];

/** Plain text for the terminal, columns padded. */
export function textTable(rows: Row[]): string {
  const body = rows.map(cells);
  const widths = HEADER.map((title, i) =>
    Math.max(title.length, ...body.map((cell) => (cell[i] ?? '').length)),
  );
  const line = (cell: string[]) =>
    cell
      .map((text, i) => (i === 0 ? text.padEnd(widths[i] ?? 0) : text.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(HEADER), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)].join('\n');
}

/** The same table in Markdown, for the README. */
export function markdownTable(rows: Row[]): string {
  const line = (cell: string[]) => `| ${cell.join(' | ')} |`;
  return [line(HEADER), '|---|--:|--:|--:|:-:|', ...rows.map((row) => line(cells(row)))].join('\n');
}
