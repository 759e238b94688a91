/**
 * `npm run pdf`: the whole course as one PDF per language, from the built site, with the Chromium
 * the tests use. Writes build/<course title as a file name>.pdf (e.g. build/ml-on-the-edge.pdf)
 * and, for each translation, build/<locale>/<its title as a file name>.pdf (the French edition:
 * build/fr/ml-on-the-edge.pdf), so a deploy that uploads build/ publishes them (each edition's
 * "Print and PDF" page links to its own), and prints their page counts, sizes and times.
 *
 * Each PDF is in its edition's language: the pages are the build's (build/fr/ for French), and
 * what this script adds (title page, contents, part titles, metadata) is in that language too
 * (WORDS below, course.config.ts `translations`, the content spaces' `labels`).
 *
 * 1. Builds the site first if build/ is missing or older than a file it is built from.
 * 2. Serves build/ (tests/browser/serve.mjs) and opens it in Chromium with page scripts off:
 *    the server's HTML is the whole page (code highlighted, formulas rendered at build time).
 * 3. Reads the order from the pages themselves (each page's "Next" link: the sidebar's order)
 *    for the lessons, the glossary, the labs and the teacher's guide, and puts their articles one after another in
 *    one document, after a title page (course.config.ts) and a table of contents. Links between
 *    pages become links inside the PDF; other links to the site point at its public address.
 * 4. Prints it (the site's print stylesheet, src/css/print.css, applies). Chromium cannot number
 *    the table of contents itself (no `target-counter`): the print tells on which page each
 *    chapter starts (the PDF's link destinations); then the title page and contents are printed
 *    again alone with those numbers, and their pages' content replaces the first pages'.
 *
 *   npm run pdf                             # build if needed, then every language's PDF
 *   npm run pdf -- --locale fr              # only the French one (build/fr/ml-on-the-edge.pdf)
 *   npm run pdf -- --locale fr --out x.pdf  # somewhere else (one language at a time)
 */
import { inLanguage, inLanguageOrEnglish } from '../src/i18n/language';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { PDFDocument, PDFName } from 'pdf-lib';
import { getDocumentProxy } from 'unpdf';
import course from '../course.config';
import { CHROMIUM, CHROMIUM_FLAGS, NO_OTHER_ORIGIN } from './chromium';
import { licenseIn } from '../src/plugins/licenses';
import { CONTENT_SPACES, DEFAULT_LOCALE, spaceLabel } from '../src/plugins/content-index';
import { pdfName } from '../src/plugins/pdf-name';

const ROOT = path.resolve(__dirname, '..');
export const BUILD = path.join(ROOT, 'build');
/** What the site is built from (as tests/build-site.ts counts it). */
const INPUTS = [
  'docs',
  'glossary',
  'labs',
  'teachers',
  'i18n',
  'src',
  'code',
  'static',
  'docusaurus.config.ts',
  'sidebars.ts',
  'course.config.ts',
  'package-lock.json',
];

/** The course's wording in a language (course.config.ts `translations`), English where it has none. */
export function courseWording(locale: string) {
  const own = inLanguage(course.translations ?? {}, locale);
  return {
    title: course.title,
    tagline: course.tagline,
    organisation: course.organisation,
    attribution: course.license.attribution,
    ...own,
  };
}

/**
 * The PDF's file name in a locale's build: its course title in lower case, words joined by
 * hyphens (the name its "Print and PDF" page links to, src/plugins/pdf-name.ts).
 */
export function pdfNameIn(locale: string): string {
  return pdfName(courseWording(locale).title);
}

/** The English PDF's file name, e.g. ml-on-the-edge.pdf. */
export const PDF_NAME = pdfNameIn(DEFAULT_LOCALE);

type Words = {
  /** The title page's line before the site's address. */
  online: string;
  licence: (content: string, code: string) => string;
  made: (date: string) => string;
  contents: string;
};

/**
 * What the PDF says besides the pages and the course's own wording, in each language the site
 * has (by language, "fr" for fr-CA). French: OQLF typography, a no-break space before ":".
 */
