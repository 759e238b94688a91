// SPDX-License-Identifier: MIT
/**
 * Every lesson driver (a file with an .expected.txt beside it) runs under Node and prints what
 * its expected file says; the browser tests check the same files in the page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '@tensorflow/tfjs-backend-wasm';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { useBackend } from '../../code/shared/tf-backend';

// TensorFlow.js on WebAssembly, as in the page (the runner registers it there): the drivers
// that time TensorFlow.js run their tensors on the backend readers get.
setWasmPaths(`${path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm'))}/`);

const CODE = path.resolve(__dirname, '../../code');
const drivers = (function find(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return find(full);
    return e.name.endsWith('.expected.txt') ? [full.replace(/\.expected\.txt$/, '.ts')] : [];
  });
})(CODE);

afterEach(() => vi.restoreAllMocks());

describe('lesson drivers under Node', () => {
  it('exist for every expected-output file', () => {
    expect(drivers.length).toBeGreaterThan(0);
    for (const d of drivers) expect(fs.existsSync(d), d).toBe(true);
  });
  for (const driver of drivers) {
    it(`${path.relative(CODE, driver)} prints its expected output`, async () => {
      expect(await useBackend('wasm')).toBe('wasm');
      const lines: string[] = [];
      vi.spyOn(console, 'log').mockImplementation(
        (...args) => void lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')),
      );
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      await import(driver);
      const expected = fs
        .readFileSync(driver.replace(/\.ts$/, '.expected.txt'), 'utf8')
        .split('\n')
        .filter((l) => l.trim());
      for (const want of expected) {
        if (want.startsWith('/') && want.endsWith('/')) {
          expect(
            lines.some((l) => new RegExp(want.slice(1, -1)).test(l)),
            `${want}\nin:\n${lines.join('\n')}`,
          ).toBe(true);
        } else if (!want.includes('{')) {
          expect(lines, want).toContain(want);
        }
      }
    }, 60_000);
  }
});
