/**
 * A line or scatter chart (several series, axis labels, legend) drawn with Chart.js, loaded the
 * first time a chart appears. Used by the code runner (charts from `plot()` in lesson code) and by
 * the federated-learning playground. A text summary under the canvas serves screen readers and
 * anyone who wants the numbers. Follows the site's light/dark mode.
 */
import React, { useEffect, useRef } from 'react';
import { useColorMode } from '@docusaurus/theme-common';
import { translate } from '@docusaurus/Translate';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import type { Chart as ChartType } from 'chart.js';
import { describeChart, type ChartSpec } from '@site/code/shared/plot';
import styles from './styles.module.css';

const PALETTE = {
  light: ['#0969da', '#bc4c00', '#1a7f37', '#8250df', '#cf222e', '#4d2d00'],
  dark: ['#58a6ff', '#f0883e', '#3fb950', '#bc8cff', '#ff7b72', '#e3b341'],
};

let chartModule: Promise<typeof import('chart.js')> | undefined;
function loadChartJs() {
  chartModule ??= import('chart.js').then((m) => {
    m.Chart.register(m.LineController, m.ScatterController, m.LineElement, m.PointElement, m.LinearScale, m.Legend, m.Title, m.Tooltip);
    return m;
  });
  return chartModule;
}

function datasets(spec: ChartSpec, mode: 'light' | 'dark') {
  return spec.series.map((s, i) => {
    const colour = PALETTE[mode][i % PALETTE[mode].length];
    const scatter = s.kind === 'scatter';
    return {
      type: scatter ? ('scatter' as const) : ('line' as const),
      label: s.name,
      data: s.x.map((x, k) => ({ x, y: s.y[k] })),
      borderColor: colour,
      backgroundColor: scatter ? `${colour}aa` : colour,
      pointRadius: scatter ? (s.size ?? 3) : 0,
      borderWidth: scatter ? 0 : 2,
      showLine: !scatter,
      tension: 0,
    };
  });
}

/**
 * The text under the chart: describeChart's (code/shared/plot.ts, what Node prints) in English,
 * the same lines in the page's words and number format in another language.
 */
function summary(spec: ChartSpec, locale: string, lang: string): string {
  if (locale === 'en') return describeChart(spec).replace('[chart] ', '');
  const number = (v: number) =>
    Math.abs(v) >= 1000 || (Math.abs(v) < 0.01 && v !== 0)
      ? v.toExponential(2).replace('.', new Intl.NumberFormat(lang).format(1.5).charAt(1))
      : Number(v.toFixed(3)).toLocaleString(lang, { maximumFractionDigits: 3, useGrouping: false });
  const range = (values: number[]) =>
    values.length === 0
      ? translate({ id: 'chart.summary.empty', message: 'empty' })
      : translate(
          { id: 'chart.summary.range', message: '{min} to {max}' },
          { min: number(values.reduce((m, v) => Math.min(m, v))), max: number(values.reduce((m, v) => Math.max(m, v))) },
        );
  const lines = [
    translate({ id: 'chart.summary.title', message: '{title} ({y} against {x})' }, { title: spec.title, y: spec.yLabel, x: spec.xLabel }),
  ];
  for (const s of spec.series) {
    if (s.y.length === 0) {
      lines.push(`  ${translate({ id: 'chart.summary.noPoints', message: '{name}: no points yet' }, { name: s.name })}`);
      continue;
    }
    const last = translate(
      { id: 'chart.summary.last', message: ', last {value}' },
      { value: number(Number(s.y[s.y.length - 1].toFixed(4))) },
    );
    lines.push(
      `  ${translate(
        { id: 'chart.summary.series', message: '{name}: {count} points, {x} {xRange}, {y} {yRange}{last}' },
        { name: s.name, count: s.y.length, x: spec.xLabel, xRange: range(s.x), y: spec.yLabel, yRange: range(s.y), last },
      )}`,
    );
  }
  return lines.join('\n');
}

export default function Chart({ spec }: { spec: ChartSpec }) {
  const { i18n } = useDocusaurusContext();
  const lang = i18n.localeConfigs[i18n.currentLocale]?.htmlLang ?? i18n.currentLocale;
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<ChartType | null>(null);
  const { colorMode } = useColorMode();
  const latest = useRef(spec);
  // Runs before the effect below that reads it (effects run in order).
  useEffect(() => {
    latest.current = spec;
  });

  // Create (or re-create on theme change) the chart.
  useEffect(() => {
    let cancelled = false;
    void loadChartJs().then(({ Chart: ChartJs }) => {
      if (cancelled || !canvas.current) return;
      chart.current?.destroy();
      const ink = colorMode === 'dark' ? '#e6edf3' : '#1f2328';
      const grid = colorMode === 'dark' ? '#30363d' : '#d0d7de';
      const s = latest.current;
      const axis = (label: string) => ({
        type: 'linear' as const,
        title: { display: true, text: label, color: ink },
        ticks: { color: ink },
        grid: { color: grid },
      });
      chart.current = new ChartJs(canvas.current, {
        type: 'scatter',
        data: { datasets: datasets(s, colorMode) },
        options: {
          animation: false,
          maintainAspectRatio: false,
          parsing: false,
          normalized: true,
          scales: { x: axis(s.xLabel), y: { ...axis(s.yLabel), ...(s.yRange ? { min: s.yRange[0], max: s.yRange[1] } : {}) } },
          plugins: { legend: { labels: { color: ink } }, title: { display: true, text: s.title, color: ink } },
        },
      });
    });
    return () => {
      cancelled = true;
    };
  }, [colorMode]);

  // New data: update in place (no flicker while a network trains).
  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.data.datasets = datasets(spec, colorMode) as never;
    c.options.plugins!.title!.text = spec.title;
    c.update('none');
  }, [spec, colorMode]);

  useEffect(() => () => chart.current?.destroy(), []);

  return (
    <figure className={styles.chart}>
      <div className={styles.canvasBox}>
        <canvas ref={canvas} role="img" aria-label={translate({ id: 'chart.label', message: 'Chart: {title}' }, { title: spec.title })} />
      </div>
      <figcaption className={styles.summary}>{summary(spec, i18n.currentLocale, lang)}</figcaption>
    </figure>
  );
}
