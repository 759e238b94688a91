/**
 * Every route of the built site, loaded once at the desktop width, then narrowed to 360 px, a few
 * routes at a time. At 1280 px: HTTP 200, no console error, no failed or outside request (after
 * the network goes quiet), no serious axe violation, and exactly the embeds its HTML names (the
 * list the embed sweep in runner.test.ts runs). At 360 px: no sideways scrolling, no console
 * error or outside request, and no region that scrolls sideways out of the keyboard's reach. In
 * dark mode: axe on the pages whose widgets carry their own colours (editor, charts, playground),
 * alongside.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  axeSource,
  axeViolations,
  type AxeMemory,
  baseURL,
  embedsInBuild,
  clearProblems,
  hydrated,
  inLanes,
  launchBrowser,
  networkQuiet,
  openPage,
  reportProblems,
  SAVE_DATA,
  sitemapRoutes,
  widthAt360,
  type PageProblems,
} from './harness';

/** Routes loaded at a time (each at both widths): part of a route's time is waiting on the network, so 3 on two cores. */
const LANES = Number(process.env.ROUTE_LANES ?? 3);
/** axe's rules whose outcome depends on the width of the screen. */
const NARROW_RULES = ['scrollable-region-focusable'];
const DARK_ROUTES = /\/lessons\/(training|how-the-code|training-on-the-edge)/;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A page per lane, reused from route to route (as a reader clicking through would not, but cheaper). */
async function lanePage(options: Parameters<typeof openPage>[1]) {
  const opened = await openPage(browser, options);
  await opened.context.addInitScript(SAVE_DATA);
  await opened.context.addInitScript({ content: axeSource() });
  return opened;
}

