/**
 * What Docusaurus itself loads for a docs folder: the installed docs plugin, run the way
 * `docusaurus build` runs it (site context from docusaurus.config.ts, options validated by the
 * plugin's own schema, then `loadContent()`). Nothing is written to disk. Used to compare the
 * course's own readers (content-index's routes, course-sections) with the real thing.
 */
import path from 'node:path';
import type { LoadContext } from '@docusaurus/types';
import type { LoadedContent, LoadedVersion, Options, PluginOptions } from '@docusaurus/plugin-content-docs';

export const ROOT = path.resolve(__dirname, '../..');

type SiteModule = { loadContext: (params: { siteDir: string }) => Promise<LoadContext> };
type InitModule = {
  initPlugins: (context: LoadContext) => Promise<{ name: string; options: { id?: string }; loadContent?: () => Promise<unknown> }[]>;
};
type DocsModule = {
  default: (context: LoadContext, options: PluginOptions) => Promise<{ loadContent?: () => Promise<LoadedContent> }>;
  validateOptions: (args: { validate: unknown; options: Options }) => PluginOptions;
};

let context: Promise<LoadContext> | undefined;
/** The real site's context (its docusaurus.config.ts), loaded once. */
export function siteContext(): Promise<LoadContext> {
  context ??= (import('@docusaurus/core/lib/server/site.js') as Promise<SiteModule>).then((m) => m.loadContext({ siteDir: ROOT }));
  return context;
}

/** Every docs instance of the real site (id → its loaded version), as the build loads them. */
export async function loadSiteDocs(): Promise<Map<string, LoadedVersion>> {
  const { initPlugins } = (await import('@docusaurus/core/lib/server/plugins/init.js')) as InitModule;
  const plugins = await initPlugins(await siteContext());
  const result = new Map<string, LoadedVersion>();
  for (const plugin of plugins) {
    if (plugin.name !== 'docusaurus-plugin-content-docs') continue;
    const content = (await plugin.loadContent!()) as LoadedContent;
    result.set(plugin.options.id ?? 'default', content.loadedVersions[0]);
  }
  return result;
}

/** The docs plugin run on a folder of `siteDir` (a fixture), with the given options. */
export async function loadFixtureDocs(siteDir: string, options: Partial<Options>): Promise<LoadedVersion> {
  const docs = (await import('@docusaurus/plugin-content-docs')) as unknown as DocsModule;
  const { normalizePluginOptions } = (await import('@docusaurus/utils-validation')) as { normalizePluginOptions: unknown };
  const base = await siteContext();
  const validated = docs.validateOptions({ validate: normalizePluginOptions, options: { id: 'fixture', ...options } as Options });
  const plugin = await docs.default({ ...base, siteDir, localizationDir: path.join(siteDir, 'i18n', 'en') }, validated);
  const content = await plugin.loadContent!();
  return content.loadedVersions[0];
}
