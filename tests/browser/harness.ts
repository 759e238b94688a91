/**
 * Shared helpers for the browser tests: Debian's Chromium through playwright-core, every request
 * outside 127.0.0.1 blocked and recorded, console errors and failed requests collected per page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS, NO_OTHER_ORIGIN } from '../../scripts/chromium';

export { CHROMIUM, NO_OTHER_ORIGIN };

export const ROOT = path.resolve(__dirname, '../..');
export const SCREENSHOTS = path.join(ROOT, 'screenshots');

export function baseURL(): string {
  return inject('baseURL');
}

/**
 * Debian's Chromium, headless, with a fresh temporary profile (playwright makes one per launch),
 * reaching no other origin (NO_OTHER_ORIGIN): openPage records each attempt, which fails.
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS, NO_OTHER_ORIGIN], headless: true });
}

/** Whether a URL leaves the server at `origin` (the test server by default; data: and blob: URLs never do). */
export function isOtherOrigin(url: string, origin = baseURL()): boolean {
  const target = new URL(url);
  return target.protocol !== 'data:' && target.protocol !== 'blob:' && target.host !== new URL(origin).host;
}

export type PageProblems = {
  consoleErrors: string[];
  failedRequests: string[];
  externalRequests: string[];
};

export type OpenPageOptions = {
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /**
   * The course's service worker stores the whole site (13 MiB) in each new context: blocked unless
   * a test needs it (offline.test.ts). Blocked, its registration warns and the page is unchanged.
   */
  serviceWorkers?: 'allow' | 'block';
};

/**
 * A new page in its own browser context (fresh storage), in a browser that reaches no other
 * origin (launchBrowser), recording what went wrong: console errors, failed requests to the
 * test server, and any request to another origin (it fails at the missing proxy).
 */
