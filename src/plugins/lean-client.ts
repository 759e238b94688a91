/**
 * Keeps work off the first load of every page.
 *
 * Docusaurus's classic theme registers a client module that imports Prism and its bundled
 * grammars on every page so that it can add `additionalLanguages` (we add none). Building those
 * grammars cost about 250 ms of main-thread time on a throttled phone CPU (Lighthouse mobile),
 * on pages with no code at all. We replace that module with an empty one, and point
 * `prism-react-renderer` (which bundles ~30 grammars) at a lean version with the course's languages.
 */
import path from 'node:path';
import type { Plugin } from '@docusaurus/types';

const PRISM_CLIENT_MODULE = /@docusaurus[\\/]theme-classic[\\/]lib[\\/]prism-include-languages(\.js)?$/;

export default function leanClientPlugin(): Plugin {
  return {
    name: 'lean-client',
    configureWebpack(_config, _isServer, utils) {
      const { NormalModuleReplacementPlugin } = utils.currentBundler.instance as unknown as {
        NormalModuleReplacementPlugin: new (re: RegExp, replacement: string) => never;
      };
      return {
        plugins: [new NormalModuleReplacementPlugin(PRISM_CLIENT_MODULE, path.join(__dirname, 'empty-client-module.js'))],
        // Code blocks: Prism with the course's languages only (see src/prism/index.ts).
        resolve: { alias: { 'prism-react-renderer$': path.join(__dirname, '../prism/index.ts') } },
      };
    },
  };
}
