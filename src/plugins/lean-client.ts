/**
 * Keeps work off the first load of every page.
 *
 * Docusaurus's classic theme registers a client module that imports Prism and its bundled
 * grammars on every page so that it can add `additionalLanguages` (we add none). Building those
 * grammars cost about 250 ms of main-thread time on a throttled phone CPU (Lighthouse mobile),
 * on pages with no code at all. We replace that module with an empty one; code blocks still load
 * Prism with their own chunk when a page has them.
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
      };
    },
  };
}
