// SPDX-License-Identifier: MIT
/**
 * The WebAssembly kernels behind network-fast.ts, written with the small
 * assembler in assembler.ts. Each kernel works on a whole layer for all the
 * examples, two examples at a time: one 128-bit SIMD register holds two
 * float64 numbers (f64x2), so every instruction does the work of two.
 *
 * Memory layout, all offsets in bytes, `stride` = 8 · examples (the examples
 * are padded to a multiple of 8 with examples whose mask is 0):
 *   a row of values   one neuron's value for every example, `stride` bytes
 *   weights           row after row: weight (j, i) at w + 8 · (j · inSize + i)
 *
 * The maths is network.ts's; only the order of the additions differs, so
 * results agree with it to about 1e-15 per operation.
 *
 * `npx tsx code/neural-network/simd/build.ts` regenerates kernel-bytes.ts
 * from this file; a unit test checks that the two agree.
 */
import { assemble, FunctionBuilder } from './assembler';

export const KINDS = ['sigmoid', 'tanh', 'relu'] as const;
type Kind = (typeof KINDS)[number];

// e^y for both lanes, as fdlibm computes exp (Sun Microsystems, 1993):
//   y = k · ln2 + r, |r| ≤ ln2/2, so e^y = 2^k · e^r, and
//   e^r = (2 + 2r − c) / (2 − c) with c = r − r² R(r²), R a polynomial.
const LN2_HIGH = 6.9314718036912381649e-1; // ln2 in two parts: k · LN2_HIGH
const LN2_LOW = 1.90821492927058770002e-10; // is exact for |k| < 2^20
const P = [
  1.66666666666666019037e-1, -2.77777777770155933842e-3,
  6.61375632143793436117e-5, -1.6533902205465251539e-6,
  4.13813679705723846039e-8,
];
/** Adding 1.5 · 2^52 rounds to a whole number and puts it in the low bits. */
const SHIFTER = 6755399441055744;
/** e^±700 is far beyond what changes σ or tanh, and safe from overflow. */
const LIMIT = 700;

/**
 * Leave 1 / (1 + e^y) on the stack, y in local `y` (changed). One division:
 * with e^y = 2^k · N / D,  1 / (1 + e^y) = D / (D + 2^k · N).
 */
function logistic(f: FunctionBuilder, y: string): void {
  f.get(y).f64x2(LIMIT).op('f64x2.pmin').f64x2(-LIMIT).op('f64x2.pmax');
  f.set(y);
  // kd = y / ln2 + SHIFTER; k = kd − SHIFTER, the nearest whole number
  f.get(y)
    .f64x2(1 / Math.LN2)
    .op('f64x2.mul')
    .f64x2(SHIFTER)
    .op('f64x2.add');
  f.tee('kd').f64x2(SHIFTER).op('f64x2.sub').set('k');
  // r = y − k · ln2
  f.get(y).get('k').f64x2(LN2_HIGH).op('f64x2.mul', 'f64x2.sub');
  f.get('k').f64x2(LN2_LOW).op('f64x2.mul', 'f64x2.sub').tee('r');
  f.get('r').op('f64x2.mul').set('t'); // t = r²
  // D = 2 − c = 2 − r + t · (P1 + t · (P2 + t · (P3 + t · (P4 + t · P5))))
  f.f64x2(2).get('r').op('f64x2.sub');
  f.get('t').f64x2(P[4]).op('f64x2.mul');
  for (const p of [P[3], P[2], P[1], P[0]]) {
    f.f64x2(p).op('f64x2.add').get('t').op('f64x2.mul');
  }
  f.op('f64x2.add').set('d');
  // D / (D + 2^k · N), N = D + 2r; 2^k from the bits: (k + 1023) << 52
  f.get('d');
  f.get('d').get('r').get('r').op('f64x2.add', 'f64x2.add');
  f.get('kd').i64x2(1023).op('i64x2.add').i32(52).op('i64x2.shl');
  f.op('f64x2.mul').get('d').op('f64x2.add', 'f64x2.div');
}

/** Replace the sum z in local `z` by the neuron's output f(z). */
function activate(f: FunctionBuilder, kind: Kind, z: string): void {
  if (kind === 'sigmoid') {
    // σ(z) = 1 / (1 + e^−z)
    f.get(z).op('f64x2.neg').set(z);
    logistic(f, z);
  } else if (kind === 'tanh') {
    // tanh(z) = 1 − 2 / (1 + e^2z)
    f.get(z).get(z).op('f64x2.add').set(z);
    f.f64x2(1);
    logistic(f, z);
    f.f64x2(2).op('f64x2.mul', 'f64x2.sub');
  } else {
    // relu(z) = z if 0 < z, else 0
    f.f64x2(0).get(z).op('f64x2.pmax');
  }
  f.set(z);
}

