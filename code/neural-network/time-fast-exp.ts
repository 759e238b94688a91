// SPDX-License-Identifier: MIT
// Times fastExp against Math.exp in the loop the hidden layer runs in
// network-fast.ts's matrix form (trainMatrix; tanh written with one exp):
//   npx tsx code/neural-network/time-fast-exp.ts
import { createRng } from '../shared/random';
import { fastExp } from '../shared/fast-exp';
import { median } from '../shared/time';

const rng = createRng(9);
// sums between −3 and 3
const zs = Float64Array.from({ length: 1000 }, () => (rng() - 0.5) * 6);
const out = new Float64Array(zs.length);
// 32 million exp calls, as many as the 2-16-1 network makes in 2,000 epochs
const rounds = 32_000;

function withFastExp(): void {
  for (let r = 0; r < rounds; r++)
    for (let n = 0; n < zs.length; n++)
      out[n] = 1 - 2 / (fastExp(2 * zs[n]) + 1);
}
function withMathExp(): void {
  for (let r = 0; r < rounds; r++)
    for (let n = 0; n < zs.length; n++)
      out[n] = 1 - 2 / (Math.exp(2 * zs[n]) + 1);
}
function timeIt(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

withFastExp(); // warm up both, so the engine has compiled them
withMathExp();
const fast: number[] = [];
const plain: number[] = [];
for (let i = 0; i < 7; i++) {
  // Take turns, so a slow moment on the machine hits both.
  fast.push(timeIt(withFastExp));
  plain.push(timeIt(withMathExp));
}
console.log(`fastExp:  ${median(fast).toFixed(0)} ms (median of 7)`);
console.log(`Math.exp: ${median(plain).toFixed(0)} ms (median of 7)`);
console.log(`ratio: ${(median(plain) / median(fast)).toFixed(2)}`);
