/**
 * Reads the course's content folders at build time: every glossary term (id, title, one-line
 * definition, related ids) and, for each term, the lesson and lab pages that link it with
 * `<Term id="…">`. Used by the remark plugin (tooltips, glossary footers) and by the tests.
 *
 * Page addresses are computed with the docs plugin's own code (its file list, number-prefix
 * parser and `getSlug`), so `01-intro.mdx`, `id` and `slug` front matter give the routes
 * Docusaurus gives them. tests/content/routes.test.ts compares them with the routes the docs
 * plugin itself loads, on a fixture and on the real site.
 */
import { inLanguage } from '../i18n/language';
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { Globby, GlobExcludeDefault, normalizeUrl } from '@docusaurus/utils';
import getSlug from '@docusaurus/plugin-content-docs/lib/slug.js';
import { DefaultNumberPrefixParser } from '@docusaurus/plugin-content-docs/lib/numberPrefix.js';

export type ContentSpace = {
  dir: string;
  routeBasePath: string;
  /** Its name in English (the PDF's part titles); `labels` has it in the site's other languages. */
  label: string;
  /** Its name by locale ("fr"), for the languages the site is translated into. */
  labels: Record<string, string>;
  pluginId: string;
};

/** The docs instances: folder → URL space. Keep in sync with docusaurus.config.ts. */
export const CONTENT_SPACES: ContentSpace[] = [
  { dir: 'docs', routeBasePath: 'lessons', label: 'Lessons', labels: { fr: 'Leçons' }, pluginId: 'default' },
  { dir: 'glossary', routeBasePath: 'glossary', label: 'Glossary', labels: { fr: 'Glossaire' }, pluginId: 'glossary' },
  { dir: 'labs', routeBasePath: 'labs', label: 'Labs', labels: { fr: 'Laboratoires' }, pluginId: 'labs' },
  // The teacher's guide: its own space, so it is searched and licensed like a lesson but is not a section.
  { dir: 'teachers', routeBasePath: 'teachers', label: 'For teachers', labels: { fr: 'Guide pédagogique' }, pluginId: 'teachers' },
];

/** A content space's name in `locale` ("fr", "fr-CA"): English where it has none. */
export function spaceLabel(space: ContentSpace, locale: string): string {
  return inLanguage(space.labels, locale) ?? space.label;
}

/** The language the site is written in; other locales translate it (docusaurus.config.ts `i18n`). */
export const DEFAULT_LOCALE = 'en';

/**
 * The locale being built or served. Docusaurus sets DOCUSAURUS_CURRENT_LOCALE per locale; a plain
 * `npm start` (no --locale) assigns it undefined, which the environment keeps as the string
 * "undefined": that, like no value, is the default locale.
 */
export function currentLocale(env: NodeJS.ProcessEnv = process.env): string {
  const locale = env.DOCUSAURUS_CURRENT_LOCALE;
  return !locale || locale === 'undefined' ? DEFAULT_LOCALE : locale;
}

/**
 * Where a locale's translation of a content space lives, relative to the site:
 * i18n/fr/docusaurus-plugin-content-docs/current for the lessons, …-docs-glossary/current, etc.
 */
export function translatedDir(space: ContentSpace, locale: string): string {
  const plugin = space.pluginId === 'default' ? 'docusaurus-plugin-content-docs' : `docusaurus-plugin-content-docs-${space.pluginId}`;
  return path.posix.join('i18n', locale, plugin, 'current');
}

export type ContentPage = {
  /**
   * Path relative to the site root of the file the page is built from, e.g.
   * docs/training/k-nearest-neighbours.mdx, or its translation under i18n/<locale>/….
   */
  file: string;
  /** The English file the page translates (equal to `file` for English pages and untranslated ones). */
  source: string;
  space: ContentSpace;
  /** The page's URL path without the base URL, e.g. /lessons/training/k-nearest-neighbours */
  route: string;
  frontMatter: Record<string, unknown>;
  body: string;
};

export type GlossaryTerm = {
  id: string;
  title: string;
  definition: string;
  related: string[];
  route: string;
  /** Lesson and lab pages that link this term, in sidebar-independent alphabetical order. */
  usedIn: { title: string; route: string }[];
};

const MARKDOWN = /\.mdx?$/;

