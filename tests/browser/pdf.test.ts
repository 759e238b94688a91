/**
 * `npm run pdf` on the build the browser tests serve: one PDF with every lesson, glossary and lab
 * page (each title in its text, on the page the contents give), a title page from
 * course.config.ts, and the site's "Print and PDF" page links to the file. Prints the page
 * count, size and time (the same full run the deploy makes: no subset).
 *
 * The French edition's PDF (build/fr/) is made at the same time and checked more lightly: its
 * title page, contents, part titles and metadata in French, about as many pages as the English
 * one, and the French "Print and PDF" page links to it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import course from '../../course.config';
import { LICENSES, licenseIn } from '../../src/plugins/licenses';
import { CONTENT_SPACES } from '../../src/plugins/content-index';
import { BUILD, PDF_NAME, WORDS, courseWording, makePdf, pdfNameIn, type PdfResult } from '../../scripts/pdf';
import { baseURL, launchBrowser, openPage, sitemapRoutes } from './harness';

type Made = { result: PdfResult; pages: string[]; info: Record<string, unknown> };
let result: PdfResult;
let pages: string[];
let enInfo: Record<string, unknown>;
let fr: Made;
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const FR_PDF = path.join(BUILD, 'fr', pdfNameIn('fr'));

/** Makes one edition's PDF where the deploy writes it (so the site's link can be followed) and reads its text back. */
async function made(siteUrl: string, publicUrl: string, out: string): Promise<Made> {
  const result = await makePdf({ siteUrl, publicUrl, out });
  const doc = await getDocumentProxy(new Uint8Array(fs.readFileSync(result.file)));
  const { text } = await extractText(doc, { mergePages: false });
  const { info } = await getMeta(doc);
  const steps = Object.entries(result.steps)
    .map(([name, s]) => `${name} ${s.toFixed(1)} s`)
    .join(', ');
  console.log(
    `[pdf] ${path.relative(BUILD, out)} (${result.lang}): ${result.pages} pages, ${(result.bytes / 1e6).toFixed(1)} MB ` +
      `in ${result.seconds.toFixed(1)} s (${steps})`,
  );
  return { result, pages: text.map(squash), info: info as Record<string, unknown> };
}

