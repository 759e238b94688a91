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
/** An exercise's solution file: left out of the build while solutions are hidden. */
export const SOLUTION_FILE = /[\\/]code[\\/]exercises[\\/][^\\/]+[\\/]solution\.ts$/;
const hiddenSolutionLoader = require.resolve('./hidden-solution-loader.cjs');
/** What a hidden solution's `?raw` import gives instead of the file (the loader's own text). */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the loader is CommonJS, read synchronously here
export const HIDDEN_SOLUTION: string = require(hiddenSolutionLoader).HIDDEN_SOLUTION;

type Rule = { resourceQuery?: unknown } & Record<string, unknown>;
export type RawSourceOptions = { hideSolutions?: boolean };

/**
 * With `hideSolutions` (course.config.ts showSolutions: false), a `?raw` import of
 * code/exercises/<name>/solution.ts yields HIDDEN_SOLUTION, and any other import of it stops the
 * build: every request for a solution file goes through hidden-solution-loader.cjs, so the
 * solution's text is in no file the site publishes, not only hidden from the page.
 */
export default function rawSourcePlugin(_context?: unknown, options: RawSourceOptions = {}): Plugin {
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
            options.hideSolutions
              ? { resourceQuery: RAW_QUERY, exclude: SOLUTION_FILE, type: 'asset/source' }
              : { resourceQuery: RAW_QUERY, type: 'asset/source' },
            ...(options.hideSolutions
              ? [
                  { resourceQuery: RAW_QUERY, test: SOLUTION_FILE, type: 'asset/source', use: [{ loader: hiddenSolutionLoader }] },
                  {
                    resourceQuery: { not: [RAW_QUERY, URL_QUERY] },
                    test: SOLUTION_FILE,
                    use: [{ loader: hiddenSolutionLoader, options: { refuse: true } }],
                  },
                ]
              : []),
            { resourceQuery: URL_QUERY, type: 'asset/resource', generator: { filename: 'assets/files/[name]-[contenthash][ext]' } },
          ],
        },
      };
    },
  };
}
