/**
 * Reads the course's content folders at build time: every glossary term (id, title, one-line
 * definition, related ids) and, for each term, the lesson and lab pages that link it with
 * `<Term id="…">`. Used by the remark plugin (tooltips, glossary footers) and by the tests.
 * Plain Node (fs + gray-matter): no Docusaurus internals.
 */
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';

export type ContentSpace = { dir: string; routeBasePath: string; label: string };

/** The three docs instances: folder → URL space. Keep in sync with docusaurus.config.ts. */
export const CONTENT_SPACES: ContentSpace[] = [
  { dir: 'docs', routeBasePath: 'lessons', label: 'Lessons' },
  { dir: 'glossary', routeBasePath: 'glossary', label: 'Glossary' },
  { dir: 'labs', routeBasePath: 'labs', label: 'Labs' },
];

export type ContentPage = {
  /** Path relative to the site root, e.g. docs/training/k-nearest-neighbours.mdx */
  file: string;
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

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith('_') ? [] : walk(full);
    return MARKDOWN.test(entry.name) && !entry.name.startsWith('_') ? [full] : [];
  });
}

/** The URL of a page, following Docusaurus's rules for `index` files and `slug` front matter. */
function routeOf(space: ContentSpace, relative: string, frontMatter: Record<string, unknown>): string {
  const withoutExt = relative.replace(MARKDOWN, '');
  const folder = path.posix.dirname(withoutExt);
  const base = path.posix.basename(withoutExt);
  let route: string;
  const slug = frontMatter.slug;
  if (typeof slug === 'string') {
    route = slug.startsWith('/') ? slug : path.posix.join('/', folder === '.' ? '' : folder, slug);
  } else if (base === 'index' || base.toLowerCase() === 'readme') {
    route = folder === '.' ? '/' : `/${folder}`;
  } else {
    route = `/${withoutExt}`;
  }
  const joined = path.posix.join('/', space.routeBasePath, route);
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}

export function readContentPages(siteDir: string): ContentPage[] {
  return CONTENT_SPACES.flatMap((space) => {
    const root = path.join(siteDir, space.dir);
    return walk(root).map((full) => {
      const relative = path.relative(root, full).split(path.sep).join('/');
      const { data, content } = matter(fs.readFileSync(full, 'utf8'));
      return {
        file: path.relative(siteDir, full).split(path.sep).join('/'),
        space,
        route: routeOf(space, relative, data),
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
  for (const page of pages) {
    if (page.space.dir === 'glossary') continue;
    for (const id of new Set(termReferences(page.body))) {
      const term = terms.get(id);
      if (term) term.usedIn.push({ title: String(page.frontMatter.title ?? page.route), route: page.route });
    }
  }
  for (const term of terms.values()) term.usedIn.sort((a, b) => a.route.localeCompare(b.route));
  return terms;
}
