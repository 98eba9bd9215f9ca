/** Median, min and max of repeated measurements, and how they are written in the tables. */

export interface Spread {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function spread(values: number[]): Spread | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, min: s[0]!, max: s[s.length - 1]!, n: s.length };
}

/** "12.3" for small values, "1,234" for large: three significant digits are all the noise allows. */
export function num(v: number): string {
  if (!Number.isFinite(v)) return '–';
  // Counts (marks, entities) stay whole numbers.
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  if (Math.abs(v) >= 100) return Math.round(v).toLocaleString('en-US');
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

/** "12.3 (11.0–14.2)": median with min and max. */
export function fmt(s: Spread | null, unit = ''): string {
  if (!s) return '–';
  if (s.n === 1) return `${num(s.median)}${unit} (1 run)`;
  return `${num(s.median)}${unit} (${num(s.min)}–${num(s.max)})`;
}

export function ratio(a: Spread | null, b: Spread | null): string {
  if (!a || !b || b.median === 0) return '–';
  const r = a.median / b.median;
  // Two significant digits below 0.1: "0.0064×" says more than "0.01×".
  return r >= 10 ? `${Math.round(r)}×` : r >= 0.1 ? `${r.toFixed(2)}×` : `${r.toPrecision(2)}×`;
}
