/**
 * `npm run pdf` on the build the browser tests serve: one PDF with every lesson, glossary and lab
 * page (each title in its text, on the page the contents give), a title page from
 * course.config.ts, and the site's "Print and PDF" page links to the file. Prints the page
 * count, size and time (the same full run the deploy makes: no subset).
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import course from '../../course.config';
import { LICENSES } from '../../src/plugins/licenses';
import { BUILD, PDF_NAME, makePdf, type PdfResult } from '../../scripts/pdf';
import { baseURL, launchBrowser, openPage, sitemapRoutes } from './harness';

let result: PdfResult;
let pages: string[];
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('npm run pdf', () => {
  beforeAll(async () => {
    // Written where the deploy writes it, so the site's link can be followed below.
    result = await makePdf({ siteUrl: `${baseURL()}/`, publicUrl: 'http://127.0.0.1/', out: path.join(BUILD, PDF_NAME) });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(fs.readFileSync(result.file))), {
      mergePages: false,
    });
    pages = text.map(squash);
    const steps = Object.entries(result.steps)
      .map(([name, s]) => `${name} ${s.toFixed(1)} s`)
      .join(', ');
    console.log(`[pdf] ${result.pages} pages, ${(result.bytes / 1e6).toFixed(1)} MB in ${result.seconds.toFixed(1)} s (${steps})`);
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

  it('is the file the "Print and PDF" page links to', async () => {
    const browser = await launchBrowser();
    try {
      const { page } = await openPage(browser);
      await page.goto(`${baseURL()}/pdf`);
      const href = await page.locator(`a[data-pdf-link="${PDF_NAME}"]`).getAttribute('href');
      const response = await page.request.get(new URL(href!, baseURL()).href);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('application/pdf');
      expect((await response.body()).length).toBe(result.bytes);
    } finally {
      await browser.close();
    }
  });
});