/** Leave f′ on the stack, from the output a in local `a`. */
function slope(f: FunctionBuilder, kind: Kind, a: string): void {
  if (kind === 'sigmoid') {
    f.get(a).f64x2(1).get(a).op('f64x2.sub', 'f64x2.mul'); // a (1 − a)
  } else if (kind === 'tanh') {
    f.f64x2(1).get(a).get(a).op('f64x2.mul', 'f64x2.sub'); // 1 − a²
  } else {
    f.get(a).f64x2(0).op('f64x2.gt').f64x2(1).op('v128.and'); // a > 0
  }
}

const scratch = (f: FunctionBuilder) =>
  ['kd', 'k', 'r', 't', 'd'].forEach((n) => f.local(n, 'v128'));

/**
 * forward_<kind>: one layer's outputs for every example.
 *   out[j][n] = f(b[j] + Σᵢ w[j][i] · in[i][n])
 * Four examples a step (two registers), so the weight is loaded once.
 */
function forward(kind: Kind): FunctionBuilder {
  const f = new FunctionBuilder(
    `forward_${kind}`,
    [
      ['inP', 'i32'],
      ['inSize', 'i32'],
      ['wP', 'i32'],
      ['bP', 'i32'],
      ['outP', 'i32'],
      ['outSize', 'i32'],
      ['stride', 'i32'],
    ],
    null,
  );
  for (const n of ['j', 'o', 'i', 'wRow', 'w', 'in']) f.local(n, 'i32');
  for (const n of ['bias', 'weight', 'z0', 'z1']) f.local(n, 'v128');
  scratch(f);
  f.get('wP').set('wRow');
  f.doWhile(() => {
    f.get('bP').memory('v128.load64_splat').set('bias');
    f.i32(0).set('o');
    f.doWhile(() => {
      f.get('bias').set('z0').get('bias').set('z1');
      f.get('wRow').set('w').get('inP').set('in').i32(0).set('i');
      f.doWhile(() => {
        f.get('w').memory('v128.load64_splat').set('weight');
        for (const [z, offset] of [
          ['z0', 0],
          ['z1', 16],
        ] as const) {
          f.get(z).get('weight');
          f.get('in').get('o').op('i32.add').memory('v128.load', offset);
          f.op('f64x2.mul', 'f64x2.add').set(z);
        }
        f.get('w').i32(8).op('i32.add').set('w');
        f.get('in').get('stride').op('i32.add').set('in');
        f.advance('i', 1, 'inSize');
      });
      for (const [z, offset] of [
        ['z0', 0],
        ['z1', 16],
      ] as const) {
        activate(f, kind, z);
        f.get('outP').get('o').op('i32.add').get(z);
        f.memory('v128.store', offset);
      }
      f.advance('o', 32, 'stride');
    });
    f.get('w').set('wRow');
    f.get('bP').i32(8).op('i32.add').set('bP');
    f.get('outP').get('stride').op('i32.add').set('outP');
    f.advance('j', 1, 'outSize');
  });
  return f;
}

/**
 * output_<kind>: δ of the output layer, and the sum of squared errors.
 *   diff = (a − target) · mask,   δ = scale · diff · f′(a)
 * @returns Σ diff² over every output and example
 */
function output(kind: Kind): FunctionBuilder {
  const f = new FunctionBuilder(
    `output_${kind}`,
    [
      ['aP', 'i32'],
      ['tP', 'i32'],
      ['mP', 'i32'],
      ['dP', 'i32'],
      ['outSize', 'i32'],
      ['stride', 'i32'],
      ['scale', 'f64'],
    ],
    'f64',
  );
  f.local('k', 'i32').local('o', 'i32');
  for (const n of ['a', 'diff', 'sum', 'scales']) f.local(n, 'v128');
  f.get('scale').op('f64x2.splat').set('scales');
  f.doWhile(() => {
    f.i32(0).set('o');
    f.doWhile(() => {
      f.get('aP').get('o').op('i32.add').memory('v128.load').set('a');
      f.get('a');
      f.get('tP').get('o').op('i32.add').memory('v128.load');
      f.op('f64x2.sub');
      f.get('mP').get('o').op('i32.add').memory('v128.load');
      f.op('f64x2.mul').set('diff');
      f.get('sum').get('diff').get('diff').op('f64x2.mul', 'f64x2.add');
      f.set('sum');
      f.get('dP').get('o').op('i32.add');
      f.get('scales').get('diff').op('f64x2.mul');
      slope(f, kind, 'a');
      f.op('f64x2.mul').memory('v128.store');
      f.advance('o', 16, 'stride');
    });
    for (const p of ['aP', 'tP', 'dP']) {
      f.get(p).get('stride').op('i32.add').set(p);
    }
    f.advance('k', 1, 'outSize');
  });
  f.get('sum').lane(0).get('sum').lane(1).op('f64.add');
  return f;
}

/**
 * Leave Σₙ x[n] · y[n] on the stack (Σₙ x[n] when y is null), rows at
 * locals `x` and `y`. Four running sums, so additions need not wait for
 * each other.
 */
