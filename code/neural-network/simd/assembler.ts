// SPDX-License-Identifier: MIT
/**
 * A very small WebAssembly assembler: enough to write the training kernels
 * of simd/kernels.ts as instructions with their text-format names and get
 * the binary module a browser or Node compiles. No toolchain to install.
 * Opcode numbers from the WebAssembly core and SIMD specifications
 * (https://webassembly.github.io/spec/core/binary/instructions.html).
 */

export type ValueType = 'i32' | 'f64' | 'v128';
const TYPE_CODES: Record<ValueType, number> = {
  i32: 0x7f,
  f64: 0x7c,
  v128: 0x7b,
};

/** Plain instructions: name → opcode (one byte). */
const CORE: Record<string, number> = {
  end: 0x0b,
  return: 0x0f,
  'i32.eqz': 0x45,
  'i32.lt_s': 0x48,
  'i32.add': 0x6a,
  'i32.sub': 0x6b,
  'i32.mul': 0x6c,
  'f64.add': 0xa0,
  'f64.mul': 0xa2,
};

/** 0xFD-prefixed SIMD instructions without an immediate: name → opcode. */
const SIMD: Record<string, number> = {
  'f64x2.splat': 0x14,
  'f64x2.gt': 0x4a,
  'v128.and': 0x4e,
  'f64x2.nearest': 0x94,
  'f64x2.neg': 0xed,
  'i64x2.shl': 0xcb,
  'i64x2.add': 0xce,
  'f64x2.add': 0xf0,
  'f64x2.sub': 0xf1,
  'f64x2.mul': 0xf2,
  'f64x2.div': 0xf3,
  'f64x2.pmin': 0xf6,
  'f64x2.pmax': 0xf7,
};

/** Memory instructions: name → [prefix or null, opcode, log2 alignment]. */
const MEMORY: Record<string, [number | null, number, number]> = {
  'f64.load': [null, 0x2b, 3],
  'f64.store': [null, 0x39, 3],
  'v128.load': [0xfd, 0x00, 4],
  'v128.load64_splat': [0xfd, 0x0a, 3],
  'v128.store': [0xfd, 0x0b, 4],
};

function unsigned(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
}

