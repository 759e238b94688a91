// SPDX-License-Identifier: MIT
/**
 * Charts from lesson code, with one call that works everywhere:
 * - in the page, the runner answers this import with its own version
 *   (src/runner/page-modules.ts), which draws the chart under the output
 *   and redraws it live when you call `update`;
 * - under Node (tests, the command line) it prints a short text summary.
 *
 *   const chart = plot({ title: 'Loss', xLabel: 'epoch', yLabel: 'loss',
 *                        series: [{ name: 'loss', x: [], y: [] }] });
 *   chart.update({ series: [{ name: 'loss', x: epochs, y: losses }] });
 */

export type Series = {
  name: string;
  /** x values; same length as y. */
  x: number[];
  y: number[];
  /**
   * 'line' joins the points in order; 'scatter' draws them as dots. Default
   * 'line'.
   */
  kind?: 'line' | 'scatter';
  /** Dot size for scatter series, in pixels (default 3). */
  size?: number;
};

export type ChartSpec = {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  /** Fix the y axis range, e.g. [0, 1] for accuracy. */
  yRange?: [number, number];
};

export type ChartHandle = {
  /** Replace the chart's series (or any other part of it) and redraw. */
  update(changes: Partial<ChartSpec>): void;
};

/** Throws if a series has more x than y values (or fewer). */
export function checkChart(spec: ChartSpec): void {
  for (const s of spec.series) {
    if (s.x.length !== s.y.length) {
      throw new Error(
        `plot: series "${s.name}" needs as many x as y values, ` +
          `got ${s.x.length} and ${s.y.length}`,
      );
    }
  }
}

function range(values: number[]): string {
  if (values.length === 0) return 'empty';
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const f = (v: number) =>
    Math.abs(v) >= 1000 || (Math.abs(v) < 0.01 && v !== 0)
      ? v.toExponential(2)
      : String(Number(v.toFixed(3)));
  return `${f(min)} to ${f(max)}`;
}

/** A text version of a chart, printed under Node. */
export function describeChart(spec: ChartSpec): string {
  const lines = [
    `[chart] ${spec.title} (${spec.yLabel} against ${spec.xLabel})`,
  ];
  for (const s of spec.series) {
    const last = s.y.length
      ? `, last ${Number(s.y[s.y.length - 1].toFixed(4))}`
      : '';
    if (s.y.length === 0) lines.push(`  ${s.name}: no points yet`);
    else
      lines.push(
        `  ${s.name}: ${s.y.length} points, ${spec.xLabel} ${range(s.x)}, ` +
          `${spec.yLabel} ${range(s.y)}${last}`,
      );
  }
  return lines.join('\n');
}

/** Under Node: print the chart's summary now; updates stay quiet. */
export function plot(spec: ChartSpec): ChartHandle {
  checkChart(spec);
  let current: ChartSpec = { ...spec };
  console.log(describeChart(current));
  return {
    update(changes) {
      current = { ...current, ...changes };
      checkChart(current);
    },
  };
}
