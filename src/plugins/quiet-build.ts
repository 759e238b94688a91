/**
 * Keeps the build log to what a contributor must read. TensorFlow.js's WebAssembly backend
 * mentions Node's `__filename` and `__dirname` in code it only runs under Node; the bundler
 * warns about both on every build. They are harmless in the browser, so they are silenced here
 * (and only these two).
 */
import type { Plugin } from '@docusaurus/types';

export default function quietBuildPlugin(): Plugin {
  return {
    name: 'quiet-build',
    configureWebpack() {
      return { ignoreWarnings: [{ module: /tfjs-backend-wasm[\\/]wasm-out[\\/]/, message: /__(file|dir)name/ }] };
    },
  };
}