export async function openPage(
  browser: Browser,
  options: OpenPageOptions = {},
): Promise<{ page: Page; problems: PageProblems; context: BrowserContext }> {
  const context = await browser.newContext({
    serviceWorkers: options.serviceWorkers ?? 'block',
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  const problems: PageProblems = { consoleErrors: [], failedRequests: [], externalRequests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => problems.consoleErrors.push(`pageerror: ${err.message}`));
  // The context's events include its workers' requests (the code runner's).
  context.on('requestfailed', (req) => {
    if (isOtherOrigin(req.url())) {
      problems.externalRequests.push(req.url());
      return;
    }
    // ERR_ABORTED is a request the page cancelled itself (a prefetch cut short by the next navigation).
    const reason = req.failure()?.errorText ?? '';
    if (!reason.includes('ERR_ABORTED')) problems.failedRequests.push(`${req.url()} (${reason})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && !isOtherOrigin(res.url())) problems.failedRequests.push(`${res.url()} (${res.status()})`);
  });
  return { page, problems, context };
}

/**
 * Every route of the built site, from its sitemap, as paths ("/lessons/edge-computing"); with a
 * locale, that edition's routes from its own sitemap ("/fr/lessons/edge-computing").
 */
export function sitemapRoutes(locale?: string): string[] {
  const xml = fs.readFileSync(path.join(ROOT, 'build', ...(locale ? [locale] : []), 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
}

/** The built HTML file a route is served from (the way serve.mjs resolves it). */
export function builtFile(route: string): string {
  const build = path.join(ROOT, 'build');
  const clean = decodeURIComponent(route).replace(/\/+$/, '');
  for (const candidate of [`${clean}.html`, path.join(clean, 'index.html'), clean]) {
    const full = path.join(build, candidate);
    if (full.startsWith(build) && fs.existsSync(full) && fs.statSync(full).isFile()) return full;
  }
  throw new Error(`no file in build/ for the route ${route}`);
}

/** The values of an attribute in (possibly minified) HTML: `name="v"`, `name='v'` or `name=v`. */
function attributeValues(html: string, name: string): string[] {
  const pattern = new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>"']+))`, 'g');
  const decode = (v: string) =>
    v.replace(/&(#x[\da-f]+|#\d+|amp|quot|apos|lt|gt);/gi, (_, e: string) =>
      e[0] === '#'
        ? String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
        : ({ amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' } as Record<string, string>)[e.toLowerCase()],
    );
  // Only inside tags (a page may quote the attribute in its text); quoted values may hold '>'.
  const tags = html.match(/<[a-z][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>/gi) ?? [];
  return tags.flatMap((tag) => [...tag.matchAll(pattern)].map((m) => decode(m[1] ?? m[2] ?? m[3])));
}

export type PageEmbeds = {
  route: string;
  /** `data-runnable-entry` values in page order, as written ("knn/demo-iris.ts" or "/knn/demo-iris.ts"). */
  entries: string[];
  /** `data-exercise` values (exercise names) in page order. */
  exercises: string[];
};

/**
 * The code embeds and exercises of every route, read from the built HTML files (the server
 * renders every embed's root with `data-runnable-entry` / `data-exercise`): no browser, no crawl.
 * The route crawl checks in the browser that each page shows exactly these.
 */
export function embedsInBuild(routes: string[] = sitemapRoutes()): PageEmbeds[] {
  return routes
    .map((route) => {
      const html = fs.readFileSync(builtFile(route), 'utf8');
      return { route, entries: attributeValues(html, 'data-runnable-entry'), exercises: attributeValues(html, 'data-exercise') };
    })
    .filter((p) => p.entries.length + p.exercises.length > 0);
}

/** An entry's path inside code/ without a leading slash: "/knn/demo-iris.ts" → "knn/demo-iris.ts". */
export const codePath = (entry: string) => entry.replace(/^\/+/, '');

/**
 * Waits until the page has had no request in flight for `quietMs` (after a scroll or a click that
 * may fetch code): a condition, not a fixed sleep. Counts requests from when it is called.
 */
export async function networkQuiet(page: Page, { quietMs = 500, timeout = 30_000 } = {}): Promise<void> {
  const inFlight = new Set<unknown>();
  let lastChange = Date.now();
  const started = (req: unknown) => {
    inFlight.add(req);
    lastChange = Date.now();
  };
  const ended = (req: unknown) => {
    inFlight.delete(req);
    lastChange = Date.now();
  };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  try {
    // Let the page act on what triggered the wait (an IntersectionObserver, an idle callback).
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const deadline = Date.now() + timeout;
    while (inFlight.size > 0 || Date.now() - lastChange < quietMs) {
      if (Date.now() > deadline) throw new Error(`network not quiet within ${timeout} ms (${inFlight.size} requests in flight)`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    page.off('request', started);
    page.off('requestfinished', ended);
    page.off('requestfailed', ended);
  }
}

/** Waits until React has hydrated the page (Docusaurus sets window.docusaurusRoot): before it, focus and taps reach no handler. */
export async function hydrated(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => !!(window as unknown as { docusaurusRoot?: unknown }).docusaurusRoot, null, { timeout });
}

/** Empties a page's problem lists (before the next route on a reused page). */
export function clearProblems(problems: PageProblems): void {
  problems.consoleErrors.length = 0;
  problems.failedRequests.length = 0;
  problems.externalRequests.length = 0;
}

/** Adds a page's problems to `failures`, each prefixed with `label` (the route). */
export function reportProblems(failures: string[], label: string, problems: PageProblems): void {
  for (const e of problems.consoleErrors) failures.push(`${label}: console error: ${e}`);
  for (const f of problems.failedRequests) failures.push(`${label}: failed request: ${f}`);
  for (const x of problems.externalRequests) failures.push(`${label}: request to another origin: ${x}`);
}

/**
 * An init script for crawls: pages report a Save-Data connection, so Docusaurus prefetches no
 * other page's code (src/client/idle-prefetch.ts trickles it in after each load; waiting that
 * out was half a crawl's time). Every chunk is still some route's own code, loaded when the
 * crawl reaches it; prefetching itself is tested in patches.test.ts.
 */
export const SAVE_DATA = () => Object.defineProperty(navigator, 'connection', { value: { saveData: true, effectiveType: '4g' } });

/** Narrows the page to a 360 px phone (the window, not a new load) and returns its width then. */
export async function widthAt360(page: Page): Promise<number> {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** Runs `work` on every item, each lane (a reused page) taking the next item when it is free. */
export async function inLanes<T, L>(items: T[], lanes: L[], work: (item: T, lane: L) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    lanes.map(async (lane) => {
      while (next < items.length) await work(items[next++], lane);
    }),
  );
}

/** Runs `work` on every item with at most `limit` at a time; results in the items' order. */
export async function inParallel<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

let axeText: string | undefined;
/** axe-core's script, read once. */
export function axeSource(): string {
  axeText ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeText;
}

/** What the theme draws around every page's content. */
const CHROME = [
  'nav.navbar',
  '.navbar-sidebar',
  'footer',
  '.theme-doc-sidebar-container',
  '.theme-doc-toc-desktop',
  '.theme-doc-toc-mobile',
  '.theme-doc-breadcrumbs',
  'nav.pagination-nav',
].join(', ');

/** Chrome elements whose contrast a crawl has checked (axeViolations' `memory`). */
export type AxeMemory = Set<string>;

/**
 * Run axe-core in the page (or only on the elements `include` selects; only the rules `runOnly`
 * names); returns the serious and critical violations.
 *
 * Two things keep it affordable on two cores (axe was two thirds of a route crawl), without
 * changing what it can find:
 * - Only the rules whose violations are serious or critical run: the others (region,
 *   heading-order, landmark-*…: "moderate" or "minor" in axe's own metadata) could never fail a
 *   test, since only serious and critical violations are reported.
 * - Colour contrast is checked once per kind of code token: highlighted code is thousands of
 *   `<span>`s (6,000 on the kNN lesson, 4 of its 5 seconds of axe), and two spans with the same
 *   classes and inline styles, on the same kind of line in the same block, have the same colours
 *   on the same background. The first of each is checked; every other rule still sees them all.
 * - With `memory` (one per crawl and colour scheme), the same holds across pages for what the
 *   theme draws on every page (navbar, sidebar, table of contents, breadcrumbs, pagination,
 *   footer): an element whose markup, and that of every element around it up to <html>, matches
 *   one already checked (its attributes other than links, ids and labels) has its contrast
 *   checked on that first page only. That was 60 % of a glossary page's axe time.
 */
export async function axeViolations(
  page: Page,
  options: { include?: string; runOnly?: string[]; memory?: AxeMemory } | string = {},
): Promise<{ id: string; impact: string; help: string; targets: string[] }[]> {
  const { include, runOnly, memory } = typeof options === 'string' ? { include: options, runOnly: undefined, memory: undefined } : options;
  // A context that loads axe with every page (`context.addInitScript({ content: axeSource() })`) skips the injection.
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource() });
  const { result, checked } = await page.evaluate(
    async ({ include, runOnly, chrome, seen }) => {
      type AxeRule = { id: string; enabled: boolean; impact?: string };
      const axe = (
        window as unknown as {
          axe: {
            _audit?: { rules: AxeRule[] };
            configure: (spec: object) => void;
            run: (
              ctx: Document | { include: string[] },
              opts: object,
            ) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }>;
          };
        }
      ).axe;
      // The rules that can report a serious or critical violation. Should a new axe stop
      // describing its rules this way, every rule runs (slower, never less thorough).
      const rules = axe._audit?.rules ?? [];
      const reportable = rules.filter((r) => r.enabled && (r.impact === 'serious' || r.impact === 'critical')).map((r) => r.id);
      const rulesToRun = runOnly ?? (reportable.includes('color-contrast') ? reportable : undefined);

      // Code tokens: mark every span that repeats an earlier one of its block (its classes and
      // style, and those of each element up to the block), and keep them out of colour contrast.
      const SAME = 'data-axe-same-token';
      const marked: Element[] = [];
      for (const block of document.querySelectorAll('pre')) {
        const seen = new Set<string>();
        for (const span of block.querySelectorAll('span')) {
          let key = '';
          for (let el: Element | null = span; el && el !== block; el = el.parentElement)
            key += `${el.tagName}.${el.getAttribute('class') ?? ''}[${el.getAttribute('style') ?? ''}]/`;
          if (seen.has(key)) {
            span.setAttribute(SAME, '');
            marked.push(span);
          } else seen.add(key);
        }
      }
      // The theme's chrome: skip what an earlier page of this memory already checked.
      const checked: string[] = [];
      if (seen) {
        const known = new Set(seen);
        const IGNORED = new Set([
          'id',
          'href',
          'title',
          'aria-label',
          'aria-labelledby',
          'aria-describedby',
          'aria-controls',
          'alt',
          'src',
        ]);
        const describe = (el: Element) =>
          el.tagName +
          [...el.attributes]
            .filter((a) => !IGNORED.has(a.name))
            // Docusaurus names the page in a class on <html> ("docs-doc-id-latency"): not a style.
            .map((a) => `[${a.name}=${a.name === 'class' ? a.value.replace(/\bdocs-doc-id-\S+/g, '') : a.value}]`)
            .sort()
            .join('');
        for (const el of document.querySelectorAll(`:is(${chrome}) *`)) {
          if (el.hasAttribute(SAME)) continue;
          let path = '';
          for (let at: Element | null = el; at; at = at.parentElement) path += `${describe(at)}/`;
          // A short key (53-bit hash, cyrb53): the memory crosses to Node and back on every page.
          let h1 = 0xdeadbeef;
          let h2 = 0x41c6ce57;
          for (let i = 0; i < path.length; i++) {
            const c = path.charCodeAt(i);
            h1 = Math.imul(h1 ^ c, 2654435761);
            h2 = Math.imul(h2 ^ c, 1597334677);
          }
          h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
          h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
          const key = (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
          if (known.has(key)) {
            el.setAttribute(SAME, '');
            marked.push(el);
          } else {
            known.add(key);
            checked.push(key);
          }
        }
      }
      axe.configure({ rules: [{ id: 'color-contrast', selector: `*:not([${SAME}])` }] });
      try {
        const result = await axe.run(include ? { include: [include] } : document, {
          resultTypes: ['violations'],
          ...(rulesToRun ? { runOnly: { type: 'rule', values: rulesToRun } } : {}),
        });
        return { result, checked };
      } finally {
        for (const el of marked) el.removeAttribute(SAME);
      }
    },
    { include, runOnly, chrome: CHROME, seen: memory ? [...memory] : undefined },
  );
  for (const key of checked) memory?.add(key);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

export function saveScreenshotPath(name: string): string {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, `${name}.png`);
}
