/**
 * Lets a page import any file as text: `import src from '@site/code/knn/knn.ts?raw'`.
 *
 * Two traps this avoids (see CONTRIBUTING.md): webpack's `resourceQuery` includes the leading
 * `?`, so the test is /[?&]raw(&|$)/, not /^raw/; and the `?raw` request must be kept away from
 * every other rule, or the .ts file would be compiled as a module and its top-level code would
 * run inside the build. Rules stay top level (wrapping Docusaurus's rules in `oneOf` breaks MDX).
 */
import type { Plugin } from '@docusaurus/types';

export const RAW_QUERY = /[?&]raw(&|$)/;

type Rule = { resourceQuery?: unknown } & Record<string, unknown>;

export default function rawSourcePlugin(): Plugin {
  return {
    name: 'raw-source',
    configureWebpack(config) {
      const rules = (config.module?.rules ?? []) as (Rule | '...' | false | null | undefined)[];
      for (const rule of rules) {
        if (rule && typeof rule === 'object' && rule.resourceQuery === undefined) {
          rule.resourceQuery = { not: [RAW_QUERY] };
        }
      }
      return {
        module: { rules: [{ resourceQuery: RAW_QUERY, type: 'asset/source' }] },
      };
    },
  };
}