describe('npm run pdf', () => {
  beforeAll(async () => {
    // Both editions side by side: the French one adds less than its own time to the file's.
    const started = Date.now();
    const [en, french] = await Promise.all([
      made(`${baseURL()}/`, 'http://127.0.0.1/', path.join(BUILD, PDF_NAME)),
      made(`${baseURL()}/fr/`, 'http://127.0.0.1/fr/', FR_PDF),
    ]);
    ({ result, pages, info: enInfo } = en);
    fr = french;
    console.log(`[pdf] both in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 600_000);

  it("has every lesson, glossary and lab page of the site and the teacher's guide, in the order of the sidebars", () => {
    const site = sitemapRoutes().filter((route) => /^\/(lessons|glossary|labs|teachers)(\/|$)/.test(route));
    expect(result.chapters.map((c) => c.route).sort()).toEqual([...site].sort());
    expect(result.chapters[0].route).toBe('/lessons');
    expect([...new Set(result.chapters.map((c) => c.part))]).toEqual(['Lessons', 'Glossary', 'Labs', 'For teachers']);
    expect(pages.length).toBe(result.pages);
  });

  it("prints each page's title on the page the contents give for it", () => {
    const misplaced = result.chapters.filter((c) => !pages[c.page - 1].includes(squash(c.title)));
    expect(misplaced).toEqual([]);
    const contents = pages.slice(1, result.chapters[0].page - 1).join(' ');
    for (const c of result.chapters) expect(contents).toContain(`${squash(c.title)} ${c.page}`);
  });

  it("opens with a title page from course.config.ts: the course's name, organisation and licence", () => {
    expect(pages[0]).toContain(course.title);
    expect(pages[0]).toContain(course.organisation);
    expect(pages[0]).toContain(LICENSES[course.license.content].name);
  });

  it('numbers its pages in the footer', () => {
    // The footer (course, licence, address, number) on every page but the title page.
    const footer = `${course.title} · ${course.license.content} · http://127.0.0.1/`;
    // pdf.js gives the margin boxes' text before or after the page's own, the number first or last.
    const numbered = (text: string, page: number) =>
      [`${page}${footer}`, `${page} ${footer}`, `${footer} ${page}`].some((t) => text.includes(t));
    const unnumbered = pages.map((text, i) => ({ page: i + 1, text })).filter(({ page, text }) => page > 1 && !numbered(text, page));
    expect(unnumbered.map((p) => `${p.page}: ${p.text.slice(0, 60)} … ${p.text.slice(-60)}`)).toEqual([]);
    expect(pages[0]).not.toContain(footer);
  });

  it('is the file the "Print and PDF" page links to, and so is the French one for /fr/pdf', async () => {
    const browser = await launchBrowser();
    try {
      const { page } = await openPage(browser);
      for (const [route, name, made] of [
        ['/pdf', PDF_NAME, result],
        ['/fr/pdf', pdfNameIn('fr'), fr.result],
      ] as const) {
        await page.goto(`${baseURL()}${route}`);
        const href = await page.locator(`a[data-pdf-link="${name}"]`).getAttribute('href');
        expect(new URL(href!, baseURL()).pathname).toBe(route.replace(/pdf$/, name));
        const response = await page.request.get(new URL(href!, baseURL()).href);
        expect(response.status()).toBe(200);
        expect(response.headers()['content-type']).toBe('application/pdf');
        expect((await response.body()).length).toBe(made.bytes);
      }
    } finally {
      await browser.close();
    }
  });

  it('has its contents and metadata in English (en)', () => {
    expect(result.lang).toBe('en');
    expect(enInfo.Language).toBe('en');
    expect(enInfo.Title).toBe(course.title);
    expect(pages[1]).toContain(WORDS.en.contents);
  });
});

describe('npm run pdf, the French edition (build/fr/)', () => {
  const wording = courseWording('fr');

  it('opens, in French (fr-CA), with about as many pages as the English one', () => {
    expect(fr.result.lang).toBe('fr-CA');
    expect(fr.pages.length).toBe(fr.result.pages);
    expect(fr.info.Language).toBe('fr-CA');
    expect(fr.info.Title).toBe(wording.title);
    expect(fr.info.Author).toBe(wording.organisation);
    // French runs longer than English; untranslated pages are the English ones.
    expect(fr.result.pages).toBeGreaterThan(result.pages * 0.9);
    expect(fr.result.pages).toBeLessThan(result.pages * 1.3);
  });

  it('has the same pages as the English one under /fr/, in French parts, the glossary in French order', () => {
    // The same pages; each edition in its own sidebar's order, and the glossary's follows its titles.
    expect(fr.result.chapters.map((c) => c.route).sort()).toEqual(result.chapters.map((c) => `/fr${c.route}`).sort());
    const french = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
    const terms = fr.result.chapters.filter((c) => c.space === 'glossary' && c.route !== '/fr/glossary').map((c) => c.title);
    expect(terms.length).toBeGreaterThan(80);
    expect(terms).toEqual([...terms].sort(french.compare));
    expect(fr.result.chapters.filter((c) => c.space !== 'glossary').map((c) => c.route)).toEqual(
      result.chapters.filter((c) => c.space !== 'glossary').map((c) => `/fr${c.route}`),
    );
    expect([...new Set(fr.result.chapters.map((c) => c.part))]).toEqual(['Leçons', 'Glossaire', 'Laboratoires', 'Guide pédagogique']);
    expect(CONTENT_SPACES.map((s) => s.labels.fr)).toEqual(['Leçons', 'Glossaire', 'Laboratoires', 'Guide pédagogique']);
  });

  it('has a French title page: the course in French, its organisation and licences, nothing the script adds in English', () => {
    const title = fr.pages[0];
    expect(title).toContain(squash(wording.tagline));
    expect(title).toContain(squash(wording.organisation));
    expect(title).toContain(squash(licenseIn(course.license.content, 'fr').name));
    expect(title).toContain(squash(WORDS.fr.online));
    expect(title).toContain('Textes et figures');
    expect(title).toContain('Cet exemplaire a été produit le');
    expect(title).toContain('http://127.0.0.1/fr/');
    for (const english of ['Online, with code', 'Text and figures', 'unless a page says otherwise', 'This copy was made'])
      expect(title).not.toContain(english);
  });

  it('has a French table of contents with each page on the page it gives', () => {
    const contents = fr.pages.slice(1, fr.result.chapters[0].page - 1).join(' ');
    expect(contents).toContain('Table des matières');
    for (const c of fr.result.chapters) expect(contents).toContain(`${squash(c.title)} ${c.page}`);
    // The first chapter of each part, spot-checked on its page (the English PDF checks them all).
    const firsts = [...new Set(fr.result.chapters.map((c) => c.part))].map((part) => fr.result.chapters.find((c) => c.part === part)!);
    expect(firsts.filter((c) => !fr.pages[c.page - 1].includes(squash(c.title)))).toEqual([]);
    // The footer: the course, its licence and the French edition's address.
    expect(fr.pages[fr.pages.length - 1]).toContain(`${wording.title} · ${course.license.content} · http://127.0.0.1/fr/`);
  });
});
