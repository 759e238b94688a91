/**
 * The French edition (/fr/) of the built site.
 *
 * Without a browser, from the built HTML: every English route has a French one; every French
 * page is `lang="fr-CA"`, links its English and French versions (hreflang), has a title and a
 * licence notice; a translated page's title is its French title; an untranslated page says so.
 * In Chromium, every French route: no console error, no failed or outside request, no English
 * interface string in what the reader sees (code and its output aside), and no sideways
 * scrolling at 360 px. Then a reader's path in French: run an embed, check an exercise, answer
 * a quiz, switch languages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  baseURL,
  builtFile,
  clearProblems,
  hydrated,
  inLanes,
  launchBrowser,
  networkQuiet,
  openPage,
  reportProblems,
  ROOT,
  SAVE_DATA,
  sitemapRoutes,
  widthAt360,
  type PageProblems,
} from './harness';
import { readContentPages } from '../../src/plugins/content-index';
import { translationStatuses } from '../../src/plugins/translations';

const LANES = Number(process.env.ROUTE_LANES ?? 3);

/**
 * Interface strings of the English edition: none may show on a French page. Whole words or
 * phrases, looked for in the page's text without its code, maths and program output.
 */
const ENGLISH_UI = [
  'Run',
  'Stop',
  'Reset',
  'Clear',
  'Output appears here',
  'Click the code to edit it',
  'What you will learn',
  'Before you start',
  'Recap',
  'Pitfall',
  'Try this',
  'Deep dive',
  'Show a hint',
  'Show the answer',
  'Show the solution',
  'Check my code',
  'Your answer',
  'Check every question',
  'Question 1 of',
  'Practice in this section',
  'Related terms',
  'Used in these pages',
  'Read more',
  'This page is licensed',
  'Lessons',
  'Glossary',
  'Labs',
  'My progress',
  'On this page',
  'Edit this page',
  'Next',
  'Previous',
  'Skip to main content',
  'Search',
  'Print and PDF',
  "Teacher's guide",
];
const ENGLISH_UI_PATTERN = new RegExp(
  `(?<![\\p{L}'’-])(${ENGLISH_UI.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}'’-])`,
  'u',
);

const english = sitemapRoutes();
const french = sitemapRoutes('fr');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The French page of each content file, and whether it is translated (or served from English). */
const frenchPages = readContentPages(ROOT, 'fr').map((page) => ({ ...page, translated: page.file.startsWith('i18n/') }));
const states = new Map(translationStatuses(ROOT, 'fr').map((s) => [s.source, s.state]));

