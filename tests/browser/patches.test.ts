/**
 * The patches of Docusaurus internals (CONTRIBUTING.md, "Patches of Docusaurus internals"), checked
 * on the built site: each test fails when an upgrade silently undoes what its patch buys. The
 * cheap checks that the patched internals still exist are in tests/content/patches.test.ts.
 * Also: the home page's sections come from docs/, and every glossary "Used in" link resolves.
 */
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseURL, launchBrowser, networkQuiet, openPage, ROOT } from './harness';

const LESSON_WITH_EMBEDS = '/lessons/training/k-nearest-neighbours';
const PAGE_WITH_CODE_BLOCKS = '/labs/raspberry-pi-edge-impulse';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function get(route: string): Promise<{ status: number; body: string; type: string }> {
  const res = await fetch(new URL(route, baseURL()));
  return { status: res.status, body: await res.text(), type: res.headers.get('content-type') ?? '' };
}

/** Attribute values of a tag in (minified) HTML: `href=/x` or `href="/x"`. */
const attr = (tag: string, name: string) =>
  new RegExp(`\\b${name}=(?:"([^"]*)"|([^\\s>]+))`)
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);
const tags = (html: string, name: string) => html.match(new RegExp(`<${name}\\b[^>]*>`, 'g')) ?? [];

/** Waits until React has hydrated the page (Docusaurus sets window.docusaurusRoot) and it is quiet. */
async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => !!(window as unknown as { docusaurusRoot?: unknown }).docusaurusRoot, null, { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
}

