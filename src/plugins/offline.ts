/**
 * The course offline after one visit, and installable as an app.
 *
 * `@docusaurus/plugin-pwa` (Workbox) builds `sw.js` and the list of files it precaches. This
 * plugin wraps it so that:
 *
 * - offline works for every reader, not only for an installed app (`offlineModeActivationStrategies:
 *   ['always']`; the plugin's default turns offline on only in standalone or `?offlineMode=true`);
 * - the precache holds everything a page needs: the plugin's own file patterns (HTML, JS, CSS,
 *   JSON, images, fonts) are fixed in its code (it overwrites `injectManifestConfig.globPatterns`),
 *   so the WebAssembly files of TensorFlow.js are added here by `manifestTransforms`, and
 *   KaTeX's .woff/.ttf faces are left out (every browser that runs a service worker reads woff2);
 * - pages are precached under the address a reader opens: with `trailingSlash: false` the page
 *   `/lessons/knn` is the file `lessons/knn.html`, and the plugin's service worker looks up only
 *   `/lessons/knn` and `/lessons/knn/index.html`;
 * - the service worker is registered by `src/client/offline.ts` after the page has loaded and the
 *   browser is idle (not by the plugin's client module, which starts at once and reloads the
 *   page when the app is installed), and a new deploy shows `UpdatePrompt`;
 * - the web app manifest is written from `course.config.ts`, with addresses relative to itself,
 *   so it works under any base URL;
 * - each language has its own service worker and precache: the French edition is built into
 *   build/fr/ with its own sw.js (scope /fr/, addresses relative to it) and stores the French site
 *   only; the English one never lists build/fr/ (Docusaurus empties build/ before building English,
 *   and the other languages' folders are left out here too, should one be there).
 *
 * Under `npm start` the plugin does nothing (Docusaurus's PWA plugin is production-only).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import type { PluginOptions as PwaOptions } from '@docusaurus/plugin-pwa';
import pluginPWA from '@docusaurus/plugin-pwa/lib/index.js';
import type { ManifestTransform } from 'workbox-build';

export type OfflineOptions = {
  /** The app's name (course.config.ts `title`). */
  name: string;
  /** One line about the course (course.config.ts `tagline`). */
  description: string;
  /** The colour of the app's title bar: the site's primary colour. */
  themeColor: string;
  /** The colour of the title bar in dark mode. */
  darkThemeColor: string;
};

/** The web app manifest's file name in the build (precached: it ends in .json). */
export const MANIFEST_FILE = 'manifest.json';
/** PNG icons in static/img/, made from static/img/logo.svg by `node scripts/make-icons.mjs`. */
export const ICONS = [
  { src: 'img/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
  { src: 'img/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
  { src: 'img/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
];
/** Files the plugin's fixed patterns miss and a page needs offline (tfjs's WebAssembly backend). */
const EXTRA_FILES = /\.wasm$/;
/** Font formats never downloaded by a browser that runs service workers (KaTeX lists woff2 first). */
const UNUSED_FONTS = ['**/*.woff', '**/*.ttf', '**/*.eot', '**/*.otf'];
/** Larger than any file in the build (the biggest, tfjs's threaded WebAssembly, is under 1 MB). */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** The web app manifest. Relative addresses resolve against the manifest's own URL (the base URL). */
export function webManifest(options: OfflineOptions) {
  return {
    name: options.name,
    short_name: options.name,
    description: options.description,
    id: './',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: options.themeColor,
    icons: ICONS,
  };
}

/**
 * The address a reader opens for a built file: `lessons/knn.html` → `lessons/knn`
 * (trailingSlash: false); `index.html` files and `404.html` stay as they are (the service worker
 * finds `/` and `/glossary/` through their `index.html`).
 */
export function precacheUrl(file: string): string {
  if (!file.endsWith('.html') || file === '404.html' || file === 'index.html' || file.endsWith('/index.html')) return file;
  return file.slice(0, -'.html'.length);
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  });
}

/**
 * Workbox `manifestTransforms` step: page addresses, plus the files the fixed patterns miss
 * (outside `otherLocales`' folders: build/fr/ is the French edition's, with its own worker).
 */
export function precacheTransform(outDir: string, otherLocales: string[] = []): ManifestTransform {
  const elsewhere = (file: string) => otherLocales.some((locale) => file.startsWith(path.join(outDir, locale) + path.sep));
  return (entries) => {
    const manifest = entries.map((entry) => ({ ...entry, url: precacheUrl(entry.url) }));
    const warnings: string[] = [];
    for (const file of filesUnder(outDir).filter((f) => EXTRA_FILES.test(f) && !elsewhere(f))) {
      const body = fs.readFileSync(file);
      if (body.length > MAX_FILE_BYTES) warnings.push(`${file} is over ${MAX_FILE_BYTES} bytes: not precached`);
      else
        manifest.push({
          url: path.relative(outDir, file).split(path.sep).join('/'),
          revision: crypto.createHash('md5').update(body).digest('hex'),
          size: body.length,
        });
    }
    return { manifest, warnings };
  };
}

/**
 * The options handed to Docusaurus's PWA plugin. `otherLocales`: the site's other languages, whose
 * folders in `outDir` (build/fr/ in the English build) are not this worker's to precache.
 */
export function pwaOptions(options: OfflineOptions, outDir: string, otherLocales: string[] = []): PwaOptions {
  return {
    debug: false,
    offlineModeActivationStrategies: ['always'],
    // Registered by src/client/offline.ts instead (after load and idle).
    swRegister: false,
    // Takes charge of the pages already open once the first copy is stored (src/sw/claim.js).
    swCustom: path.resolve(__dirname, '../sw/claim.js'),
    injectManifestConfig: {
      globIgnores: [...UNUSED_FONTS, ...otherLocales.map((locale) => `${locale}/**`)],
      maximumFileSizeToCacheInBytes: MAX_FILE_BYTES,
      manifestTransforms: [precacheTransform(outDir, otherLocales)],
    },
    pwaHead: [
      { tagName: 'link', rel: 'manifest', href: MANIFEST_FILE },
      { tagName: 'meta', name: 'theme-color', media: '(prefers-color-scheme: light)', content: options.themeColor },
      { tagName: 'meta', name: 'theme-color', media: '(prefers-color-scheme: dark)', content: options.darkThemeColor },
      { tagName: 'link', rel: 'apple-touch-icon', href: ICONS[0].src },
    ],
    // swSrc, swDest and globDirectory are set by the plugin.
  } as unknown as PwaOptions;
}

export default function offlinePlugin(context: LoadContext, options: OfflineOptions): Plugin<void> | null {
  // build/fr/ in the English build is the French edition's (its own worker): not this one's.
  const otherLocales = (context.i18n.locales ?? []).filter((locale) => locale !== context.i18n.currentLocale);
  const pwa = pluginPWA(context, pwaOptions(options, context.outDir, otherLocales));
  if (!pwa) return null; // development server, or the hash router
  return {
    name: 'offline',
    getClientModules: () => [path.resolve(__dirname, '../client/offline.ts')],
    configureWebpack: pwa.configureWebpack,
    injectHtmlTags: pwa.injectHtmlTags,
    async postBuild(props) {
      // The manifest first: the PWA plugin's postBuild lists the build's files for the precache.
      fs.writeFileSync(path.join(props.outDir, MANIFEST_FILE), `${JSON.stringify(webManifest(options), null, 2)}\n`);
      await pwa.postBuild!(props);
    },
  };
}
