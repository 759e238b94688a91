/**
 * The site patches Docusaurus and plugin internals in ten places (CONTRIBUTING.md, "Patches of
 * Docusaurus internals"). These checks need no build: they fail when an upgrade removes or
 * reshapes the internal a patch hooks into, or when Docusaurus is no longer pinned to one
 * version. What each patch does to the built site is checked in tests/browser/patches.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ssrTemplate } from '../../src/plugins/ssr-template';
import leanClientPlugin from '../../src/plugins/lean-client';
import fontFilesPlugin from '../../src/plugins/font-files';
import quietBuildPlugin from '../../src/plugins/quiet-build';
import { searchPluginLunr } from '../../src/plugins/search-folding';

const ROOT = path.resolve(__dirname, '../..');
const siteRequire = createRequire(path.join(ROOT, 'package.json'));
const read = (file: string) => fs.readFileSync(file, 'utf8');
/** A file inside an installed package, e.g. pkg('@docusaurus/core', 'lib/ssg/ssgTemplate.js'). */
const pkg = (name: string, file = '') => path.join(ROOT, 'node_modules', name, file);
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('Docusaurus is pinned to one version', () => {
  const manifest = JSON.parse(read(path.join(ROOT, 'package.json')));
  const declared: Record<string, string> = Object.fromEntries(
    ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']
      .flatMap((field) => Object.entries((manifest[field] ?? {}) as Record<string, string>))
      .filter(([name]) => name.startsWith('@docusaurus/')),
  );

  it('package.json names every @docusaurus/* package at one exact version', () => {
    expect(Object.keys(declared).length).toBeGreaterThan(3);
    for (const [name, range] of Object.entries(declared))
      expect(range, `${name}: "${range}" is a range; pin an exact version`).toMatch(/^\d+\.\d+\.\d+$/);
    expect(new Set(Object.values(declared)).size, `@docusaurus/* versions differ: ${JSON.stringify(declared)}`).toBe(1);
  });

  it('package-lock.json holds a single version of every @docusaurus/* package, the pinned one', () => {
    const lock = JSON.parse(read(path.join(ROOT, 'package-lock.json')));
    const versions = new Map<string, Set<string>>();
    for (const [where, entry] of Object.entries(lock.packages as Record<string, { version?: string }>)) {
      const name = /(?:^|\/)node_modules\/(@docusaurus\/[^/]+)$/.exec(where)?.[1];
      if (name && entry.version) versions.set(name, (versions.get(name) ?? new Set()).add(entry.version));
    }
    const pinned = Object.values(declared)[0];
    expect(versions.size).toBeGreaterThan(10);
    const problems = [...versions].filter(([, v]) => v.size !== 1 || !v.has(pinned)).map(([name, v]) => `${name}: ${[...v].join(', ')}`);
    expect(problems, `expected every @docusaurus/* package at ${pinned} only`).toEqual([]);
    expect(JSON.parse(read(pkg('@docusaurus/core', 'package.json'))).version).toBe(pinned);
  });
});

