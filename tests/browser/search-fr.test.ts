/**
 * Search in French finds words with and without their accents (src/plugins/search-folding.ts),
 * in the navbar's search bar and on the search page, offline; English search as before. Also:
 * the built indexes hold folded words and save the fold function in their search pipeline.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { FOLD_LABEL, foldWord } from '../../src/search/fold';
import { baseURL, hydrated, launchBrowser, openPage, ROOT } from './harness';
import { readContentPages } from '../../src/plugins/content-index';

/** The French page's title, from its translation's front matter (reviewers may retitle a page). */
const frenchTitles = new Map(readContentPages(ROOT, 'fr').map((p) => [`/fr${p.route}`, String(p.frontMatter.title)]));
const frenchPage = (route: string) => ({ route, title: frenchTitles.get(route)! });

/** Each query, with and without accents, and the French page it must find. */
const FRENCH: { queries: [string, string]; route: string; title: string }[] = [
  { queries: ['régression', 'regression'], ...frenchPage('/fr/lessons/training/linear-regression') },
  { queries: ['réseau de neurones', 'reseau de neurones'], ...frenchPage('/fr/lessons/training/neural-network') },
  // Both spellings stemmed differently before folding ("inferenc"/"infer", "decis"/"dec"): nothing found without accents.
  { queries: ['inférence', 'inference'], ...frenchPage('/fr/glossary/inference') },
  { queries: ['frontière de décision', 'frontiere de decision'], ...frenchPage('/fr/glossary/decision-boundary') },
  { queries: ['généralisation', 'generalisation'], ...frenchPage('/fr/glossary/generalisation') },
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The search page's results: each article's link (path without its hash) and text. */
async function pageResults(page: Page): Promise<{ route: string; text: string }[]> {
  return page.locator('article').evaluateAll((articles) =>
    articles.map((a) => ({
      route: new URL((a.querySelector('h2 a') as HTMLAnchorElement).href).pathname,
      text: (a as HTMLElement).innerText,
    })),
  );
}

describe('search page (/fr/search?q=…)', () => {
  // One page for every query, as a reader searching again would: the first from the address,
  // the others typed into the page's box (loading the 3 MB French index once, not ten times).
  it('finds each French page with and without accents, from the address and typed into the box', async () => {
    const queries = FRENCH.flatMap(({ queries, route, title }) => queries.map((query) => ({ query, route, title })));
    const { page, problems, context } = await openPage(browser);
    const finds = ({ query, route, title }: (typeof queries)[number]) =>
      expect
        .poll(async () => (await pageResults(page)).some((r) => r.route === route && r.text.includes(title)), {
          message: `"${query}" finds ${title} (${route})`,
          timeout: 20_000,
        })
        .toBe(true);
    await page.goto(`${baseURL()}/fr/search?q=${encodeURIComponent(queries[0].query)}`);
    await finds(queries[0]);
    await hydrated(page);
    const box = page.locator('input[name="q"]');
    for (const query of queries.slice(1)) {
      await box.fill(query.query);
      await finds(query);
      // The address follows what was typed (a result page can be shared).
      await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(query.query);
    }
    expect(problems.externalRequests).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
    await context.close();
  });

  it('English: "latency" finds the Latency glossary page at /search', async () => {
    const { page, problems, context } = await openPage(browser);
    await page.goto(`${baseURL()}/search?q=latency`);
    await expect
      .poll(async () => (await pageResults(page)).some((r) => r.route === '/glossary/latency' && r.text.includes('Latency')), {
        timeout: 20_000,
      })
      .toBe(true);
    expect(problems.externalRequests).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('search bar', () => {
  /** Types into the stand-in, waits for the real bar to take over, then replaces the text for each query. */
  async function searchBar(page: Page, queries: { query: string; title: string }[]) {
    // By class, not by label: the label is translated on /fr/.
    await page.locator('.navbar input[data-stand-in]').click();
    await page.keyboard.type(queries[0].query);
    const real = page.locator('.navbar input.navbar__search-input:not([data-stand-in])');
    await expect.poll(() => real.inputValue(), { timeout: 15_000 }).toBe(queries[0].query);
    for (const { query, title } of queries) {
      await real.fill(query);
      const option = page.getByRole('option').filter({ hasText: title }).first();
      await expect.poll(() => option.count(), { message: `"${query}" lists ${title}`, timeout: 15_000 }).toBeGreaterThan(0);
    }
  }

  it('on /fr/ finds each French page with and without accents, offline', async () => {
    const { page, problems, context } = await openPage(browser);
    await page.goto(`${baseURL()}/fr/`, { waitUntil: 'networkidle' });
    await hydrated(page);
    await searchBar(
      page,
      FRENCH.flatMap(({ queries, title }) => queries.map((query) => ({ query, title }))),
    );
    // And opens it.
    await page.locator('.navbar input.navbar__search-input:not([data-stand-in])').fill('frontiere de decision');
    await page.getByRole('option').filter({ hasText: 'Frontière de décision' }).first().click();
    await page.waitForURL(/\/fr\/glossary\/decision-boundary/);
    expect(problems.externalRequests).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
    await context.close();
  });

  it('on the English site still finds "latency"', async () => {
    const { page, problems, context } = await openPage(browser);
    await page.goto(`${baseURL()}/lessons/edge-computing`, { waitUntil: 'networkidle' });
    await hydrated(page);
    await searchBar(page, [{ query: 'latency', title: 'Latency' }]);
    expect(problems.externalRequests).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('built search indexes', () => {
  type SavedIndex = { documents: unknown[]; index: { pipeline: string[]; invertedIndex: [string, unknown][] } }[];
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, 'build', file), 'utf8')) as SavedIndex;

  it.each(['search-index.json', 'fr/search-index.json'])(
    '%s: folded words only, the fold function first in every search pipeline',
    (file) => {
      const parts = read(file);
      const terms = parts.flatMap((p) => p.index.invertedIndex.map(([term]) => term));
      expect(terms.length).toBeGreaterThan(1000);
      for (const p of parts) expect(p.index.pipeline).toEqual([FOLD_LABEL, 'stemmer', 'stemmer-fr']);
      expect(terms.filter((term) => foldWord(term) !== term)).toEqual([]);
    },
  );

  it('the French index has the folded stems of accented words', () => {
    const terms = new Set(read('fr/search-index.json').flatMap((p) => p.index.invertedIndex.map(([term]) => term)));
    // "réseau" and "inférence" through English and French stemming, folded first.
    for (const term of ['reseau', 'infer', 'regress']) expect(terms, term).toContain(term);
  });
});
