// SPDX-License-Identifier: MIT
// Regenerates kernel-bytes.ts (the compiled kernels as base64) from kernels.ts:
//   npx tsx code/neural-network/simd/build.ts
// tests/unit/network.test.ts checks that the committed bytes are what this
// writes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildKernels } from './kernels';
import { kernelsSource } from './source';

const here = path.dirname(fileURLToPath(import.meta.url));
const bytes = buildKernels();
fs.writeFileSync(path.join(here, 'kernel-bytes.ts'), kernelsSource(bytes));
console.log(`wrote kernel-bytes.ts (${bytes.length} bytes of WebAssembly)`);
