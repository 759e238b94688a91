// SPDX-License-Identifier: MIT
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../code/cli';

const ROOT = path.resolve(__dirname, '../..');

function capture(argv: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  const code = main(argv);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

afterEach(() => vi.restoreAllMocks());

describe('npm run ml', () => {
  it('knn on the iris CSV prints the accuracy and the time', () => {
    const { code, out } = capture(['knn', '--csv', 'data/iris.csv', '--label', 'species', '--k', '5']);
    expect(code).toBe(0);
    expect(out).toMatch(/150 examples, 4 features/);
    expect(out).toMatch(/accuracy: \d+\.\d%/);
    expect(out).toMatch(/took \d/);
  });
  it('regression prints both fits', () => {
    const { code, out } = capture(['regression', '--points', '100']);
    expect(code).toBe(0);
    expect(out).toMatch(/least squares: +slope 2\.\d+/);
    expect(out).toMatch(/gradient descent: slope/);
  });
  it('network prints falling losses', () => {
    const { code, out } = capture(['network', '--epochs', '500']);
    expect(code).toBe(0);
    expect(out).toMatch(/epoch +500 +loss/);
  });
  it('federated prints each round beside central training, and the traffic', () => {
    const { code, out } = capture(['federated', '--devices', '3', '--rounds', '4', '--skew', '1', '--dropout', '0.3']);
    expect(code).toBe(0);
    expect(out).toMatch(/3 devices holding \d+, \d+, \d+ examples \(skew 1\)/);
    const rounds = out.split('\n').filter((line) => /^ +\d+ +\d\/3 +\d+\.\d% +\d+\.\d%$/.test(line));
    expect(rounds).toHaveLength(4);
    expect(out).toMatch(/network traffic: \d+ bytes of model weights \(33 numbers a copy\) vs 2700 bytes/);
  });
  it('bad arguments print the usage and fail', () => {
    for (const argv of [
      [],
      ['dance'],
      ['knn', '--label', 'species'],
      ['knn', '--csv', 'data/iris.csv', '--label', 'species', '--k', 'zero'],
      ['regression', '--colour', 'red'],
      ['federated', '--devices', '0'],
      ['federated', '--skew', '2'],
    ]) {
      const { code, err } = capture(argv);
      expect(code).not.toBe(0);
      expect(err).toMatch(/Usage: npm run ml/);
    }
  });
  it('a missing label column is a clear error', () => {
    const { code, err } = capture(['knn', '--csv', 'data/iris.csv', '--label', 'colour']);
    expect(code).toBe(1);
    expect(err).toMatch(/CSV has no column "colour" for the label/);
  });
  it('takes decimal numbers only', () => {
    expect(capture(['federated', '--devices', '0x4']).err).toMatch(/--devices must be a whole number from 1 to 64, got "0x4"/);
    expect(capture(['federated', '--devices', '']).code).toBe(2);
  });
  it('exits non-zero from the shell', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'code/cli.ts', 'knn', '--k', '0'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Usage/);
  });
});
