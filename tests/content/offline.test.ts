/**
 * The offline plugin (src/plugins/offline.ts) without a site build: which addresses the service
 * worker stores pages under, which files it adds, the web app manifest, the tags in every
 * page's head under a fork's base URL, and a real run of Docusaurus's PWA plugin on a tiny
 * build folder (the service worker it writes and the list of files in it, which leaves out the
 * French edition's folder: build/fr/ has its own worker).
 * The whole site offline, in Chromium: tests/browser/offline.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadContext, Plugin, Props } from '@docusaurus/types';
import course from '../../course.config';
import offlinePlugin, { ICONS, MANIFEST_FILE, precacheUrl, webManifest, type OfflineOptions } from '../../src/plugins/offline';

const ROOT = path.resolve(__dirname, '../..');
const siteRequire = createRequire(path.join(ROOT, 'package.json'));
const OPTIONS: OfflineOptions = { name: course.title, description: course.tagline, themeColor: '#1b6e5a', darkThemeColor: '#1b1b1d' };

/** A production-mode plugin instance for a site at `baseUrl` that builds into `outDir`. */
function plugin(baseUrl: string, outDir: string): Plugin<void> {
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    const context = {
      outDir,
      baseUrl,
      siteDir: ROOT,
      i18n: { currentLocale: 'en', defaultLocale: 'en', locales: ['en', 'fr'] },
      siteConfig: { future: { experimental_router: 'browser' } },
    } as unknown as LoadContext;
    return offlinePlugin(context, OPTIONS)!;
  } finally {
    process.env.NODE_ENV = before;
  }
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(file: string): string {
  const png = fs.readFileSync(file);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  return `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`;
}

describe('addresses and files in the precache', () => {
  it('stores each page under the address a reader opens (trailingSlash: false)', () => {
    expect(precacheUrl('lessons/training/k-nearest-neighbours.html')).toBe('lessons/training/k-nearest-neighbours');
    expect(precacheUrl('glossary.html')).toBe('glossary');
    expect(precacheUrl('index.html')).toBe('index.html');
    expect(precacheUrl('glossary/index.html')).toBe('glossary/index.html');
    expect(precacheUrl('404.html')).toBe('404.html');
    expect(precacheUrl('assets/js/main.1234.js')).toBe('assets/js/main.1234.js');
  });

  it('is off under the development server', () => {
    const context = { outDir: '/tmp/x', baseUrl: '/', i18n: { currentLocale: 'en' }, siteConfig: { future: {} } } as unknown as LoadContext;
    expect(process.env.NODE_ENV).not.toBe('production');
    expect(offlinePlugin(context, OPTIONS)).toBeNull();
  });
});

describe('the installable app', () => {
  it('has a web app manifest named from course.config.ts, with addresses relative to the base URL', () => {
    const manifest = webManifest(OPTIONS);
    expect(manifest.name).toBe(course.title);
    expect(manifest.description).toBe(course.tagline);
    // Relative to the manifest's own URL, which is under the base URL whatever it is.
    expect(manifest.start_url).toBe('./');
    expect(manifest.scope).toBe('./');
    expect(manifest.display).toBe('standalone');
    expect(manifest.icons.map((i) => i.purpose)).toEqual(expect.arrayContaining(['any', 'maskable']));
  });

  it('has PNG icons in static/ of the sizes the manifest declares', () => {
    for (const icon of ICONS) expect(pngSize(path.join(ROOT, 'static', icon.src)), icon.src).toBe(icon.sizes);
  });

  it("puts the manifest, theme colours and touch icon in every page's head under a fork's base URL", () => {
    const { headTags } = plugin('/ml-on-the-edge/', '/tmp/unused').injectHtmlTags!({ content: undefined }) as {
      headTags: { tagName: string; attributes: Record<string, string> }[];
    };
    const attributes = headTags.map((t) => t.attributes);
    expect(attributes).toContainEqual({ rel: 'manifest', href: `/ml-on-the-edge/${MANIFEST_FILE}` });
    expect(attributes).toContainEqual({ rel: 'apple-touch-icon', href: '/ml-on-the-edge/img/icon-192.png' });
    expect(attributes.filter((a) => a.name === 'theme-color').map((a) => a.content)).toEqual(['#1b6e5a', '#1b1b1d']);
  });

  it('registers the service worker from its own client module, not the PWA plugin’s', () => {
    expect(plugin('/', '/tmp/unused').getClientModules!()).toEqual([path.join(ROOT, 'src/client/offline.ts')]);
  });
});

