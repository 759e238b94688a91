/**
 * Lets a page import any file as text: `import src from '@site/code/knn/knn.ts?raw'`,
 * and any file as the URL of a copy the build emits: `import url from 'pkg/file.wasm?url'`
 * (how the runner serves TensorFlow.js's WebAssembly files from the site itself).
 *
 * Two traps this avoids (see CONTRIBUTING.md): webpack's `resourceQuery` includes the leading
 * `?`, so the test is /[?&]raw(&|$)/, not /^raw/; and the `?raw` request must be kept away from
 * every other rule, or the .ts file would be compiled as a module and its top-level code would
 * run inside the build. Rules stay top level (wrapping Docusaurus's rules in `oneOf` breaks MDX).
 */
import type { Plugin } from '@docusaurus/types';

export const RAW_QUERY = /[?&]raw(&|$)/;
export const URL_QUERY = /[?&]url(&|$)/;

type Rule = { resourceQuery?: unknown } & Record<string, unknown>;

export default function rawSourcePlugin(): Plugin {
  return {
    name: 'raw-source',
    configureWebpack(config) {
      const rules = (config.module?.rules ?? []) as (Rule | '...' | false | null | undefined)[];
      for (const rule of rules) {
        if (rule && typeof rule === 'object' && rule.resourceQuery === undefined) {
          rule.resourceQuery = { not: [RAW_QUERY, URL_QUERY] };
        }
      }
      return {
        module: {
          rules: [
            { resourceQuery: RAW_QUERY, type: 'asset/source' },
            { resourceQuery: URL_QUERY, type: 'asset/resource', generator: { filename: 'assets/files/[name]-[contenthash][ext]' } },
          ],
        },
      };
    },
  };
}
