/**
 * French search with or without accents: "elagage" finds "élagage", "reseau de neurones" finds
 * "réseau de neurones" (src/search/fold.ts explains the folding and where it sits in the pipeline).
 *
 * @easyops-cn/docusaurus-search-local builds its index with lunr and searches it with lunr in a
 * web worker; neither takes a pipeline option. So:
 * - at build time, the lunr module the plugin requires is patched (src/search/fold.ts,
 *   `foldEveryIndex`): every index built folds accents, and saves the fold function, by label, in
 *   its search pipeline;
 * - in the browser, the bare `lunr` import of the plugin's worker (and of its helpers) resolves to
 *   src/search/lunr.ts, the same lunr file with the function registered before any index loads.
 */
import path from 'node:path';
import type { Plugin } from '@docusaurus/types';
import { foldEveryIndex, type Lunr } from '../search/fold';

const SEARCH_PLUGIN = '@easyops-cn/docusaurus-search-local';

/** The lunr file the search plugin requires (on the server) and imports by path (in its generated client code). */
export function searchPluginLunr(): string {
  return require.resolve('lunr', { paths: [path.dirname(require.resolve(SEARCH_PLUGIN))] });
}

export default function searchFoldingPlugin(): Plugin {
  const lunrFile = searchPluginLunr();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the same module instance the search plugin requires, found at run time
  foldEveryIndex(require(lunrFile) as Lunr);
  return {
    name: 'search-folding',
    configureWebpack() {
      return {
        module: {
          rules: [
            {
              // Its page's input label in the reader's language (the plugin hard-codes "Search").
              test: /docusaurus-search-local[\\/]dist[\\/]client[\\/]client[\\/]theme[\\/]SearchPage[\\/]SearchPage\.jsx$/,
              enforce: 'pre' as const,
              use: [require.resolve('./search-page-label-loader.cjs')],
            },
          ],
        },
        resolve: {
          alias: {
            // Exact matches only: `lunr` is ours, `lunr/lunr.js` (imported by ours) the plugin's file.
            lunr$: path.join(__dirname, '../search/lunr.ts'),
            'lunr/lunr.js$': lunrFile,
          },
        },
      };
    },
  };
}
