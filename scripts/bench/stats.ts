// Summaries of timing samples. Percentiles interpolate linearly between the two nearest ranks (the
// usual "type 7"), so p50 of an even count is the mean of the middle two.

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('no samples');
  if (!(p >= 0 && p <= 100)) throw new Error(`percentile ${p} is outside 0..100`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const a = sorted[low] as number;
  const b = sorted[high] as number;
  return a + (b - a) * (rank - low);
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
}

export function summarize(values: readonly number[]): Summary {
  return {
    n: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

/** The ratio of medians, the figure the targets compare ("A takes 1.3× as long as B"). */
export function ratioOfMedians(a: readonly number[], b: readonly number[]): number {
  const floor = percentile(b, 50);
  if (floor <= 0) throw new Error('the baseline median is not positive');
  return percentile(a, 50) / floor;
}