describe('patched internals still exist in the installed Docusaurus', () => {
  it("ssr-template: Docusaurus's own page template is unchanged apart from how scripts load", () => {
    const { default: original } = siteRequire('@docusaurus/core/lib/ssg/ssgTemplate.html.js') as { default: string };
    const deferScripts =
      /<% it\.scripts\.forEach\(\(script\) => \{ %>\s*<script src="<%= it\.baseUrl %><%= script %>" defer><\/script>\s*<% \}\); %>/;
    const preloadScripts =
      /<% it\.scripts\.forEach\(\(script\) => \{ %>\s*<link rel="preload" as="script" fetchpriority="low" href="<%= it\.baseUrl %><%= script %>" \/>\s*<% \}\); %>/;
    const starter = /<script>\s*\(function \(scripts\) \{[\s\S]*?requestAnimationFrame[\s\S]*?<\/script>\s*(?=<\/body>)/;
    expect(original).toMatch(deferScripts);
    expect(ssrTemplate).toMatch(preloadScripts);
    expect(ssrTemplate).toMatch(starter);
    expect(squash(ssrTemplate.replace(preloadScripts, 'SCRIPTS').replace(starter, ''))).toBe(
      squash(original.replace(deferScripts, 'SCRIPTS')),
    );
    // …and renders it with every variable our template uses.
    const render = read(pkg('@docusaurus/core', 'lib/ssg/ssgTemplate.js'));
    const data = /const data = \{([^}]*)\}/.exec(render)?.[1] ?? '';
    const passed = new Set(
      data
        .split(',')
        .map((entry) => entry.split(':')[0].trim())
        .filter(Boolean),
    );
    const used = new Set([...ssrTemplate.matchAll(/\bit\.(\w+)/g)].map((m) => m[1]));
    expect([...used].filter((name) => !passed.has(name))).toEqual([]);
  });

  it("lean-client: the theme's Prism client module is still there, and is the module replaced", () => {
    const clientModule = siteRequire.resolve('@docusaurus/theme-classic/lib/prism-include-languages.js');
    expect(read(pkg('@docusaurus/theme-classic', 'lib/index.js'))).toContain("'./prism-include-languages'");
    expect(read(clientModule)).toMatch(/import \{ Prism \} from 'prism-react-renderer'/);
    const replacements: { re: RegExp; to: string }[] = [];
    class NormalModuleReplacementPlugin {
      constructor(re: RegExp, to: string) {
        replacements.push({ re, to });
      }
    }
    const result = leanClientPlugin().configureWebpack!(
      {} as never,
      false,
      { currentBundler: { instance: { NormalModuleReplacementPlugin } } } as never,
      {} as never,
    ) as {
      resolve: { alias: Record<string, string> };
    };
    expect(replacements).toHaveLength(1);
    expect(replacements[0].re.test(clientModule)).toBe(true);
    expect(replacements[0].re.test(clientModule.replace(/\.js$/, ''))).toBe(true);
    expect(fs.existsSync(replacements[0].to)).toBe(true);
    expect(result.resolve.alias['prism-react-renderer$']).toBe(path.join(ROOT, 'src/prism/index.ts'));
  });

  it('lean-client: src/prism exports everything the theme and plugins import from prism-react-renderer', async () => {
    const walk = (dir: string): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : /\.jsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
    const files = [
      pkg('@docusaurus/theme-classic', 'lib'),
      pkg('@docusaurus/theme-common', 'lib'),
      pkg('@easyops-cn/docusaurus-search-local', 'dist/client'),
    ].flatMap(walk);
    const imported = new Set<string>();
    for (const file of files) {
      for (const m of read(file).matchAll(/import\s*\{([^}]*)\}\s*from\s*['"]prism-react-renderer['"]/g)) {
        for (const name of m[1].split(','))
          if (name.trim() && !name.trim().startsWith('type ')) imported.add(name.trim().split(/\s+as\s+/)[0]);
      }
    }
    expect([...imported].sort()).toEqual(['Highlight', 'Prism']);
    const lean = (await import('../../src/prism/index')) as Record<string, unknown>;
    for (const name of imported) expect(lean[name], `src/prism/index.ts must export ${name}`).toBeDefined();
    // Only the course's languages (CONTRIBUTING.md): a new one is added there on purpose.
    const languages = (lean.Prism as { languages: Record<string, unknown> }).languages;
    const seen = new Set<unknown>();
    const grammars = Object.keys(languages).filter((name) => {
      const grammar = languages[name];
      if (typeof grammar !== 'object' || seen.has(grammar)) return false; // an alias (ts, html…)
      seen.add(grammar);
      return true;
    });
    expect(grammars.sort()).toEqual(LANGUAGES);
  });

  it("font-files: Docusaurus still inlines fonts through url-loader's limit, which the plugin sets to 0", () => {
    expect(read(pkg('@docusaurus/core', 'lib/webpack/base.js'))).toContain('fileLoaderUtils.rules.fonts()');
    const { getFileLoaderUtils } = siteRequire('@docusaurus/utils') as {
      getFileLoaderUtils: (isServer: boolean) => { rules: Record<string, () => { test: RegExp; use: { options: { limit?: number } }[] }> };
    };
    const { rules } = getFileLoaderUtils(false);
    const fonts = rules.fonts();
    const images = rules.images();
    expect(fonts.use[0].options.limit).toBeGreaterThan(0);
    fontFilesPlugin().configureWebpack!({ module: { rules: [images, fonts] } } as never, false, {} as never, {} as never);
    expect(fonts.use[0].options.limit).toBe(0);
    expect(images.use[0].options.limit).toBeGreaterThan(0);
  });

  it('idle-prefetch: the client still prefetches through window.docusaurus.prefetch, assigned after client modules load', () => {
    const entry = read(pkg('@docusaurus/core', 'lib/client/clientEntry.js'));
    expect(entry).toMatch(/window\.docusaurus = docusaurus;/);
    expect(entry.indexOf("import App from './App'")).toBeGreaterThanOrEqual(0);
    expect(read(pkg('@docusaurus/core', 'lib/client/exports/Link.js'))).toMatch(/window\.docusaurus\.prefetch\(/);
    expect(read(pkg('@docusaurus/core', 'lib/client/docusaurus.js'))).toMatch(/prefetch,\s*preload|prefetch[\s\S]*preload/);
  });

  it('hydration: the app hydrates #__docusaurus and calls onRouteDidUpdate after the first render', () => {
    const entry = read(pkg('@docusaurus/core', 'lib/client/clientEntry.js'));
    expect(entry).toContain("document.getElementById('__docusaurus')");
    expect(entry).toContain('hydrateRoot');
    const dispatcher = read(pkg('@docusaurus/core', 'lib/client/ClientLifecyclesDispatcher.js'));
    expect(dispatcher).toMatch(/useIsomorphicLayoutEffect\(\(\) => \{[\s\S]*?dispatchLifecycleAction\('onRouteDidUpdate'/);
  });

  it("CodeBlock override: the theme's CodeBlock is still the one that re-mounts every block after hydration", () => {
    const original = read(pkg('@docusaurus/theme-classic', 'lib/theme/CodeBlock/index.js'));
    expect(original).toContain('key={String(isBrowser)}');
    for (const part of ['Element', 'String'])
      expect(
        fs.existsSync(pkg('@docusaurus/theme-classic', `lib/theme/CodeBlock/Content/${part}.js`)),
        `@theme/CodeBlock/Content/${part}`,
      ).toBe(true);
  });

  it('search stand-in: the real bar loads its index on hover, which the stand-in triggers', () => {
    const bar = read(pkg('@easyops-cn/docusaurus-search-local', 'dist/client/client/theme/SearchBar/SearchBar.jsx'));
    expect(bar).toMatch(/const onInputMouseEnter = useCallback\(\(\) => \{\s*loadIndex\(\);/);
    expect(bar).toMatch(/onMouseEnter=\{onInputMouseEnter\}/);
    expect(bar).toContain('navbar__search-input');
    expect(fs.existsSync(pkg('@easyops-cn/docusaurus-search-local', 'dist/client/client/theme/SearchBar/index.jsx'))).toBe(true);
  });

  it("offline: the PWA plugin still fixes its own file patterns, reads offlineMode from the worker's URL and finds a page only as href or href/index.html", () => {
    const index = squash(read(pkg('@docusaurus/plugin-pwa', 'lib/index.js')));
    // injectManifestConfig.globPatterns is overwritten: offline.ts adds the .wasm files in manifestTransforms.
    expect(index).toMatch(/\.\.\.injectManifestConfig, globPatterns: \[ '\*\*\/\*\.\{js,json,css,html\}',/);
    expect(index, 'the plugin now precaches .wasm itself: drop EXTRA_FILES from offline.ts').not.toMatch(/wasm/);
    expect(index).toMatch(/if \(process\.env\.NODE_ENV !== 'production'\) \{ return null; \}/);
    const sw = squash(read(pkg('@docusaurus/plugin-pwa', 'lib/sw.js')));
    // src/client/offline-register.ts builds the worker's URL with these params.
    expect(sw).toContain("JSON.parse(new URLSearchParams(self.location.search).get('params'))");
    expect(sw).toMatch(/if \(params\.offlineMode\) \{ controller\.addToCacheList\(precacheManifest\);/);
    // Pages are precached under their addresses (precacheUrl) because the worker looks up only these two.
    expect(sw).toContain(
      "return [ // /blog.html urlObject.href, // /blog/ => /blog/index.html // /blog => /blog/index.html `${urlObject.href}${urlObject.pathname.endsWith('/') ? '' : '/'}index.html`, ];",
    );
    // swCustom (src/sw/claim.js) runs before the worker adds its own listeners; UpdatePrompt's Reload sends SKIP_WAITING.
    expect(sw).toMatch(/await runSWCustomCode\(params\); self\.addEventListener\('install'/);
    expect(sw).toContain("if (type === 'SKIP_WAITING')");
  });

  it('sidebar progress marks: the theme still spreads extra props of DocSidebarItem/Link and /Category onto their link', () => {
    const link = squash(read(pkg('@docusaurus/theme-classic', 'lib/theme/DocSidebarItem/Link/index.js')));
    expect(link).toMatch(/export default function DocSidebarItemLink\(\{ item, onItemClick, activePath, level, index, \.\.\.props \}\)/);
    expect(link).toMatch(/<Link className=\{clsx\( ?'menu__link'[\s\S]*?\{\.\.\.props\}>/);
    expect(link).toContain('const {href, label, className, autoAddBaseUrl} = item;');
    const category = squash(read(pkg('@docusaurus/theme-classic', 'lib/theme/DocSidebarItem/Category/index.js')));
    expect(category).toMatch(
      /function DocSidebarItemCategoryCollapsible\(\{ item, onItemClick, activePath, level, index, \.\.\.props \}\)/,
    );
    expect(category).toMatch(/className=\{clsx\( ?styles\.categoryLink, 'menu__link'[\s\S]*?\{\.\.\.props\}>/);
    // A category with no visible pages renders as a link, with the same props.
    expect(category).toMatch(/return <DocSidebarItemLink item=\{linkItem\} \{\.\.\.props\} \/>;/);
  });

  it("search folding: the search plugin builds its indexes with lunr's Builder and the bare 'lunr' module, and its worker loads them with lunr.Index.load", () => {
    const dist = (file: string) => read(pkg('@easyops-cn/docusaurus-search-local', `dist/${file}`));
    // Server: the builder's pipelines are set in the lunr() callback, then documents added with this.add
    // (src/search/fold.ts hooks Builder#add and Builder#build of the lunr file search-folding.ts resolves).
    const buildIndex = squash(dist('server/server/utils/buildIndex.js'));
    expect(buildIndex).toContain('const lunr_1 = tslib_1.__importDefault(require("lunr"));');
    expect(buildIndex).toMatch(/index: \(0, lunr_1\.default\)\(function \(\) \{.*this\.use\(plugin\);.*this\.add\(/);
    expect(buildIndex).toContain('lunr_1.default.multiLanguage(...language)');
    // Client: the worker and its helpers import the bare 'lunr' (aliased to src/search/lunr.ts); the
    // generated constants import the file the plugin resolves (aliased as lunr/lunr.js for ours).
    const worker = dist('client/client/theme/worker.js');
    expect(worker).toContain('import lunr from "lunr";');
    expect(worker).toContain('index: lunr.Index.load(index)');
    expect(worker).toMatch(/import \{ searchIndexUrl, language \} from "\.\.\/utils\/proxiedGeneratedConstants";/);
    for (const helper of ['tokenize', 'smartQueries'])
      expect(dist(`client/client/utils/${helper}.js`)).toContain('import lunr from "lunr";');
    expect(dist('server/server/utils/generate.js')).toContain('`import lunr from ${JSON.stringify(require.resolve("lunr"))};`');
    const lunrFile = searchPluginLunr();
    expect(createRequire(pkg('@easyops-cn/docusaurus-search-local', 'dist/server/server/utils/generate.js')).resolve('lunr')).toBe(
      lunrFile,
    );
    expect(
      JSON.parse(read(path.join(path.dirname(lunrFile), 'package.json'))).version,
      'lunr 2: Pipeline.registerFunction, Builder#add and #build',
    ).toMatch(/^2\./);
  });

  it('quiet-build: silences exactly the two tfjs-wasm warnings, which the bundler still raises', async () => {
    const { ignoreWarnings } = quietBuildPlugin().configureWebpack!({} as never, false, {} as never, {} as never) as {
      ignoreWarnings: { module: RegExp; message: RegExp }[];
    };
    const result = await compileTfjsWasm(ignoreWarnings);
    expect(result.without.length, 'the bundler no longer warns about tfjs-wasm: remove quiet-build.ts').toBe(2);
    expect(result.without.join('\n')).toMatch(/"__filename" is used[\s\S]*"__dirname" is used/);
    expect(result.with).toEqual([]);
  }, 60_000);
});

/**
 * The grammars src/prism/index.ts loads (aliases such as js, ts or html not listed; plain comes
 * with Prism's core, xml with markup).
 */
const LANGUAGES = ['bash', 'clike', 'javascript', 'json', 'markdown', 'markup', 'plain', 'python', 'typescript', 'xml'];

/**
 * Bundles tfjs-backend-wasm's Emscripten glue for the browser with the installed Rspack (the
 * bundler Docusaurus runs here, `future.faster`), with and without the plugin's ignoreWarnings.
 */
async function compileTfjsWasm(ignoreWarnings: unknown[]): Promise<{ with: string[]; without: string[] }> {
  type Stats = { toJson: (o: object) => { warnings?: { message: string }[]; errors?: { message: string }[] } };
  const { rspack } = siteRequire('@rspack/core') as { rspack: (config: object, cb: (err: Error | null, stats?: Stats) => void) => void };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quiet-build-'));
  const entry = path.join(dir, 'entry.js');
  fs.writeFileSync(
    entry,
    `require(${JSON.stringify(siteRequire.resolve('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm.js'))});\n`,
  );
  const compile = (extra: object) =>
    new Promise<string[]>((resolve, reject) => {
      rspack(
        {
          mode: 'production',
          target: 'web',
          context: dir,
          entry,
          output: { path: path.join(dir, 'out') },
          optimization: { minimize: false },
          devtool: false,
          ...extra,
        },
        (err, stats) => {
          if (err || !stats) return reject(err ?? new Error('no stats'));
          const json = stats.toJson({ all: false, warnings: true, errors: true });
          if (json.errors?.length) return reject(new Error(json.errors.map((e) => e.message).join('\n')));
          resolve((json.warnings ?? []).map((w) => w.message));
        },
      );
    });
  try {
    return { without: await compile({}), with: await compile({ ignoreWarnings }) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
