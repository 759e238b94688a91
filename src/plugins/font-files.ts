/**
 * Serve fonts as files, never inlined into the CSS. Docusaurus inlines files under 10 KB as
 * base64; with KaTeX's 60 font files (woff2, woff and ttf of each face) that put about 75 KB
 * (gzipped) of fonts the browser never uses into the render-blocking stylesheet of every page.
 * As files, the browser downloads only the woff2 faces a formula needs.
 */
import type { Plugin } from '@docusaurus/types';

type LoaderUse = { loader?: string; options?: { limit?: number } };
type Rule = { test?: unknown; use?: LoaderUse[] };

export default function fontFilesPlugin(): Plugin {
  return {
    name: 'font-files',
    configureWebpack(config) {
      for (const rule of (config.module?.rules ?? []) as Rule[]) {
        if (rule && rule.test instanceof RegExp && rule.test.test('x.woff2') && Array.isArray(rule.use)) {
          for (const use of rule.use) if (use.options && 'limit' in use.options) use.options.limit = 0;
        }
      }
      return {};
    },
  };
}