describe('ssr-template: scripts preloaded, run after the first paint', () => {
  it.each(['/', LESSON_WITH_EMBEDS])(
    '%s has no blocking or deferred app script, a low-priority preload for each, and hydrates',
    async (route) => {
      const { body } = await get(route);
      const head = body.slice(0, body.indexOf('</head>'));
      const external = tags(body, 'script').filter((t) => attr(t, 'src'));
      expect(external, "Docusaurus's <script defer src> tags are back: the ssr template is not in use").toEqual([]);
      const preloads = tags(head, 'link').filter((t) => attr(t, 'rel') === 'preload' && attr(t, 'as') === 'script');
      expect(preloads.length).toBeGreaterThanOrEqual(2);
      for (const t of preloads) expect(attr(t, 'fetchpriority')).toBe('low');
      const starter = /requestAnimationFrame\(function\s*\(\)\s*\{\s*setTimeout\(\w+,\s*0\)/.exec(body);
      expect(starter, 'the script that starts the app after the first paint').not.toBeNull();
      for (const t of preloads) expect(body).toContain(`"${attr(t, 'href')}"`);
      const { page, problems, context } = await openPage(browser);
      await page.goto(new URL(route, baseURL()).href);
      await hydrated(page);
      expect(problems.consoleErrors).toEqual([]);
      await context.close();
    },
  );
});

describe("lean-client and src/prism: only the course's Prism grammars reach the browser", () => {
  it('a page with code blocks highlights with exactly the listed languages, and no other grammar is downloaded', async () => {
    const { page, problems, context } = await openPage(browser);
    const scripts: string[] = [];
    page.on('response', (res) => {
      if (res.request().resourceType() === 'script') scripts.push(res.url());
    });
    await page.goto(new URL(PAGE_WITH_CODE_BLOCKS, baseURL()).href);
    await hydrated(page);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState('networkidle');
    const grammars = await page.evaluate(() => {
      const languages = ((window as unknown as { Prism?: { languages: Record<string, unknown> } }).Prism?.languages ?? {}) as Record<
        string,
        unknown
      >;
      const seen = new Set<unknown>();
      return Object.keys(languages).filter((k) => typeof languages[k] === 'object' && !seen.has(languages[k]) && !!seen.add(languages[k]));
    });
    expect(grammars.sort()).toEqual(['bash', 'clike', 'javascript', 'json', 'markdown', 'markup', 'plain', 'python', 'typescript', 'xml']);
    expect(await page.locator('.theme-code-block .token').count()).toBeGreaterThan(10);
    // prism-react-renderer's own bundle (about 30 grammars) or the theme's loader of Prism
    // components (every grammar Prism has): never.
    const GRAMMAR_WE_DO_NOT_USE = /languages\.(?:kotlin|rust|graphql|swift|objectivec|reason|go|yaml|cpp)\s*=/;
    for (const url of scripts) {
      const body = await (await fetch(url)).text();
      expect(GRAMMAR_WE_DO_NOT_USE.test(body), `${url} carries Prism grammars the course does not use`).toBe(false);
    }
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('idle-prefetch: link prefetching waits for idle time, 24 pages at most per view', () => {
  it('prefetches nothing while the page is busy, then at most 24 pages once idle', async () => {
    const { page, problems, context } = await openPage(browser);
    // Hold the idle callbacks of the prefetch queue (requested with a 5 s timeout) until released.
    await page.addInitScript(() => {
      const held: IdleRequestCallback[] = [];
      const w = window as unknown as { __held: IdleRequestCallback[]; __scheduled: number };
      w.__held = held;
      w.__scheduled = 0;
      const original = window.requestIdleCallback?.bind(window);
      window.requestIdleCallback = (fn: IdleRequestCallback, options?: IdleRequestOptions) => {
        if (options?.timeout === 5000) {
          w.__scheduled += 1;
          held.push(fn);
          return 0;
        }
        return original(fn, options);
      };
    });
    await page.goto(new URL('/glossary', baseURL()).href);
    await hydrated(page);
    // Bring every link into view, as a reader scrolling the page does.
    for (let y = 0; y < 20; y += 1) {
      await page.evaluate(() => window.scrollBy(0, window.innerHeight));
      // The observers that queue prefetches run after the next frames.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    }
    await networkQuiet(page);
    const links = await page.locator('main a[href^="/glossary/"]').count();
    expect(links).toBeGreaterThan(24);
    expect(await page.locator('link[rel="prefetch"]').count(), 'prefetch links before any idle time').toBe(0);
    // Now idle: run the held callbacks (each prefetches one page and schedules the next).
    await page.evaluate(() => {
      const w = window as unknown as { __held: IdleRequestCallback[] };
      for (let i = 0; i < 1000 && w.__held.length; i += 1) w.__held.shift()!({ didTimeout: false, timeRemaining: () => 50 });
    });
    await expect.poll(() => page.locator('link[rel="prefetch"]').count()).toBeGreaterThan(0);
    const scheduled = await page.evaluate(() => (window as unknown as { __scheduled: number }).__scheduled);
    expect(scheduled).toBeGreaterThan(0);
    expect(scheduled, 'pages prefetched in one view').toBeLessThanOrEqual(24);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('font-files: KaTeX fonts are files, not inlined in the stylesheet', () => {
  it('the stylesheet has no inlined font, and a page with maths downloads woff2 files only', async () => {
    const { body } = await get(LESSON_WITH_EMBEDS);
    const sheets = tags(body, 'link')
      .filter((t) => attr(t, 'rel') === 'stylesheet')
      .map((t) => attr(t, 'href')!);
    expect(sheets.length).toBeGreaterThan(0);
    for (const href of sheets) {
      const css = (await get(href)).body;
      expect(css).toContain('KaTeX_Main');
      expect(/url\(\s*["']?data:(?:font|application\/(?:x-)?font)/.test(css), `${href} inlines fonts as data: URLs`).toBe(false);
      for (const font of css.match(/\/assets\/fonts\/KaTeX_Main-Regular[^)"']*\.woff2/g) ?? []) {
        const res = await get(font);
        expect(res.status, font).toBe(200);
        expect(res.type).toContain('font/woff2');
      }
    }
    const { page, problems, context } = await openPage(browser);
    const fonts: string[] = [];
    page.on('request', (req) => {
      if (req.resourceType() === 'font') fonts.push(new URL(req.url()).pathname);
    });
    await page.goto(new URL(LESSON_WITH_EMBEDS, baseURL()).href);
    await hydrated(page);
    expect(await page.locator('.katex').count()).toBeGreaterThan(0);
    expect(fonts.length, 'KaTeX font files downloaded').toBeGreaterThan(0);
    expect(fonts.filter((f) => !/^\/assets\/fonts\/KaTeX_[\w-]+\.woff2$/.test(f))).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('hydration.ts and the CodeBlock override: the server HTML of code is kept, not rebuilt', () => {
  /**
   * Marks every highlighted line the server sent, before the app starts (it starts after the
   * first paint), and counts what Prism highlights in the browser.
   */
  async function hydrate(route: string, within: string) {
    const { page, problems, context } = await openPage(browser);
    await page.addInitScript(() => {
      const w = window as unknown as { __tokenized: number; Prism?: unknown };
      w.__tokenized = 0;
      document.addEventListener('DOMContentLoaded', () => {
        document.querySelectorAll('.token-line').forEach((line) => ((line as unknown as { __server: boolean }).__server = true));
      });
      // Prism's core assigns itself to window.Prism: count its tokenize calls.
      let prism: unknown;
      Object.defineProperty(window, 'Prism', {
        configurable: true,
        get: () => prism,
        set(value: { tokenize?: (...args: unknown[]) => unknown }) {
          prism = value;
          const tokenize = value?.tokenize;
          if (typeof tokenize === 'function') {
            value.tokenize = function (this: unknown, ...args: unknown[]) {
              w.__tokenized += 1;
              return tokenize.apply(this, args);
            };
          }
        },
      });
    });
    await page.goto(new URL(route, baseURL()).href);
    await hydrated(page);
    await networkQuiet(page);
    const result = await page.evaluate((selector) => {
      const all = [...document.querySelectorAll(selector)];
      const blocks = document.querySelectorAll('.theme-code-block').length;
      const inCodeAreas = document.querySelectorAll('[class*="codeHtml"] .theme-code-block').length;
      return {
        total: all.length,
        server: all.filter((l) => (l as unknown as { __server?: boolean }).__server).length,
        plainBlocks: blocks - inCodeAreas,
        codeAreas: document.querySelectorAll('[class*="codeHtml"]').length,
        tokenized: (window as unknown as { __tokenized: number }).__tokenized,
      };
    }, within);
    await context.close();
    return { ...result, errors: problems.consoleErrors };
  }

  it("a lesson's runnable code is not highlighted again in the browser, and keeps the server's lines (hydration.ts)", async () => {
    const r = await hydrate(LESSON_WITH_EMBEDS, '[class*="codeHtml"] .token-line');
    expect(r.codeAreas).toBeGreaterThan(2);
    expect(r.total).toBeGreaterThan(50);
    expect(r.server, 'lines re-created in the browser').toBe(r.total);
    // Only plain code blocks (if any) are highlighted while hydrating; the code areas keep the server's HTML.
    expect(r.tokenized, 'Prism runs on the runnable code while the page hydrates').toBeLessThanOrEqual(r.plainBlocks);
    expect(r.errors).toEqual([]);
  });

  it("plain code blocks keep the server's lines in light mode (src/theme/CodeBlock)", async () => {
    const r = await hydrate(PAGE_WITH_CODE_BLOCKS, '.theme-code-block .token-line');
    expect(r.total).toBeGreaterThan(5);
    expect(r.server, 'lines re-created in the browser').toBe(r.total);
    expect(r.errors).toEqual([]);
  });
});

describe('search stand-in: a light input until the reader reaches for search', () => {
  it('is in the server HTML, loads no search code until used, then hands the typed text to the real bar', async () => {
    const { body } = await get('/');
    expect(/<input[^>]*data-stand-in/.test(body), 'the stand-in input is in the server HTML').toBe(true);
    const { page, problems, context } = await openPage(browser);
    const scripts: string[] = [];
    page.on('response', (res) => {
      if (res.request().resourceType() === 'script') scripts.push(res.url());
    });
    await page.goto(new URL('/', baseURL()).href);
    await hydrated(page);
    const firstLoad = [...scripts];
    expect(await page.locator('input[data-stand-in]').count()).toBe(1);
    await page.locator('input[data-stand-in]').click();
    await page.keyboard.type('latency');
    const real = page.locator('.navbar__search-input:not([data-stand-in])');
    await expect.poll(() => real.inputValue().catch(() => ''), { timeout: 15_000 }).toBe('latency');
    expect(await page.locator('input[data-stand-in]').count()).toBe(0);
    const later = scripts.filter((s) => !firstLoad.includes(s));
    expect(later.length, 'the real search bar came with the first load').toBeGreaterThan(0);
    await expect
      .poll(
        () =>
          page
            .locator('[role="listbox"], .aa-dropdown-menu')
            .first()
            .textContent()
            .catch(() => ''),
        { timeout: 15_000 },
      )
      .toMatch(/Latency/);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('content drives the site', () => {
  it('the home page lists every section of docs/ (folders with an index page), in order, and each link opens', async () => {
    const folders = fs
      .readdirSync(path.join(ROOT, 'docs'), { withFileTypes: true })
      .filter((e) => e.isDirectory() && fs.existsSync(path.join(ROOT, 'docs', e.name, 'index.mdx')))
      .map(
        (e) =>
          ({ folder: e.name, ...matter(fs.readFileSync(path.join(ROOT, 'docs', e.name, 'index.mdx'), 'utf8')).data }) as {
            folder: string;
            title: string;
            sidebar_position: number;
          },
      )
      .sort((a, b) => a.sidebar_position - b.sidebar_position);
    const { page, problems, context } = await openPage(browser);
    await page.goto(new URL('/', baseURL()).href);
    await hydrated(page);
    const cards = await page
      .locator('section[aria-labelledby="sections"] li a')
      .evaluateAll((links) => links.map((a) => ({ text: a.textContent, href: a.getAttribute('href') })));
    expect(cards.slice(0, folders.length)).toEqual(folders.map((f, i) => ({ text: `${i + 1}. ${f.title}`, href: `/lessons/${f.folder}` })));
    expect(cards.slice(folders.length).map((c) => c.href)).toEqual(['/labs']);
    for (const card of cards) expect((await get(card.href!)).status, card.href!).toBe(200);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });

  it('every "Used in these pages" link on a glossary page opens a page', async () => {
    const glossary = fs.readdirSync(path.join(ROOT, 'glossary')).filter((f) => /^[^_].*\.mdx?$/.test(f) && !/^index\./.test(f));
    const targets = new Set<string>();
    for (const file of glossary) {
      const { body } = await get(`/glossary/${file.replace(/\.mdx?$/, '')}`);
      const usedIn = /Used in these pages<\/h2>\s*<ul>([\s\S]*?)<\/ul>/.exec(body)?.[1] ?? '';
      for (const a of tags(usedIn, 'a')) targets.add(attr(a, 'href')!);
    }
    expect(targets.size).toBeGreaterThan(5);
    const broken: string[] = [];
    for (const target of targets) if ((await get(target)).status !== 200) broken.push(target);
    expect(broken).toEqual([]);
  });
});
