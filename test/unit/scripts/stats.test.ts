import { describe, expect, it } from 'vitest';
import { cells, markdownTable, type Row, textTable, verdict } from '../../../scripts/bench/report';
import { percentile, ratioOfMedians, summarize } from '../../../scripts/bench/stats';

describe('percentile', () => {
  it('interpolates between the nearest ranks', () => {
    expect(percentile([3, 1, 2], 50)).toBe(2);
    expect(percentile([4, 1, 3, 2], 50)).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 95)).toBe(10.5);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([1, 2], 0)).toBe(1);
    expect(percentile([1, 2], 100)).toBe(2);
  });

  it('refuses no samples and a percentile outside 0..100', () => {
    expect(() => percentile([], 50)).toThrow(/no samples/);
    expect(() => percentile([1], 101)).toThrow(/outside/);
  });

  it('does not reorder the caller’s samples', () => {
    const samples = [3, 1, 2];
    percentile(samples, 50);
    expect(samples).toEqual([3, 1, 2]);
  });
});

describe('summarize and ratioOfMedians', () => {
  it('gives count, median, p95 and range', () => {
    expect(summarize([5, 1, 4, 2, 3])).toEqual({ n: 5, p50: 3, p95: 4.8, min: 1, max: 5 });
  });

  it('divides the medians', () => {
    expect(ratioOfMedians([110, 120, 130], [90, 100, 500])).toBeCloseTo(1.2);
    expect(() => ratioOfMedians([1], [0])).toThrow(/not positive/);
  });
});

describe('report', () => {
  const timed: Row = {
    metric: 'worker cold start',
    unit: 'ms',
    summary: summarize([30, 40, 50]),
    value: 40,
    target: 50,
  };

  it('judges the median against the target, inclusive', () => {
    expect(verdict(timed)).toBe('pass');
    expect(verdict({ ...timed, value: 50 })).toBe('pass');
    expect(verdict({ ...timed, value: 50.1 })).toBe('FAIL');
    expect(verdict({ ...timed, target: undefined })).toBe('');
  });

  it('formats each unit', () => {
    expect(cells(timed)).toEqual(['worker cold start (n=3)', '40.0 ms', '49.0 ms', '≤ 50.0 ms', 'pass']);
    expect(cells({ metric: 'ratio', unit: 'ratio', value: 1.234, target: 1.1 })).toEqual([
      'ratio',
      '1.23×',
      '–',
      '≤ 1.10×',
      'FAIL',
    ]);
    expect(cells({ metric: 'zip', unit: 'bytes', value: 33_827, target: 150_000 })).toEqual([
      'zip',
      '33.83 KB',
      '–',
      '≤ 150.00 KB',
      'pass',
    ]);
    expect(cells({ metric: 'fast', unit: 'ms', value: 6.5 })[1]).toBe('6.50 ms');
  });

  it('lays out the same cells as text and Markdown', () => {
    const rows: Row[] = [timed, { metric: 'zip', unit: 'bytes', value: 33_827, target: 150_000 }];
    const text = textTable(rows).split('\n');
    expect(text[0]).toMatch(/^metric\s+p50\s+p95\s+target\s+verdict$/);
    expect(text).toHaveLength(4);
    expect(markdownTable(rows).split('\n')).toEqual([
      '| metric | p50 | p95 | target | verdict |',
      '|---|--:|--:|--:|:-:|',
      '| worker cold start (n=3) | 40.0 ms | 49.0 ms | ≤ 50.0 ms | pass |',
      '| zip | 33.83 KB | – | ≤ 150.00 KB | pass |',
    ]);
  });
});