function signed(value: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    const done =
      (value === 0 && (byte & 0x40) === 0) ||
      (value === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

function f64Bytes(value: number): number[] {
  return [...new Uint8Array(Float64Array.of(value).buffer)];
}

function utf8(text: string): number[] {
  const bytes = [...new TextEncoder().encode(text)];
  return [...unsigned(bytes.length), ...bytes];
}

function vector(items: number[][]): number[] {
  return [...unsigned(items.length), ...items.flat()];
}

/** One function's body, written instruction by instruction. */
export class FunctionBuilder {
  readonly code: number[] = [];
  private readonly locals: ValueType[] = [];
  private readonly names = new Map<string, number>();
  /** Constants kept in locals, set once at the start: bit pattern → local. */
  private readonly constants = new Map<string, string>();
  /** When true, v128 constants live in locals instead of inside loops. */
  hoistConstants = true;

  constructor(
    readonly name: string,
    readonly params: [string, ValueType][],
    readonly result: ValueType | null,
  ) {
    params.forEach(([n], i) => this.names.set(n, i));
  }

  /** Declare a local variable (after the parameters). */
  local(name: string, type: ValueType): this {
    this.names.set(name, this.params.length + this.locals.length);
    this.locals.push(type);
    return this;
  }

  private index(name: string): number {
    const i = this.names.get(name);
    if (i === undefined) throw new Error(`${this.name}: no local "${name}"`);
    return i;
  }

  /** Instructions by name: 'f64x2.add', 'i32.mul', … */
  op(...names: string[]): this {
    for (const name of names) {
      if (name in CORE) this.code.push(CORE[name]);
      else if (name in SIMD) this.code.push(0xfd, ...unsigned(SIMD[name]));
      else throw new Error(`unknown instruction ${name}`);
    }
    return this;
  }

  get(name: string): this {
    this.code.push(0x20, ...unsigned(this.index(name)));
    return this;
  }
  set(name: string): this {
    this.code.push(0x21, ...unsigned(this.index(name)));
    return this;
  }
  tee(name: string): this {
    this.code.push(0x22, ...unsigned(this.index(name)));
    return this;
  }
  i32(value: number): this {
    this.code.push(0x41, ...signed(value));
    return this;
  }
  f64(value: number): this {
    this.code.push(0x44, ...f64Bytes(value));
    return this;
  }
  /** A v128 constant holding `value` in both f64 lanes. */
  f64x2(value: number): this {
    return this.v128([...f64Bytes(value), ...f64Bytes(value)]);
  }
  /** A v128 constant holding the 64-bit integer `value` in both lanes. */
  i64x2(value: number): this {
    const bytes = new Uint8Array(16);
    const view = new DataView(bytes.buffer);
    view.setBigInt64(0, BigInt(value), true);
    view.setBigInt64(8, BigInt(value), true);
    return this.v128([...bytes]);
  }
  private v128(bytes: number[]): this {
    if (!this.hoistConstants) {
      this.code.push(0xfd, 0x0c, ...bytes);
      return this;
    }
    const key = bytes.join(',');
    let name = this.constants.get(key);
    if (name === undefined) {
      name = `constant${this.constants.size}`;
      this.constants.set(key, name);
      this.local(name, 'v128');
    }
    return this.get(name);
  }
  /** f64x2.extract_lane */
  lane(index: 0 | 1): this {
    this.code.push(0xfd, 0x21, index);
    return this;
  }
  /** A load or store; `offset` is added to the address on the stack. */
  memory(name: string, offset = 0): this {
    const [prefix, opcode, align] = MEMORY[name];
    if (prefix !== null) this.code.push(prefix, ...unsigned(opcode));
    else this.code.push(opcode);
    this.code.push(...unsigned(align), ...unsigned(offset));
    return this;
  }

  /** `loop … br_if` : runs `body` once, then again while it leaves 1. */
  doWhile(body: () => void): this {
    this.code.push(0x03, 0x40); // loop, no result
    body();
    this.code.push(0x0d, 0x00, 0x0b); // br_if 0 (to the loop's start); end
    return this;
  }

  /** Add `step` to local `name`, then leave (name < limit) on the stack. */
  advance(name: string, step: number | string, limit: string): this {
    this.get(name);
    if (typeof step === 'number') this.i32(step);
    else this.get(step);
    this.op('i32.add').tee(name).get(limit).op('i32.lt_s');
    return this;
  }

  bytes(): number[] {
    const groups = this.locals.map((t) => [1, TYPE_CODES[t]]);
    const prologue: number[] = [];
    for (const [key, name] of this.constants) {
      const bytes = key.split(',').map(Number);
      prologue.push(0xfd, 0x0c, ...bytes, 0x21, ...unsigned(this.index(name)));
    }
    const body = [...vector(groups), ...prologue, ...this.code, 0x0b];
    return [...unsigned(body.length), ...body];
  }
}

function section(id: number, content: number[]): number[] {
  return [id, ...unsigned(content.length), ...content];
}

/** A module of the given functions, all exported, plus an exported memory. */
export function assemble(
  functions: FunctionBuilder[],
): Uint8Array<ArrayBuffer> {
  const types = functions.map((f) => [
    0x60,
    ...vector(f.params.map(([, t]) => [TYPE_CODES[t]])),
    ...vector(f.result ? [[TYPE_CODES[f.result]]] : []),
  ]);
  const exports = [
    ...functions.map((f, i) => [...utf8(f.name), 0x00, ...unsigned(i)]),
    [...utf8('memory'), 0x02, 0x00],
  ];
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], // "\0asm", version 1
    ...section(1, vector(types)),
    ...section(3, vector(functions.map((_, i) => unsigned(i)))),
    ...section(5, vector([[0x00, 1]])), // one memory, at least 1 page
    ...section(7, vector(exports)),
    ...section(10, vector(functions.map((f) => f.bytes()))),
  ]);
}