export const WORDS: { en: Words } & Record<string, Words> = {
  en: {
    online: 'Online, with code you can edit and run:',
    licence: (content, code) => `Text and figures: ${content}, unless a page says otherwise. Code: ${code}.`,
    made: (date) => `This copy was made on ${date}.`,
    contents: 'Contents',
  },
  fr: {
    online: 'En ligne, avec du code à modifier et à exécuter\u00a0:',
    licence: (content, code) => `Textes et figures\u00a0: ${content}, sauf indication contraire sur une page. Code\u00a0: ${code}.`,
    made: (date) => `Cet exemplaire a été produit le ${date}.`,
    contents: 'Table des matières',
  },
};

/** The words for a page language ("fr-CA" → French); English for a language not in WORDS. */
export function wordsFor(lang: string): Words {
  return inLanguageOrEnglish(WORDS, lang);
}

/** A page of the book: its title, route, part (its space's name in the PDF's language), space (its folder: docs, glossary…) and first page. */
export type Chapter = { title: string; route: string; part: string; space: string; page: number };
export type PdfResult = {
  file: string;
  /** The language of the pages and of the PDF (their `<html lang>`, e.g. "fr-CA"). */
  lang: string;
  pages: number;
  bytes: number;
  seconds: number;
  /** Seconds per step: assembling the book, each print. */
  steps: Record<string, number>;
  chapters: Chapter[];
};

function newestInput(): number {
  let newest = 0;
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) fs.readdirSync(p).forEach((name) => visit(path.join(p, name)));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  INPUTS.forEach((name) => visit(path.join(ROOT, name)));
  return newest;
}

/** The site's other languages: i18n/<locale>/ (docusaurus.config.ts builds each into build/<locale>/). */
export function translatedLocales(): string[] {
  const dir = path.join(ROOT, 'i18n');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== DEFAULT_LOCALE)
    .map((e) => e.name)
    .sort();
}

/** Where a locale is built: build/ for English, build/fr/ for French. */
export function localeBuild(locale: string): string {
  return locale === DEFAULT_LOCALE ? BUILD : path.join(BUILD, locale);
}

/**
 * True when build/ is missing, lacks a language (build/fr/), or a file the site is built from
 * changed after it was built.
 */
export function buildIsStale(): boolean {
  const newest = newestInput();
  return [DEFAULT_LOCALE, ...translatedLocales()].some((locale) => {
    const index = path.join(localeBuild(locale), 'index.html');
    return !fs.existsSync(index) || fs.statSync(index).mtimeMs < newest;
  });
}

