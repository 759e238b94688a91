// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { fastExp } from '../../code/shared/fast-exp';
import { createRng } from '../../code/shared/random';

describe('fastExp', () => {
  it('agrees with Math.exp to within two units in the last place across its whole range', () => {
    const rng = createRng(11);
    let worst = 0;
    for (let n = 0; n < 200_000; n++) {
      // half the points spread over [−708, 709], half where training lives, [−20, 20]
      const x = n % 2 ? rng() * 1417 - 708 : rng() * 40 - 20;
      const expected = Math.exp(x);
      worst = Math.max(worst, Math.abs(fastExp(x) - expected) / expected);
    }
    expect(worst).toBeLessThan(2 * Number.EPSILON);
  });

  it('is exact at 0 and right at the edges, for infinities and NaN', () => {
    expect(fastExp(0)).toBe(1);
    expect(fastExp(1)).toBeCloseTo(Math.E, 15);
    expect(fastExp(-1000)).toBe(0);
    expect(fastExp(1000)).toBe(Infinity);
    expect(fastExp(-Infinity)).toBe(0);
    expect(fastExp(Infinity)).toBe(Infinity);
    expect(fastExp(NaN)).toBeNaN();
    expect(fastExp(-740)).toBe(Math.exp(-740)); // subnormal results come from Math.exp
  });
});
