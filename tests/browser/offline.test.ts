/**
 * The course offline after one visit (src/plugins/offline.ts): a reader opens one page with the
 * network on; once the service worker is active, the network goes off and another lesson (a
 * full page load), the search, a plain and a TensorFlow.js embed and a glossary page still work.
 * Then a new deploy: the reader is offered the new version, and Reload shows it.
 * The French edition (build/fr/, under /fr/) has its own service worker, which precaches the
 * French site only: a reader who opens /fr/ can open another French lesson and run its code
 * offline. The precaches' sizes and times on the local server are printed for the closing notes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { ROOT, axeViolations, baseURL, hydrated, isOtherOrigin, launchBrowser, saveScreenshotPath } from './harness';
import { startServer } from './serve.mjs';
import { precacheUrl } from '../../src/plugins/offline';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const FIRST_PAGE = '/lessons/what-is-machine-learning';
/** The other languages' builds, in build/<locale>/ (i18n/<locale>/): each has its own service worker. */
const LOCALES = fs
  .readdirSync(path.join(ROOT, 'i18n'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);
const LESSON = '/lessons/training/k-nearest-neighbours';
const GLOSSARY_PAGE = '/glossary/latency';

/** What the service worker stored; when the page had loaded and when the store was complete (ms from navigation start). */
type Precache = { files: number; bytes: number; loadedMs: number; completeMs: number };

const PRECACHE_LIST = /\[\{[^[\]]*?"?url"?:[^[\]]*\}\]/;
type PrecacheEntry = { url: string; revision: string | null };

/** The precache list baked into sw.js by Workbox: `[{"revision":…,"url":…},…]`. */
function precacheList(dir: string): PrecacheEntry[] {
  const list = PRECACHE_LIST.exec(fs.readFileSync(path.join(dir, 'sw.js'), 'utf8'));
  if (!list) throw new Error('no precache list in sw.js');
  // Minified JavaScript, maybe not JSON: quote the keys.
  return JSON.parse(list[0].replace(/([{,])(revision|url):/g, '$1"$2":'));
}

/** Rewrites the precache list in a copy of the build. */
function setPrecacheList(dir: string, list: PrecacheEntry[]): void {
  const file = path.join(dir, 'sw.js');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(PRECACHE_LIST, JSON.stringify(list)));
}

/**
 * A context whose requests to anything but the test server are recorded (they fail: the browser
 * reaches no other origin, launchBrowser), and whose page loads that fail (the network is off and
 * the service worker had no copy) are recorded.
 */
async function offlineReadyContext(origin: string, options: Parameters<Browser['newContext']>[0] = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const outside: string[] = [];
  const failed: string[] = [];
  const errors: string[] = [];
  context.on('requestfailed', (req) => {
    if (isOtherOrigin(req.url(), origin)) {
      outside.push(req.url());
      return;
    }
    const reason = req.failure()?.errorText ?? '';
    if (!reason.includes('ERR_ABORTED')) failed.push(`${req.url()} (${reason})`);
  });
  context.on('weberror', (err) => errors.push(err.error().message));
  context.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  return { context, outside, failed, errors };
}

/** Waits until the service worker has stored the whole course; returns what it stored. */
async function precacheComplete(page: Page): Promise<Precache> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready; // resolves once a worker is active
    const worker = registration.active!;
    if (worker.state !== 'activated')
      await new Promise<void>((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()));
    const completeMs = Math.round(performance.now());
    const loadedMs = Math.round((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
    let files = 0;
    let bytes = 0;
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        files += 1;
        bytes += (await (await cache.match(request))!.arrayBuffer()).byteLength;
      }
    }
    return { files, bytes, loadedMs, completeMs };
  });
}

/** Click Run and wait until the embed is idle again; returns its output. Its labels may be French. */
async function run(embed: Locator): Promise<string> {
  await embed.scrollIntoViewIfNeeded();
  await embed.getByRole('button', { name: /^(Run|Exécuter)$/ }).click();
  const log = embed.getByRole('log', { name: /^(Output|Sortie)$/ });
  await log.locator('pre').first().waitFor({ timeout: 30_000 });
  await expect.poll(() => embed.getAttribute('data-state'), { timeout: 30_000 }).toBe('idle');
  return log.innerText();
}

