// Axis arithmetic for the dashboard's server-drawn SVG charts: round tick
// steps (1, 2, 5 × 10ⁿ) so axis values read like a person would write them.
// No charting library: a handful of lines, nothing loaded in the browser.

/** The axis top and its ticks (whole numbers from 0) for counts up to `max`. */
export function countScale(max: number, wantedTicks = 4): { top: number; ticks: number[] } {
  if (max <= 0) return { top: 1, ticks: [0, 1] };
  const raw = max / wantedTicks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, ([1, 2, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude);
  const top = Math.ceil(max / step) * step;
  return { top, ticks: Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step) };
}

/** Every how-many-th label fits when `count` labels share `width` units and each needs `each`. */
export function labelEvery(count: number, width: number, each: number): number {
  return Math.max(1, Math.ceil(count / Math.max(1, Math.floor(width / each))));
}

/** A label shortened for a chart (the table beside it has it in full). */
export function shortLabel(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}