describe('the French edition, from the built HTML', () => {
  it('has a French route for every English route, and no other', () => {
    expect(french.length).toBeGreaterThan(100);
    expect([...french].sort()).toEqual(english.map((route) => (route === '/' ? '/fr/' : `/fr${route}`)).sort());
  });

  it('serves every French page in fr-CA, with hreflang links to both editions, a title and the licence', () => {
    const failures: string[] = [];
    for (const route of french) {
      const html = fs.readFileSync(builtFile(route), 'utf8');
      if (!/<html[^>]*\slang="?fr-CA"?[\s>]/.test(html)) failures.push(`${route}: no lang="fr-CA" on <html>`);
      const alternates = [...html.matchAll(/<link[^>]*rel="?alternate"?[^>]*>/g)].map((m) => m[0]);
      for (const lang of ['en', 'fr-CA', 'x-default']) {
        if (!alternates.some((tag) => new RegExp(`hreflang="?${lang}"?[\\s/>]`).test(tag))) failures.push(`${route}: no hreflang ${lang}`);
      }
      const englishRoute = route.replace(/^\/fr\/?/, '/');
      const enAlternate = alternates.find((tag) => /hreflang="?en"?[\s/>]/.test(tag));
      if (enAlternate && !new RegExp(`href="?[^"\\s>]*${englishRoute === '/' ? '/' : englishRoute}"?[\\s/>]`).test(enAlternate)) {
        failures.push(`${route}: hreflang en does not point at ${englishRoute}: ${enAlternate}`);
      }
      const title = /<title[^>]*>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
      if (!title.trim()) failures.push(`${route}: no <title>`);
      if (!/Chaque page indique sa propre licence/.test(html)) failures.push(`${route}: no licence line in the footer`);
    }
    expect(failures).toEqual([]);
  });

  it('has a French 404 page', () => {
    const html = fs.readFileSync(path.join(ROOT, 'build', 'fr', '404.html'), 'utf8');
    expect(html).toMatch(/<html[^>]*\slang="?fr-CA"?[\s>]/);
    expect(html).toMatch(/<title[^>]*>Page introuvable/);
  });

  it('gives every content page its French title and its licence notice; an untranslated page says so', () => {
    const failures: string[] = [];
    for (const page of frenchPages) {
      if (page.frontMatter.draft === true) continue;
      const route = page.route === '/' ? '/fr/' : `/fr${page.route}`;
      const html = fs.readFileSync(builtFile(route), 'utf8');
      if (!/data-license=/.test(html)) failures.push(`${route}: no licence notice`);
      const title = /<title[^>]*>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
      const state = states.get(page.source);
      if (page.translated) {
        const expected = String(page.frontMatter.title).replace(/&/g, '&amp;').replace(/'/g, '&#x27;').replace(/"/g, '&quot;');
        if (!title.startsWith(expected) && !title.startsWith(String(page.frontMatter.title))) {
          failures.push(`${route}: title "${title}", its French front matter says "${String(page.frontMatter.title)}"`);
        }
        const notice = /data-translation="?stale"?/.test(html);
        if (notice !== (state === 'stale'))
          failures.push(`${route}: translation is ${state}, stale notice ${notice ? 'shown' : 'missing'}`);
      } else if (!/data-translation="?missing"?/.test(html)) {
        failures.push(`${route}: not translated, and no notice says so`);
      }
    }
    expect(failures).toEqual([]);
  });
});

/** What the reader sees on the page, without code, maths, program output and English quotations. */
const readerText = (page: Page) =>
  page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    body.querySelectorAll('pre, code, .katex, [role="log"], [lang]:not([lang^="fr"]), script, style, [hidden]').forEach((e) => e.remove());
    // aria-labels are heard, not seen: add them to the text.
    const labels = [...document.querySelectorAll('[aria-label]')]
      .filter((e) => !e.closest('pre, code, [role="log"], [lang]:not([lang^="fr"])'))
      .map((e) => e.getAttribute('aria-label'));
    return `${body.innerText}\n${labels.join('\n')}`;
  });

describe('every French route in Chromium', () => {
  it(
    'loads with no console error, no failed or outside request, no English interface string, and fits a 360 px screen',
    { timeout: 600_000 },
    async () => {
      const failures: string[] = [];
      const lanes = await Promise.all(Array.from({ length: LANES }, () => openPage(browser, { viewport: { width: 1280, height: 800 } })));
      for (const { context } of lanes) await context.addInitScript(SAVE_DATA);
      const check = async (route: string, { page, problems }: { page: Page; problems: PageProblems }) => {
        clearProblems(problems);
        await page.setViewportSize({ width: 1280, height: 800 });
        const response = await page.goto(baseURL() + route, { waitUntil: 'load' });
        if (response?.status() !== 200) failures.push(`${route}: HTTP ${response?.status()}`);
        await hydrated(page);
        await networkQuiet(page, { quietMs: 250 });
        const text = await readerText(page);
        const english = ENGLISH_UI_PATTERN.exec(text);
        if (english) {
          const at = english.index;
          failures.push(
            `${route}: English interface string "${english[1]}" in "…${text.slice(Math.max(0, at - 40), at + 40).replace(/\s+/g, ' ')}…"`,
          );
        }
        const width = await widthAt360(page);
        if (width > 360) failures.push(`${route} (360 px): ${width} px wide`);
        reportProblems(failures, route, problems);
      };
      const started = Date.now();
      await inLanes(french, lanes, check);
      for (const { context } of lanes) await context.close();
      console.log(`[timings] ${french.length} French routes, ${LANES} at a time: ${((Date.now() - started) / 1000).toFixed(1)} s`);
      expect(failures).toEqual([]);
    },
  );
});

