/**
 * A small line chart drawn with uPlot (loaded when the chart first renders), with a text
 * summary for screen readers. Follows the site's light/dark mode.
 */
import React, { useEffect, useRef } from 'react';
import { useColorMode } from '@docusaurus/theme-common';
import type uPlot from 'uplot';
import styles from './styles.module.css';

type Series = { name: string; values: number[] };
type Props = { title: string; xLabel: string; yLabel: string; x: number[]; series: Series[]; yRange?: [number, number] };

const COLOURS = { light: ['#0969da', '#bc4c00', '#1a7f37'], dark: ['#58a6ff', '#f0883e', '#3fb950'] };

export default function LineChart({ title, xLabel, yLabel, x, series, yRange }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const { colorMode } = useColorMode();
  const names = series.map((s) => s.name).join('|');

  useEffect(() => {
    let cancelled = false;
    void Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([{ default: UPlot }]) => {
      if (cancelled || !box.current) return;
      const ink = colorMode === 'dark' ? '#e6edf3' : '#1f2328';
      const grid = colorMode === 'dark' ? '#30363d' : '#d0d7de';
      const axis = { stroke: ink, grid: { stroke: grid }, ticks: { stroke: grid } };
      plot.current?.destroy();
      plot.current = new UPlot(
        {
          width: box.current.clientWidth,
          height: 260,
          scales: { x: { time: false }, y: yRange ? { range: yRange } : {} },
          axes: [
            { ...axis, label: xLabel },
            { ...axis, label: yLabel },
          ],
          series: [{ label: xLabel }, ...series.map((s, i) => ({ label: s.name, stroke: COLOURS[colorMode][i % 3], width: 2 }))],
          legend: { live: false },
        },
        [x, ...series.map((s) => s.values)] as uPlot.AlignedData,
        box.current,
      );
    });
    return () => {
      cancelled = true;
    };
    // Rebuild when the theme or the set of series changes; data updates go through setData below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [colorMode, names]);

  useEffect(() => {
    plot.current?.setData([x, ...series.map((s) => s.values)] as uPlot.AlignedData);
  }, [x, series]);

  useEffect(() => () => plot.current?.destroy(), []);

  const last = x.length ? series.map((s) => `${s.name}: ${s.values.at(-1)?.toFixed(3)}`).join('; ') : 'no data yet';
  return (
    <figure className={styles.chart}>
      <div ref={box} className={styles.chartBox} />
      <figcaption>
        {title}. {xLabel} against {yLabel}; latest values: {last}.
      </figcaption>
    </figure>
  );
}