/** The build's public address and base path, from the home page's canonical link. */
export function buildAddress(buildDir = BUILD): { origin: string; base: string } {
  const html = fs.readFileSync(path.join(buildDir, 'index.html'), 'utf8');
  const href = /<link[^>]*rel=["']?canonical["']?[^>]*href=["']?([^"' >]+)/.exec(html)?.[1];
  if (!href) throw new Error(`${buildDir}/index.html has no canonical link: is it a Docusaurus build of this site?`);
  const url = new URL(href);
  return { origin: url.origin, base: url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/` };
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * Title page and table of contents (page numbers filled in on the second print), in the
 * language of the pages (`lang`, e.g. "fr-CA").
 */
function frontMatter(chapters: Omit<Chapter, 'page'>[], publicUrl: string, made: string, lang: string): string {
  const wording = courseWording(lang);
  const words = wordsFor(lang);
  const content = licenseIn(course.license.content, lang);
  const code = licenseIn(course.license.code, lang);
  const parts = [...new Set(chapters.map((c) => c.space))];
  const toc = parts
    .map((space) => {
      const part = chapters.find((c) => c.space === space)!.part;
      const items = chapters
        .map((c, i) => ({ c, i }))
        .filter(({ c }) => c.space === space)
        .map(
          ({ c, i }) =>
            `<li><a href="#c${i}"><span class="pdf-toc-title">${escapeHtml(c.title)}</span><span class="pdf-toc-page" data-chapter="${i}">000</span></a></li>`,
        )
        .join('');
      return `<section class="pdf-toc-part" data-space="${escapeHtml(space)}"><h2>${escapeHtml(part)}</h2><ol>${items}</ol></section>`;
    })
    .join('');
  return `
    <section class="pdf-title-page">
      <h1>${escapeHtml(wording.title)}</h1>
      <p class="pdf-tagline">${escapeHtml(wording.tagline)}</p>
      <p class="pdf-organisation">${escapeHtml(wording.organisation)}</p>
      <p>${escapeHtml(words.online)} <a href="${escapeHtml(publicUrl)}">${escapeHtml(publicUrl)}</a></p>
      <p class="pdf-licence">${escapeHtml(
        words.licence(`${content.name} (${course.license.content})`, `${code.name} (${course.license.code})`),
      )} ${escapeHtml(wording.attribution)}</p>
      <p class="pdf-made">${escapeHtml(words.made(made))}</p>
    </section>
    <nav class="pdf-toc" aria-label="${escapeHtml(words.contents)}"><h1>${escapeHtml(words.contents)}</h1>${toc}</nav>`;
}

/** Print layout of the assembled book (the site's print stylesheet does the rest). */
function bookCss(footer: string): string {
  const quoted = JSON.stringify(footer);
  return `
    @page { size: A4; margin: 16mm 15mm 18mm;
      @bottom-left { content: ${quoted}; font: 8pt system-ui, sans-serif; color: #555; }
      @bottom-right { content: counter(page); font: 9pt system-ui, sans-serif; color: #333; } }
    @page :first { @bottom-left { content: none; } @bottom-right { content: none; } }
    html, body { background: #fff; }
    body { font-size: 11pt; }
    .pdf-title-page { min-height: 230mm; display: flex; flex-direction: column; justify-content: center; }
    .pdf-title-page h1 { font-size: 32pt; margin-bottom: 8mm; }
    .pdf-tagline { font-size: 14pt; }
    .pdf-organisation { font-size: 13pt; font-weight: 700; margin-top: 10mm; }
    .pdf-licence, .pdf-made { font-size: 9.5pt; }
    .pdf-toc { break-before: page; }
    .pdf-toc h2 { font-size: 14pt; margin: 6mm 0 2mm; }
    .pdf-toc ol { list-style: none; padding: 0; margin: 0; }
    .pdf-toc-part[data-space="glossary"] ol { columns: 2; column-gap: 10mm; }
    .pdf-toc li { break-inside: avoid; }
    .pdf-toc a { display: flex; gap: 2mm; color: inherit; text-decoration: none; font-size: 10pt; line-height: 1.5; }
    .pdf-toc-title { flex: 1; border-bottom: 1px dotted #999; }
    .pdf-toc-page { width: 3em; text-align: right; font-variant-numeric: tabular-nums; }
    .pdf-part { break-before: page; font-size: 24pt; padding-top: 60mm; }
    .pdf-chapter { break-before: page; }
    .pdf-chapter[data-flow="run-on"] { break-before: auto; border-top: 1px solid #bbb; margin-top: 8mm; padding-top: 4mm; }
    .pdf-part + .pdf-chapter { break-before: page; border-top: 0; }
    .pdf-chapter article { margin: 0; }
    .pdf-chapter h1 { font-size: 22pt; }
    .pdf-chapter h2 { font-size: 15pt; }
    .pdf-chapter h3 { font-size: 12.5pt; }
    .pdf-chapter[data-flow="run-on"] h1 { font-size: 16pt; }
    .pdf-chapter[data-flow="run-on"] h2 { font-size: 12pt; }
  `;
}

/**
 * In the page (Chromium, scripts off): fetch every page of the three spaces in sidebar order,
 * and replace the document's body with the book. Returns the chapters' titles.
 */
async function assemble(
  page: Page,
  starts: { part: string; space: string; route: string; runOn: boolean }[],
  publicOrigin: string,
): Promise<Omit<Chapter, 'page'>[]> {
  return page.evaluate(
    async ({ starts, publicOrigin }) => {
      const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
      const cache = new Map<string, Document>();
      const load = async (route: string) => {
        if (!cache.has(route)) {
          const res = await fetch(route);
          if (!res.ok) throw new Error(`${route}: HTTP ${res.status}`);
          cache.set(route, parse(await res.text()));
        }
        return cache.get(route)!;
      };
      const norm = (p: string) =>
        decodeURI(p)
          .replace(/\.html$/, '')
          .replace(/\/+$/, '') || '/';
      const link = (doc: Document, which: 'prev' | 'next') =>
        doc.querySelector<HTMLAnchorElement>(`a.pagination-nav__link--${which}`)?.getAttribute('href') ?? null;

      // Each space in its sidebar's order: back to its first page, then forward to its last.
      const pages: { part: string; space: string; route: string; runOn: boolean; doc: Document }[] = [];
      for (const start of starts) {
        let first = start.route;
        for (let prev = link(await load(first), 'prev'), guard = 0; prev && guard < 1000; guard++) {
          first = norm(prev);
          prev = link(await load(first), 'prev');
        }
        const seen = new Set<string>();
        for (let route: string | null = first; route && !seen.has(route);) {
          seen.add(route);
          const doc = await load(route);
          pages.push({ part: start.part, space: start.space, route, runOn: start.runOn, doc });
          const next = link(doc, 'next');
          route = next ? norm(next) : null;
        }
      }

      const index = new Map(pages.map((p, i) => [p.route, i]));
      const chapters: { title: string; route: string; part: string; space: string }[] = [];
      const body = document.createElement('main');
      body.className = 'pdf-book';
      let part = '';
      pages.forEach((p, i) => {
        const article = p.doc.querySelector('article');
        if (!article) throw new Error(`${p.route}: no <article>`);
        const title = (article.querySelector('h1')?.textContent ?? p.doc.title).trim();
        chapters.push({ title, route: p.route, part: p.part, space: p.space });
        // Ids are unique within the book: "c3-recap" for #recap on the fourth page.
        const prefix = `c${i}-`;
        article.querySelectorAll('[id]').forEach((el) => (el.id = prefix + el.id));
        for (const attr of ['aria-labelledby', 'aria-describedby', 'aria-controls', 'for']) {
          article.querySelectorAll(`[${attr}]`).forEach((el) =>
            el.setAttribute(
              attr,
              el
                .getAttribute(attr)!
                .split(/\s+/)
                .map((id) => prefix + id)
                .join(' '),
            ),
          );
        }
        article.querySelectorAll<HTMLAnchorElement>('a[href]').forEach((a) => {
          const url = new URL(a.getAttribute('href')!, new URL(p.route, location.href));
          if (url.origin !== location.origin) return;
          const target = index.get(norm(url.pathname));
          const hash = decodeURIComponent(url.hash.slice(1));
          if (target !== undefined) a.setAttribute('href', hash ? `#c${target}-${hash}` : `#c${target}`);
          else a.setAttribute('href', publicOrigin + url.pathname + url.hash);
        });
        // Lazy images would wait for a scroll that never comes.
        article.querySelectorAll('img[loading]').forEach((img) => img.removeAttribute('loading'));
        if (p.part !== part) {
          part = p.part;
          const heading = document.createElement('h1');
          heading.className = 'pdf-part';
          heading.textContent = part;
          body.append(heading);
        }
        const section = document.createElement('section');
        section.className = 'pdf-chapter';
        // The contents link to the title (a run-on glossary entry may start at the foot of one
        // page while its title moves to the next: the title's page is the one to give).
        const heading = article.querySelector('h1');
        if (heading) heading.id = `c${i}`;
        else section.id = `c${i}`;
        section.dataset.route = p.route;
        if (p.runOn) section.dataset.flow = 'run-on';
        section.append(document.importNode(article, true));
        body.append(section);
      });

      document.documentElement.dataset.theme = 'light';
      document.body.className = '';
      document.body.replaceChildren(body);
      return chapters;
    },
    { starts, publicOrigin },
  );
}

/** Waits for the book's images and fonts (KaTeX faces load when a formula is laid out). */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await Promise.all([...document.images].map((img) => (img.complete ? undefined : img.decode().catch(() => undefined))));
    void document.body.offsetHeight;
    await document.fonts.ready;
  });
}

