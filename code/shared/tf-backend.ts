// SPDX-License-Identifier: MIT
/**
 * Choose TensorFlow.js's backend explicitly. WebAssembly ('wasm') when it has
 * been registered (the in-page runner registers it, serving its .wasm files
 * from this site; the benchmark registers it under Node), else plain JavaScript
 * ('cpu'). Call once before using tensors.
 */
import * as tf from '@tensorflow/tfjs';

export async function useBackend(
  preferred: 'wasm' | 'cpu' = 'wasm',
): Promise<string> {
  const order = preferred === 'wasm' ? ['wasm', 'cpu'] : ['cpu'];
  for (const name of order) {
    if (!tf.findBackendFactory(name)) continue;
    try {
      if (await tf.setBackend(name)) {
        await tf.ready();
        return tf.getBackend();
      }
    } catch {
      // This backend could not start here (e.g. no WebAssembly): try the next
      // one.
    }
  }
  await tf.ready();
  return tf.getBackend();
}