describe('offline after the first visit', () => {
  let context: BrowserContext;
  let page: Page;
  let checks: Awaited<ReturnType<typeof offlineReadyContext>>;

  it('precaches the whole course on the first visit', async () => {
    checks = await offlineReadyContext(baseURL());
    context = checks.context;
    page = await context.newPage();
    await page.goto(baseURL() + FIRST_PAGE);
    const stored = await precacheComplete(page);
    const list = precacheList(path.join(ROOT, 'build'));
    expect(stored.files).toBe(list.length);
    // What a reader downloads for it: the same files gzip-compressed, as a static host sends them.
    const gzipped = list
      .map((e) => path.join(ROOT, 'build', /\.[a-z0-9]+$/.test(e.url) ? e.url : `${e.url}.html`))
      .reduce((sum, file) => sum + zlib.gzipSync(fs.readFileSync(file)).length, 0);
    const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
    console.log(
      `[offline] precache: ${stored.files} files, ${mib(stored.bytes)} (${mib(gzipped)} gzipped); ` +
        `page loaded at ${stored.loadedMs} ms, precache complete at ${stored.completeMs} ms`,
    );
    // The page of the first visit is now served by the worker too (src/sw/claim.js).
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    expect(checks.outside).toEqual([]);
  });

  it("lists every file of each language's build a page can ask for, and none of another language's", () => {
    for (const locale of ['', ...LOCALES]) {
      const build = path.join(ROOT, 'build', locale);
      const list = precacheList(build).map((e) => e.url);
      const listed = new Set(list);
      const filesUnder = (dir: string): string[] =>
        fs
          .readdirSync(dir, { withFileTypes: true })
          // build/fr/ is the French edition: its own service worker (below).
          .filter((e) => !(dir === build && e.isDirectory() && LOCALES.includes(e.name)))
          .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
      const missing = filesUnder(build)
        .map((f) => path.relative(build, f).split(path.sep).join('/'))
        // Not asked for by pages: the worker itself, the sitemap, the test build's hash; fonts other
        // than woff2; the course PDF (npm run pdf: a 4 MB download, not part of reading offline).
        .filter((f) => !/^(sw\.js|sitemap\.xml|\.inputs-hash)$|\.(woff|ttf|eot|otf|pdf)$/.test(f))
        .filter((f) => !listed.has(precacheUrl(f)));
      expect(missing, `build/${locale}`).toEqual([]);
      // Addresses are relative to the worker (build/fr/sw.js: /fr/…): none leads into another language.
      expect(
        list.filter((url) => LOCALES.some((l) => url.startsWith(`${l}/`)) || /^(\/|\.\.\/|[a-z]+:)/.test(url)),
        `build/${locale}`,
      ).toEqual([]);
    }
  });

  it('opens another lesson, searches, runs a plain and a TensorFlow.js embed, and opens a glossary page with the network off', async () => {
    await context.setOffline(true);
    // TensorFlow.js falls back to its slower CPU backend when its WebAssembly cannot load: check
    // the .wasm file itself came from the service worker.
    const wasmFromCache: string[] = [];
    context.on('response', (response) => {
      if (/\.wasm$/.test(new URL(response.url()).pathname) && response.ok() && response.fromServiceWorker())
        wasmFromCache.push(response.url());
    });
    // A full page load, not the app's client-side routing.
    await page.goto(baseURL() + LESSON);
    await hydrated(page);
    await expect.poll(() => page.locator('h1').first().innerText()).toMatch(/nearest neighbours/i);

    const plain = page.locator('[data-runnable-entry="knn/demo-iris.ts"]').first();
    expect(await run(plain)).toMatch(/Accuracy with k = 5: \d+\.\d%/);
    const tfjs = page.locator('[data-runnable-entry="knn/demo-tfjs.ts"]').first();
    const tfjsOutput = await run(tfjs);
    expect(tfjsOutput).toContain('TensorFlow.js backend: ready');
    expect(tfjsOutput).toContain('Same predictions.');
    expect(wasmFromCache.length).toBeGreaterThan(0);

    const input = page.getByLabel('Search', { exact: true }).first();
    await input.scrollIntoViewIfNeeded();
    await input.click();
    await page.keyboard.type('latency');
    const option = page
      .getByRole('option')
      .filter({ hasText: /Latency/ })
      .first();
    await expect.poll(() => option.count(), { timeout: 15_000 }).toBeGreaterThan(0);

    await page.goto(baseURL() + GLOSSARY_PAGE);
    await hydrated(page);
    expect(await page.locator('h1').first().innerText()).toMatch(/Latency/);

    expect(checks.failed).toEqual([]);
    expect(checks.errors).toEqual([]);
    expect(checks.outside).toEqual([]);
    await context.close();
  });
});

