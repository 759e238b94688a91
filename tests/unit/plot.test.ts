// SPDX-License-Identifier: MIT
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeChart, plot, type ChartSpec } from '../../code/shared/plot';

const spec: ChartSpec = {
  title: 'Loss while training',
  xLabel: 'epoch',
  yLabel: 'loss',
  series: [
    { name: 'loss', x: [1, 2, 3], y: [0.5, 0.25, 0.125] },
    { name: 'test loss', x: [], y: [] },
  ],
};

afterEach(() => vi.restoreAllMocks());

describe('plot under Node', () => {
  it('summarises each series in words, and says when one has no points yet', () => {
    expect(describeChart(spec).split('\n')).toEqual([
      '[chart] Loss while training (loss against epoch)',
      '  loss: 3 points, epoch 1 to 3, loss 0.125 to 0.5, last 0.125',
      '  test loss: no points yet',
    ]);
  });
  it('prints the summary instead of drawing', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    plot(spec);
    expect(log).toHaveBeenCalledWith(describeChart(spec));
  });
  it('refuses a series with more x than y values, naming it', () => {
    expect(() => plot({ ...spec, series: [{ name: 'broken', x: [1, 2], y: [1] }] })).toThrow(
      'plot: series "broken" needs as many x as y values, got 2 and 1',
    );
  });
});