describe("Docusaurus's PWA plugin on a tiny build", () => {
  let outDir: string;
  let sw: string;
  let list: { url: string; revision: string | null }[];
  const files: Record<string, string> = {
    'index.html': '<!doctype html><title>Home</title>',
    'lessons/knn.html': '<!doctype html><title>kNN</title>',
    'glossary.html': '<!doctype html><title>Glossary</title>',
    '404.html': '<!doctype html><title>Not found</title>',
    'assets/js/main.abc.js': 'console.log(1)',
    'assets/css/styles.abc.css': 'body{}',
    'assets/files/tfjs-backend-wasm-abc.wasm': '\0asm',
    'assets/fonts/KaTeX_Main.woff2': 'w2',
    'assets/fonts/KaTeX_Main.woff': 'w1',
    'assets/fonts/KaTeX_Main.ttf': 'tt',
    'search-index.json': '[]',
    // The French edition, built into the English build's folder: its own worker lists these.
    'fr/index.html': '<!doctype html><title>Accueil</title>',
    'fr/lessons/knn.html': '<!doctype html><title>kNN</title>',
    'fr/assets/js/main.def.js': 'console.log(2)',
    'fr/assets/files/tfjs-backend-wasm-abc.wasm': '\0asm',
  };
  beforeAll(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'offline-plugin-'));
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true });
      fs.writeFileSync(path.join(outDir, file), text);
    }
    const rspack = siteRequire('@rspack/core');
    const props = {
      outDir,
      baseUrl: '/ml-on-the-edge/',
      siteConfig: { future: { faster: { swcJsMinimizer: true, rspackBundler: true } } },
      currentBundler: { name: 'rspack', instance: rspack.rspack ?? rspack },
    } as unknown as Props;
    await plugin('/ml-on-the-edge/', outDir).postBuild!({ ...props, content: undefined, head: {}, routesBuildMetadata: {} });
    sw = fs.readFileSync(path.join(outDir, 'sw.js'), 'utf8');
    const match = /\[\{[^[\]]*?"?url"?:[^[\]]*\}\]/.exec(sw);
    list = JSON.parse(match![0].replace(/([{,])(revision|url):/g, '$1"$2":'));
  }, 120_000);
  afterAll(() => {
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });

  it('writes the web app manifest before the file list is made, and lists it', () => {
    expect(JSON.parse(fs.readFileSync(path.join(outDir, MANIFEST_FILE), 'utf8')).name).toBe(course.title);
    expect(list.map((e) => e.url)).toContain(MANIFEST_FILE);
  });

  it('lists pages under their addresses, the WebAssembly, woff2 fonts and the search index, each with a revision, and nothing of another language', () => {
    // The swCustom module is a chunk of the service worker beside it (e.g. 484.sw.js).
    const urls = list
      .map((e) => e.url)
      .filter((url) => !/^\d+\.sw\.js$/.test(url))
      .sort();
    expect(urls).toEqual(
      [
        '404.html',
        'assets/css/styles.abc.css',
        'assets/files/tfjs-backend-wasm-abc.wasm',
        'assets/fonts/KaTeX_Main.woff2',
        'assets/js/main.abc.js',
        'glossary',
        'index.html',
        'lessons/knn',
        MANIFEST_FILE,
        'search-index.json',
      ].sort(),
    );
    for (const entry of list) expect(entry.revision, entry.url).toMatch(/^[0-9a-f]{32}$/);
  });

  it('builds a service worker that precaches only with offlineMode, and takes over open pages (swCustom)', () => {
    expect(sw).toContain('offlineMode');
    expect(sw).toContain('SKIP_WAITING');
    // Its chunk is loaded from under the base URL.
    expect(sw).toContain('"/ml-on-the-edge/"');
    const chunks = fs.readdirSync(outDir).filter((f) => f.endsWith('.sw.js'));
    expect(chunks).toHaveLength(1);
    expect(list.map((e) => e.url)).toContain(chunks[0]);
    expect(fs.readFileSync(path.join(outDir, chunks[0]), 'utf8')).toMatch(/clients\.claim\(\)/);
  });
});