function dot(f: FunctionBuilder, x: string, y: string | null): void {
  const sums = ['s0', 's1', 's2', 's3'];
  for (const s of sums) f.f64x2(0).set(s);
  f.i32(0).set('o');
  f.doWhile(() => {
    sums.forEach((s, q) => {
      f.get(s);
      f.get(x)
        .get('o')
        .op('i32.add')
        .memory('v128.load', 16 * q);
      if (y !== null) {
        f.get(y)
          .get('o')
          .op('i32.add')
          .memory('v128.load', 16 * q);
        f.op('f64x2.mul');
      }
      f.op('f64x2.add').set(s);
    });
    f.advance('o', 64, 'stride');
  });
  f.get('s0').get('s1').op('f64x2.add').get('s2').get('s3');
  f.op('f64x2.add', 'f64x2.add').set('s0');
  f.get('s0').lane(0).get('s0').lane(1).op('f64.add');
}

/**
 * gradients: for the weights from layer `in` to the layer with δs at dP,
 *   gw[j][i] = Σₙ δⱼ[n] · in[i][n]      gb[j] = Σₙ δⱼ[n]
 */
function gradients(): FunctionBuilder {
  const f = new FunctionBuilder(
    'gradients',
    [
      ['inP', 'i32'],
      ['inSize', 'i32'],
      ['dP', 'i32'],
      ['outSize', 'i32'],
      ['stride', 'i32'],
      ['gwP', 'i32'],
      ['gbP', 'i32'],
    ],
    null,
  );
  for (const n of ['j', 'i', 'o', 'in']) f.local(n, 'i32');
  for (const n of ['s0', 's1', 's2', 's3']) f.local(n, 'v128');
  f.doWhile(() => {
    f.get('gbP');
    dot(f, 'dP', null);
    f.memory('f64.store');
    f.get('gbP').i32(8).op('i32.add').set('gbP');
    f.get('inP').set('in').i32(0).set('i');
    f.doWhile(() => {
      f.get('gwP');
      dot(f, 'dP', 'in');
      f.memory('f64.store');
      f.get('gwP').i32(8).op('i32.add').set('gwP');
      f.get('in').get('stride').op('i32.add').set('in');
      f.advance('i', 1, 'inSize');
    });
    f.get('dP').get('stride').op('i32.add').set('dP');
    f.advance('j', 1, 'outSize');
  });
  return f;
}

/**
 * hidden_<kind>: δ of a hidden layer from the δs of the layer above.
 *   δᵢ[n] = (Σⱼ w[j][i] · δ_up,j[n]) · f′(aᵢ[n])
 */
function hidden(kind: Kind): FunctionBuilder {
  const f = new FunctionBuilder(
    `hidden_${kind}`,
    [
      ['upP', 'i32'],
      ['upSize', 'i32'],
      ['wP', 'i32'],
      ['inSize', 'i32'],
      ['aP', 'i32'],
      ['dP', 'i32'],
      ['stride', 'i32'],
    ],
    null,
  );
  for (const n of ['i', 'j', 'o', 'w', 'up', 'rowBytes']) f.local(n, 'i32');
  for (const n of ['sum0', 'sum1', 'weight', 'a']) f.local(n, 'v128');
  f.get('inSize').i32(8).op('i32.mul').set('rowBytes');
  f.doWhile(() => {
    f.i32(0).set('o');
    f.doWhile(() => {
      f.f64x2(0).set('sum0').f64x2(0).set('sum1');
      f.get('wP').set('w').get('upP').set('up').i32(0).set('j');
      f.doWhile(() => {
        f.get('w').memory('v128.load64_splat').set('weight');
        for (const [s, offset] of [
          ['sum0', 0],
          ['sum1', 16],
        ] as const) {
          f.get(s).get('weight');
          f.get('up').get('o').op('i32.add').memory('v128.load', offset);
          f.op('f64x2.mul', 'f64x2.add').set(s);
        }
        f.get('w').get('rowBytes').op('i32.add').set('w');
        f.get('up').get('stride').op('i32.add').set('up');
        f.advance('j', 1, 'upSize');
      });
      for (const [s, offset] of [
        ['sum0', 0],
        ['sum1', 16],
      ] as const) {
        f.get('aP').get('o').op('i32.add').memory('v128.load', offset);
        f.set('a');
        f.get('dP').get('o').op('i32.add');
        f.get(s);
        slope(f, kind, 'a');
        f.op('f64x2.mul').memory('v128.store', offset);
      }
      f.advance('o', 32, 'stride');
    });
    f.get('wP').i32(8).op('i32.add').set('wP');
    f.get('aP').get('stride').op('i32.add').set('aP');
    f.get('dP').get('stride').op('i32.add').set('dP');
    f.advance('i', 1, 'inSize');
  });
  return f;
}

/** The whole module: forward_*, output_*, hidden_* per kind, gradients. */
export function buildKernels(): Uint8Array<ArrayBuffer> {
  return assemble([
    ...KINDS.map(forward),
    ...KINDS.map(output),
    ...KINDS.map(hidden),
    gradients(),
  ]);
}