describe('every route in the sitemap', () => {
  it.concurrent(
    'loads with no console error, no failed or outside request and no serious axe violation, shows the embeds its HTML names, and fits a 360 px screen',
    { timeout: 600_000 },
    async ({ expect }) => {
      const routes = sitemapRoutes();
      expect(routes.length).toBeGreaterThan(5);
      const embeds = new Map(embedsInBuild(routes).map((p) => [p.route, p]));
      const failures: string[] = [];
      const lanes = await Promise.all(Array.from({ length: LANES }, () => lanePage({ viewport: { width: 1280, height: 800 } })));
      // The theme's navbar, sidebars and footer: their contrast checked where first seen (axeViolations).
      const memory: AxeMemory = new Set();
      const check = async (route: string, { page, problems }: { page: Page; problems: PageProblems }) => {
        clearProblems(problems);
        await page.setViewportSize({ width: 1280, height: 800 });
        const response = await page.goto(baseURL() + route, { waitUntil: 'load' });
        if (response?.status() !== 200) failures.push(`${route}: HTTP ${response?.status()}`);
        await hydrated(page);
        for (const v of await axeViolations(page, { memory }))
          failures.push(`${route}: axe ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(', ')}`);
        // Requests the page makes once it is up (fonts, images scrolled near, lazy widgets) have
        // started while axe ran: wait until they have all ended.
        await networkQuiet(page, { quietMs: 250 });
        const shown = await page.evaluate(() => ({
          entries: [...document.querySelectorAll('[data-runnable-entry]')].map((e) => e.getAttribute('data-runnable-entry')!),
          exercises: [...document.querySelectorAll('[data-exercise]')].map((e) => e.getAttribute('data-exercise')!),
        }));
        const inHtml = embeds.get(route) ?? { entries: [], exercises: [] };
        if (JSON.stringify(shown) !== JSON.stringify({ entries: inHtml.entries, exercises: inHtml.exercises })) {
          failures.push(
            `${route}: the page shows the embeds ${JSON.stringify(shown)}, its HTML names ${JSON.stringify(inHtml)} (the embed sweep reads the HTML)`,
          );
        }
        reportProblems(failures, route, problems);

        // The same page on a 360 px phone: the window narrowed rather than a second load (half
        // the crawl's work). No sideways scrolling, and what a narrow screen adds to axe's
        // checks: a table or formula that scrolls sideways must be reachable by keyboard.
        clearProblems(problems);
        const width = await widthAt360(page);
        if (width > 360) failures.push(`${route} (360 px): ${width} px wide`);
        for (const v of await axeViolations(page, { runOnly: NARROW_RULES }))
          failures.push(`${route} (360 px): axe ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(', ')}`);
        reportProblems(failures, `${route} (360 px)`, problems);
      };

      const started = Date.now();
      await inLanes(routes, lanes, check);
      for (const { context } of lanes) await context.close();
      console.log(
        `[timings] ${routes.length} routes at 1280 and 360 px, ${LANES} at a time: ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      expect(failures).toEqual([]);
    },
  );

  it.concurrent('checks with axe as thoroughly as a full run: a faint code token, a serious violation', async ({ expect }) => {
    // axeViolations runs only the rules that can report a serious or critical violation, and
    // checks the contrast of one code token of each kind: a faint token among hundreds is found.
    const { page, context } = await openPage(browser);
    const tokens = Array.from({ length: 300 }, (_, i) => `<span class="token">t${i}</span> `).join('');
    await page.setContent(
      `<!doctype html><html lang="en"><head><title>axe</title></head><body><main><h1>Code</h1>` +
        `<pre style="background:#fff"><code><span class="token-line">${tokens}<span class="token faint" style="color:#ddd">faint</span>${tokens}</span></code></pre>` +
        `<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">` +
        `</main></body></html>`,
    );
    const found = await axeViolations(page);
    expect(found.map((v) => v.id).sort()).toEqual(['color-contrast', 'image-alt']);
    expect(found.find((v) => v.id === 'color-contrast')!.targets).toEqual(['.faint']);

    // With a crawl's memory, a navbar seen on an earlier page still has a new faint link found.
    const memory: AxeMemory = new Set();
    const navbar = (links: string) =>
      `<!doctype html><html lang="en"><head><title>axe</title></head><body><nav class="navbar">${links}</nav><main><h1>Page</h1></main></body></html>`;
    await page.setContent(navbar('<a href="/a">Lessons</a>'));
    expect(await axeViolations(page, { memory })).toEqual([]);
    expect(memory.size).toBeGreaterThan(0);
    await page.setContent(navbar('<a href="/b">Glossary</a><a class="faint" href="/c" style="color:#ddd">Labs</a>'));
    expect((await axeViolations(page, { memory })).map((v) => [v.id, v.targets])).toEqual([['color-contrast', ['.faint']]]);
    await context.close();
  });

  it.concurrent('records a request to another origin, from the page or a worker, and it reaches nothing', async ({ expect }) => {
    const { page, problems, context } = await openPage(browser);
    await page.goto(baseURL() + '/glossary', { waitUntil: 'load' });
    const reached = await page.evaluate(async () => {
      const worker = new Worker(URL.createObjectURL(new Blob(['fetch("https://example.org/w.js").catch(() => postMessage(0))'])));
      const fromWorker = new Promise((resolve) => (worker.onmessage = resolve));
      const fromPage = await fetch('http://93.184.215.14/p.js', { mode: 'no-cors' }).then(
        () => true,
        () => false,
      );
      await fromWorker;
      return fromPage;
    });
    expect(reached).toBe(false);
    await expect.poll(() => [...problems.externalRequests].sort()).toEqual(['http://93.184.215.14/p.js', 'https://example.org/w.js']);
    await context.close();
  });

  it.concurrent(
    'passes axe in dark mode where widgets carry their own colours (editor, charts, playground)',
    { timeout: 600_000 },
    async ({ expect }) => {
      const routes = sitemapRoutes().filter((r) => DARK_ROUTES.test(r));
      expect(routes.length).toBeGreaterThan(3);
      const failures: string[] = [];
      const lanes = await Promise.all([lanePage({ colorScheme: 'dark' }), lanePage({ colorScheme: 'dark' })]);
      const memory: AxeMemory = new Set();
      const queue = [...routes];
      await Promise.all(
        lanes.map(async ({ page }) => {
          for (let route = queue.shift(); route !== undefined; route = queue.shift()) {
            await page.goto(baseURL() + route, { waitUntil: 'load' });
            await hydrated(page);
            // A third of the way down: embeds and charts there load their code; wait until they have.
            await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 3));
            await networkQuiet(page);
            for (const v of await axeViolations(page, { memory }))
              failures.push(`${route} (dark): axe ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(', ')}`);
          }
        }),
      );
      for (const { context } of lanes) await context.close();
      expect(failures).toEqual([]);
    },
  );
});