/** The files the docs plugin reads in a content folder (its default `include` and `exclude`), relative to it. */
export function contentFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return Globby.sync(['**/*.{md,mdx}'], { cwd: dir, ignore: GlobExcludeDefault }).sort();
}

/**
 * The URL of a page (without the base URL, no trailing slash), computed the way the docs plugin
 * does (lib/docs.js, doProcessDocMetadata): number prefixes stripped unless
 * `parse_number_prefixes: false`, `id` front matter as the base id, `slug` front matter absolute
 * or relative to the folder, index/readme/<folder>.md as the folder's page.
 */
export function routeOf(space: ContentSpace, relative: string, frontMatter: Record<string, unknown>): string {
  const source = relative.split(path.sep).join('/');
  const sourceDirName = path.posix.dirname(source);
  const fileName = path.posix.basename(source, path.posix.extname(source));
  const parseNumberPrefixes = frontMatter.parse_number_prefixes !== false;
  const unprefixed = parseNumberPrefixes ? DefaultNumberPrefixParser(fileName).filename : fileName;
  const baseID = typeof frontMatter.id === 'string' ? frontMatter.id : unprefixed;
  const slug = getSlug({
    baseID,
    source,
    sourceDirName,
    frontMatterSlug: typeof frontMatter.slug === 'string' ? frontMatter.slug : undefined,
    stripDirNumberPrefixes: parseNumberPrefixes,
    numberPrefixParser: DefaultNumberPrefixParser,
  });
  const route = normalizeUrl(['/', space.routeBasePath, slug]);
  return route.length > 1 ? route.replace(/\/$/, '') : route;
}

/**
 * Every page of the site in one locale. A page missing from a translation is read from English,
 * as Docusaurus does (it serves the English file under /fr/ until a translation exists). Routes
 * are the same in every locale, without the locale's base URL (/fr/).
 */
export function readContentPages(siteDir: string, locale: string = DEFAULT_LOCALE): ContentPage[] {
  return CONTENT_SPACES.flatMap((space) => {
    const root = path.join(siteDir, space.dir);
    return contentFiles(root).map((relative) => {
      const source = path.join(root, relative);
      const translated = locale === DEFAULT_LOCALE ? source : path.join(siteDir, translatedDir(space, locale), relative);
      const full = fs.existsSync(translated) ? translated : source;
      const { data, content } = matter(fs.readFileSync(full, 'utf8'));
      const english = full === source ? data : matter(fs.readFileSync(source, 'utf8')).data;
      return {
        file: path.relative(siteDir, full).split(path.sep).join('/'),
        source: path.relative(siteDir, source).split(path.sep).join('/'),
        space,
        // The route comes from the English file's slug/id: a translation keeps its page's address.
        route: routeOf(space, relative, english),
        frontMatter: data,
        body: content,
      };
    });
  });
}

const TERM_REFERENCE = /<Term\b[^>]*?\bid=(?:"([^"]+)"|'([^']+)'|\{["']([^"']+)["']\})/g;

/** Every `<Term id="…">` reference in a page body. */
export function termReferences(body: string): string[] {
  return [...body.matchAll(TERM_REFERENCE)].map((m) => m[1] ?? m[2] ?? m[3]);
}

export function readGlossary(siteDir: string, pages = readContentPages(siteDir)): Map<string, GlossaryTerm> {
  const terms = new Map<string, GlossaryTerm>();
  for (const page of pages) {
    if (page.space.dir !== 'glossary') continue;
    const id = path.posix.basename(page.file).replace(MARKDOWN, '');
    if (id === 'index') continue;
    const fm = page.frontMatter;
    terms.set(id, {
      id,
      title: String(fm.title ?? id),
      definition: String(fm.description ?? ''),
      related: Array.isArray(fm.related) ? fm.related.map(String) : [],
      route: page.route,
      usedIn: [],
    });
  }
  // A draft has no page in a production build (Docusaurus's isDraft): no "Used in" link to it.
  const built = (page: ContentPage) => !(page.frontMatter.draft === true && process.env.NODE_ENV === 'production');
  for (const page of pages) {
    if (page.space.dir === 'glossary' || !built(page)) continue;
    for (const id of new Set(termReferences(page.body))) {
      const term = terms.get(id);
      if (term) term.usedIn.push({ title: String(page.frontMatter.title ?? page.route), route: page.route });
    }
  }
  for (const term of terms.values()) term.usedIn.sort((a, b) => a.route.localeCompare(b.route));
  return terms;
}
