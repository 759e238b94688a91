/** `import text from './file.ts?raw'`: the file's contents (src/plugins/raw-source.ts). */
declare module '*?raw' {
  const text: string;
  export default text;
}
/** `import url from 'pkg/file.wasm?url'`: the URL of the copy the build emits. */
declare module '*?url' {
  const url: string;
  export default url;
}

// Prism's core and language components (src/prism/index.ts); the core is the `prismjs` API.
declare module 'prismjs/components/prism-core' {
  import Prism from 'prismjs';
  export default Prism;
}
declare module 'prismjs/components/*';

// The search plugin's lunr, which ships no types (src/search/lunr.ts; src/search/fold.ts types what it uses).
declare module 'lunr/lunr.js' {
  const lunr: unknown;
  export default lunr;
}