/** On which page (1-based) each chapter's section starts, from the PDF's named destinations. */
async function chapterPages(pdf: Uint8Array, count: number): Promise<number[]> {
  const doc = await getDocumentProxy(new Uint8Array(pdf)); // a copy: pdf.js may take the buffer over
  const pages: number[] = [];
  for (let i = 0; i < count; i++) {
    const dest = await doc.getDestination(`c${i}`);
    if (!dest) throw new Error(`the PDF has no destination for chapter ${i}: did the table of contents link to it?`);
    pages.push((await doc.getPageIndex(dest[0] as { num: number; gen: number })) + 1);
  }
  return pages;
}

/** The PDF's document information and language. */
export type PdfMetadata = { title: string; author: string; subject: string; lang: string };

/**
 * The book with its first pages' content (title page and contents) taken from `front`, a print
 * of those pages alone. Each page keeps its own object, so the links drawn on it (the contents'
 * links to chapters), the bookmarks and the tags that point at it stay valid. Sets its metadata.
 */
async function replaceFrontPages(
  book: Uint8Array,
  front: Uint8Array,
  firstChapterPage: number,
  metadata: PdfMetadata,
): Promise<Uint8Array> {
  const doc = await PDFDocument.load(book);
  doc.setTitle(metadata.title, { showInWindowTitleBar: true });
  doc.setAuthor(metadata.author);
  doc.setSubject(metadata.subject);
  doc.setLanguage(metadata.lang);
  const source = await PDFDocument.load(front);
  const count = source.getPageCount();
  if (count >= firstChapterPage)
    throw new Error(`the contents alone take ${count} pages, but the first chapter starts on page ${firstChapterPage}`);
  const copies = await doc.copyPages(source, source.getPageIndices());
  copies.forEach((copy, i) => {
    const target = doc.getPage(i).node;
    for (const key of ['Contents', 'Resources']) target.set(PDFName.of(key), copy.node.get(PDFName.of(key))!);
  });
  return doc.save();
}