describe('a reader in French', () => {
  it('runs an embed with French buttons and status', async () => {
    const { page, problems, context } = await openPage(browser);
    await page.goto(`${baseURL()}/fr/lessons/training/k-nearest-neighbours`, { waitUntil: 'load' });
    await hydrated(page);
    const embed = page.locator('[data-runnable-entry]').first();
    await embed.scrollIntoViewIfNeeded();
    const run = embed.getByRole('button', { name: 'Exécuter', exact: true });
    await expect.poll(() => run.isEnabled(), { timeout: 60_000 }).toBe(true);
    for (const name of ['Arrêter', 'Réinitialiser', 'Effacer'])
      expect(await embed.getByRole('button', { name, exact: true }).count()).toBe(1);
    await run.click();
    const output = embed.getByRole('log', { name: 'Sortie' });
    await expect.poll(() => output.innerText(), { timeout: 60_000 }).toMatch(/\S/);
    await expect.poll(() => embed.innerText(), { timeout: 60_000 }).toMatch(/Terminé en/);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.externalRequests).toEqual([]);
    await context.close();
  });

  it('checks an exercise and reports in French', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${baseURL()}/fr/lessons/training/k-nearest-neighbours`, { waitUntil: 'load' });
    await hydrated(page);
    const exercise = page.locator('[data-exercise="majority-vote"]');
    await exercise.scrollIntoViewIfNeeded();
    expect(await exercise.locator('h3').innerText()).toMatch(/^Exercice/);
    const check = exercise.getByRole('button', { name: 'Vérifier mon code', exact: true });
    await expect.poll(() => check.isEnabled(), { timeout: 60_000 }).toBe(true);
    await check.click();
    // The starter fails its tests: the status counts them in French.
    await expect.poll(() => exercise.innerText(), { timeout: 60_000 }).toMatch(/Tests réussis\s:\s\d+ sur \d+/);
    await context.close();
  });

  it('answers a quiz question and gets French feedback', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${baseURL()}/fr/lessons/what-is-machine-learning`, { waitUntil: 'load' });
    await hydrated(page);
    const question = page.locator('[data-quiz] form').first();
    await question.scrollIntoViewIfNeeded();
    expect(await question.innerText()).toMatch(/Question 1 sur \d+/);
    await question.getByRole('button', { name: 'Vérifier', exact: true }).click();
    await expect.poll(() => question.innerText()).toMatch(/Choisissez|Cochez|Tapez/);
    const type = await question.getAttribute('data-question-type');
    if (type === 'numeric') await question.getByRole('textbox').fill('0');
    else await question.locator('input').first().check();
    await question.getByRole('button', { name: 'Vérifier', exact: true }).click();
    await expect.poll(() => question.innerText()).toMatch(/Exact|Pas tout à fait|Bonne réponse|Bonne|Mauvaise/);
    await context.close();
  });

  it('switches between the editions on the same page', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${baseURL()}/lessons/training/linear-regression`, { waitUntil: 'load' });
    await hydrated(page);
    const dropdown = page.locator('.navbar__items--right .dropdown').filter({ hasText: 'English' });
    await dropdown.hover();
    await dropdown.getByRole('link', { name: 'Français' }).click();
    await page.waitForURL(/\/fr\/lessons\/training\/linear-regression$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr-CA');
    expect(await page.locator('h1').innerText()).toMatch(/régression linéaire/i);
    await context.close();
  });
});