describe('the French edition offline after the first visit', () => {
  it('precaches the French site from /fr/ with its own service worker, then opens a French lesson and runs its code with the network off', async () => {
    const checks = await offlineReadyContext(baseURL());
    const page = await checks.context.newPage();
    await page.goto(`${baseURL()}/fr/`);
    const stored = await precacheComplete(page);
    // Its own worker, at /fr/sw.js for the pages under /fr/, with the French build's list.
    const registration = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.ready;
      return { scope: r.scope, script: r.active!.scriptURL, caches: await caches.keys() };
    });
    expect(registration.scope).toBe(`${baseURL()}/fr/`);
    expect(new URL(registration.script).pathname).toBe('/fr/sw.js');
    expect(registration.caches.every((name) => name.endsWith(`${baseURL()}/fr/`))).toBe(true);
    const build = path.join(ROOT, 'build', 'fr');
    const list = precacheList(build);
    expect(stored.files).toBe(list.length);
    const gzipped = list
      .map((e) => path.join(build, /\.[a-z0-9]+$/.test(e.url) ? e.url : `${e.url}.html`))
      .reduce((sum, file) => sum + zlib.gzipSync(fs.readFileSync(file)).length, 0);
    const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
    console.log(
      `[offline] French precache: ${stored.files} files, ${mib(stored.bytes)} (${mib(gzipped)} gzipped); ` +
        `page loaded at ${stored.loadedMs} ms, precache complete at ${stored.completeMs} ms`,
    );

    await checks.context.setOffline(true);
    const response = await page.goto(`${baseURL()}/fr${LESSON}`);
    expect(response?.fromServiceWorker()).toBe(true);
    await hydrated(page);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr-CA');
    expect(await page.locator('h1').first().innerText()).toMatch(/plus proches voisins/i);
    const plain = page.locator('[data-runnable-entry="knn/demo-iris.ts"]').first();
    expect(await run(plain)).toMatch(/Accuracy with k = 5: \d+\.\d%/);

    expect(checks.failed).toEqual([]);
    expect(checks.errors).toEqual([]);
    expect(checks.outside).toEqual([]);
    await checks.context.close();
  });
});

// The two looks side by side: each has its own copy of the build, server and browser context.
describe.concurrent('a new deploy', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  /**
   * A copy of the build on its own port: its own origin, so its own service worker. Its service
   * worker precaches only the first page and the app's core files (the whole course is the test
   * above; here a smaller list keeps the test fast), and the rest comes from the network.
   */
  async function deployCopy(): Promise<{ dir: string; url: string }> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offline-deploy-'));
    fs.cpSync(path.join(ROOT, 'build'), dir, { recursive: true });
    const core = precacheList(dir).filter((e) => e.url === FIRST_PAGE.slice(1) || /^assets\/(css\/|js\/(main|runtime~main)\.)/.test(e.url));
    expect(core.length).toBeGreaterThanOrEqual(4);
    setPrecacheList(dir, core);
    const server = await startServer({ dir });
    cleanups.push(async () => {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    return { dir, url: server.url };
  }

  /** Deploy "version B" of one page: new HTML, and its new revision in the service worker's list. */
  function deployNewVersion(tmp: string, route: string) {
    const file = path.join(tmp, `${route.slice(1)}.html`);
    const html = fs.readFileSync(file, 'utf8').replace('<head>', '<head><meta name="course-version" content="B">');
    expect(html).toContain('content="B"');
    fs.writeFileSync(file, html);
    const list = precacheList(tmp);
    const entry = list.find((e) => e.url === route.slice(1));
    expect(entry, `no precache entry for ${route} in sw.js`).toBeDefined();
    entry!.revision = 'b0000000000000000000000000000b';
    setPrecacheList(tmp, list);
  }

  for (const look of [
    { name: '1280 px, light', viewport: { width: 1280, height: 800 }, colorScheme: 'light' as const },
    { name: '360 px, dark', viewport: { width: 360, height: 740 }, colorScheme: 'dark' as const },
  ]) {
    it(`offers the new version, keeps the old one until Reload, then shows the new one (${look.name})`, async ({ expect }) => {
      const t0 = Date.now();
      const mark = (what: string) => console.log(`[offline] ${look.name}: ${what} at ${Date.now() - t0} ms`);
      const site = await deployCopy();
      const checks = await offlineReadyContext(site.url, { viewport: look.viewport, colorScheme: look.colorScheme });
      const page = await checks.context.newPage();
      await page.goto(site.url + FIRST_PAGE);
      await precacheComplete(page);
      await hydrated(page);
      mark('precached');

      deployNewVersion(site.dir, FIRST_PAGE);
      await page.reload(); // the browser checks sw.js on every page load and finds the new one
      const prompt = page.locator('[data-update-prompt]');
      await expect.poll(() => prompt.innerText(), { timeout: 20_000 }).toMatch(/new version of the course is available/);
      mark('prompt shown');
      expect(await prompt.getAttribute('role')).toBe('status');
      // Until the reader reloads, the page is the old version, whole.
      expect(await page.locator('meta[name="course-version"]').count()).toBe(0);

      const reload = page.getByRole('button', { name: 'Reload' });
      await reload.focus();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Reload');
      const box = (await prompt.locator('div').first().boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(look.viewport.width);
      expect(await axeViolations(page, '[data-update-prompt]')).toEqual([]);
      await page.screenshot({ path: saveScreenshotPath(`update-prompt-${look.viewport.width}-${look.colorScheme}`) });

      mark('checked');
      await Promise.all([page.waitForEvent('load', { timeout: 20_000 }), reload.press('Enter')]);
      mark('reloaded');
      await expect.poll(() => page.locator('meta[name="course-version"]').count()).toBe(1);
      expect(checks.failed).toEqual([]);
      expect(checks.errors).toEqual([]);
      expect(checks.outside).toEqual([]);
      await checks.context.close();
    });
  }
});