/**
 * Makes the PDF from a build served at `siteUrl` (its base path included, e.g.
 * http://127.0.0.1:3000/, or http://127.0.0.1:3000/fr/ for the French edition). `publicUrl` is
 * where that edition lives (links and the title page). The PDF's language is its pages'.
 */
export async function makePdf({ siteUrl, publicUrl, out }: { siteUrl: string; publicUrl: string; out: string }): Promise<PdfResult> {
  const started = Date.now();
  const steps: Record<string, number> = {};
  let mark = started;
  const step = (name: string) => {
    steps[name] = (Date.now() - mark) / 1000;
    mark = Date.now();
  };
  // Offline: nothing but the local server (as in the browser tests).
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS, NO_OTHER_ORIGIN], headless: true });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: 'light' });
    const page = await context.newPage();
    const base = new URL(siteUrl).pathname.replace(/\/?$/, '/');
    const first = `${base}${CONTENT_SPACES[0].routeBasePath}`;
    await page.goto(new URL(first, siteUrl).href, { waitUntil: 'load' });
    // The edition's language, from its pages (docusaurus.config.ts `htmlLang`: "en", "fr-CA").
    const lang = (await page.evaluate(() => document.documentElement.lang)) || DEFAULT_LOCALE;
    const wording = courseWording(lang);
    const starts = CONTENT_SPACES.map((space) => ({
      part: spaceLabel(space, lang),
      space: space.dir,
      route: `${base}${space.routeBasePath}`,
      // Glossary entries are short: they follow one another instead of each starting a page.
      runOn: space.dir === 'glossary',
    }));
    // tsx (esbuild's keepNames) wraps the functions sent to the page in a `__name` helper.
    await page.evaluate('globalThis.__name = (f) => f');
    const chapters = await assemble(page, starts, new URL(publicUrl).origin);
    const made = new Date().toISOString().slice(0, 10);
    const footer = `${wording.title} · ${course.license.content} · ${publicUrl}`;
    await page.evaluate(
      ({ front, css }) => {
        document.querySelector('.pdf-book')!.insertAdjacentHTML('afterbegin', front);
        const style = document.createElement('style');
        style.textContent = css;
        document.head.append(style);
        document.title = document.querySelector('.pdf-title-page h1')!.textContent!;
      },
      { front: frontMatter(chapters, publicUrl, made, lang), css: bookCss(footer) },
    );
    await page.emulateMedia({ media: 'print' });
    await settle(page);
    step('assemble');
    const print = () => page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });

    // One print of the whole book tells where each chapter starts (the PDF's link destinations).
    const book = await print();
    step('print');
    const pages = await chapterPages(book, chapters.length);
    // Then the title page and contents alone, with those numbers: the same layout, so their
    // pages take the place of the first ones (links and bookmarks stay).
    await page.evaluate((numbers) => {
      document
        .querySelectorAll<HTMLElement>('.pdf-toc-page')
        .forEach((el) => (el.textContent = String(numbers[Number(el.dataset.chapter)])));
      document.querySelectorAll('.pdf-part, .pdf-chapter').forEach((el) => el.remove());
    }, pages);
    const front = await print();
    const pdf = await replaceFrontPages(book, front, pages[0], {
      title: wording.title,
      author: wording.organisation,
      subject: wording.tagline,
      lang,
    });
    step('contents');

    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, pdf);
    const count = (await getDocumentProxy(new Uint8Array(pdf))).numPages;
    return {
      file: out,
      lang,
      pages: count,
      bytes: pdf.length,
      seconds: (Date.now() - started) / 1000,
      steps,
      chapters: chapters.map((c, i) => ({ ...c, page: pages[i] })),
    };
  } finally {
    await browser.close();
  }
}

/** The value after a command-line option (`--out x.pdf`), if given. */
function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const locales = option('--locale') ? [option('--locale')!] : [DEFAULT_LOCALE, ...translatedLocales()];
  const outArg = option('--out');
  if (outArg && locales.length > 1) throw new Error('--out names one file: give --locale too (e.g. --locale en --out x.pdf)');
  const started = Date.now();
  if (buildIsStale()) {
    console.log('[pdf] build/ is missing or older than its sources: building the site…');
    execFileSync('npx', ['docusaurus', 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
  const { base } = buildAddress();
  // A dynamic import: serve.mjs is an ES module (with top-level await) and this file runs as CommonJS.
  const { startServer } = (await import('../tests/browser/serve.mjs')) as {
    startServer: (o: { dir: string; base: string }) => Promise<{ url: string; close: () => Promise<void> }>;
  };
  // One server for every language: build/fr/ is the French edition under <base>fr/.
  const server = await startServer({ dir: BUILD, base });
  try {
    for (const locale of locales) {
      const dir = localeBuild(locale);
      if (!fs.existsSync(path.join(dir, 'index.html')))
        throw new Error(`${path.relative(ROOT, dir)}/ has no build of the "${locale}" edition: run npx docusaurus build (every language)`);
      // The edition's own address: <base> for English, <base>fr/ for French.
      const edition = buildAddress(dir);
      const out = path.resolve(outArg ?? path.join(dir, pdfNameIn(locale)));
      const result = await makePdf({ siteUrl: `${server.url}${edition.base}`, publicUrl: `${edition.origin}${edition.base}`, out });
      const parts = [...new Set(result.chapters.map((c) => c.part))]
        .map((part) => `${part} ${result.chapters.filter((c) => c.part === part).length}`)
        .join(', ');
      console.log(
        `[pdf] ${path.relative(process.cwd(), out)} (${result.lang}): ${result.pages} pages (${parts}), ` +
          `${(result.bytes / 1e6).toFixed(1)} MB, made in ${result.seconds.toFixed(1)} s` +
          ` (${Object.entries(result.steps)
            .map(([name, s]) => `${name} ${s.toFixed(1)} s`)
            .join(', ')}; ${((Date.now() - started) / 1000).toFixed(1)} s since the start)`,
      );
    }
  } finally {
    await server.close();
  }
}

if (typeof require !== 'undefined' && require.main === module) {
  main().catch((error: unknown) => {
    console.error(`[pdf] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
