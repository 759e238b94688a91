/**
 * Remark plugin run on every lesson, glossary and lab page at build time:
 * 1. the page's `license` front matter must be an SPDX id the site knows (else the build fails,
 *    naming the file);
 * 2. every `<Term id="…">` must name a glossary page (else the build fails, naming the file and
 *    the term); the term's title and one-line definition are written into the element, so the
 *    tooltip needs no data download;
 * 3. glossary pages get their definition at the top and "Related terms" / "Used in these
 *    lessons" at the bottom, generated from front matter and the lessons' `<Term>` links;
 * 4. in a translated edition (`/fr/`), a page whose translation is older than its English page,
 *    or that is not translated yet, starts with a <TranslationNotice> linking to the English page.
 *
 * Each locale reads its own glossary (titles, definitions and "Used in" titles in its language).
 */
import { inLanguageOrEnglish } from '../i18n/language';
import path from 'node:path';
import { isKnownLicense, LICENSES } from './licenses';
import { currentLocale, DEFAULT_LOCALE, readContentPages, readGlossary, type GlossaryTerm } from './content-index';
import { statusOf, translationOfFile } from './translations';

/** The headings the build adds to glossary pages, by language. */
const WORDS: { en: { related: string; usedIn: string } } & Record<string, { related: string; usedIn: string }> = {
  en: { related: 'Related terms', usedIn: 'Used in these pages' },
  fr: { related: 'Termes associés', usedIn: 'Utilisé dans ces pages' },
};

type Node = {
  type: string;
  name?: string | null;
  value?: unknown;
  depth?: number;
  url?: string;
  attributes?: { type: string; name: string; value?: unknown }[];
  children?: Node[];
};
type VFileLike = { path?: string; data: { frontMatter?: Record<string, unknown> } };

export type RemarkCourseOptions = { siteDir: string; glossary?: boolean };

function visit(node: Node, fn: (node: Node) => void): void {
  fn(node);
  node.children?.forEach((child) => visit(child, fn));
}

const text = (value: string): Node => ({ type: 'text', value });
const link = (url: string, label: string): Node => ({ type: 'link', url, children: [text(label)] });
const heading = (label: string): Node => ({ type: 'heading', depth: 2, children: [text(label)] });
const list = (items: Node[]): Node => ({
  type: 'list',
  children: items.map((item) => ({ type: 'listItem', children: [{ type: 'paragraph', children: [item] }] })),
});

const cache = new Map<string, { at: number; terms: Map<string, GlossaryTerm> }>();
/** Re-read at most every two seconds, so `npm start` sees new terms without a restart. */
function glossary(siteDir: string, locale: string): Map<string, GlossaryTerm> {
  let entry = cache.get(locale);
  if (!entry || Date.now() - entry.at > 2000) {
    entry = { at: Date.now(), terms: readGlossary(siteDir, readContentPages(siteDir, locale)) };
    cache.set(locale, entry);
  }
  return entry.terms;
}

/** 'stale' or 'missing' when a page of a translated edition should say so, else undefined. */
export function translationState(siteDir: string, file: string, locale: string): 'stale' | 'missing' | undefined {
  if (locale === DEFAULT_LOCALE) return undefined;
  const translation = translationOfFile(siteDir, file);
  if (!translation) return 'missing'; // the English file, served under /<locale>/ until translated
  const state = statusOf(siteDir, translation.space, translation.relative, translation.locale).state;
  return state === 'current' ? undefined : 'stale';
}

export default function remarkCourse(options: RemarkCourseOptions) {
  return (tree: Node, file: VFileLike) => {
    const where = path.relative(options.siteDir, file.path ?? '(unknown file)');
    const license = file.data.frontMatter?.license;
    if (license === undefined) {
      throw new Error(
        `${where}: front matter has no "license". Add e.g. "license: CC-BY-SA-4.0" (known ids: ${Object.keys(LICENSES).join(', ')}).`,
      );
    }
    if (!isKnownLicense(license)) {
      throw new Error(`${where}: unknown licence id "${String(license)}" in front matter. Known ids: ${Object.keys(LICENSES).join(', ')}.`);
    }

    const locale = currentLocale();
    const words = inLanguageOrEnglish(WORDS, locale);
    const terms = glossary(options.siteDir, locale);
    const translation = file.path ? translationState(options.siteDir, file.path, locale) : undefined;
    if (translation && tree.children) {
      tree.children.unshift({
        type: 'mdxJsxFlowElement',
        name: 'TranslationNotice',
        attributes: [{ type: 'mdxJsxAttribute', name: 'state', value: translation }],
        children: [],
      });
    }
    visit(tree, (node) => {
      if ((node.type !== 'mdxJsxTextElement' && node.type !== 'mdxJsxFlowElement') || node.name !== 'Term') return;
      const attrs = node.attributes ?? [];
      const idAttr = attrs.find((a) => a.name === 'id');
      const id = typeof idAttr?.value === 'string' ? idAttr.value : undefined;
      const term = id ? terms.get(id) : undefined;
      if (!term) {
        throw new Error(`${where}: <Term id="${id ?? ''}"> names no glossary term (no glossary/${id ?? '?'}.mdx).`);
      }
      node.attributes = [
        ...attrs.filter((a) => a.name !== 'title' && a.name !== 'definition'),
        { type: 'mdxJsxAttribute', name: 'title', value: term.title },
        { type: 'mdxJsxAttribute', name: 'definition', value: term.definition },
      ];
    });

    if (!options.glossary) return;
    const id = path.basename(file.path ?? '').replace(/\.mdx?$/, '');
    const term = terms.get(id);
    if (!term || !tree.children) return;
    for (const related of term.related) {
      if (!terms.has(related)) throw new Error(`${where}: related term "${related}" names no glossary page.`);
    }
    // After the translation notice, if there is one.
    tree.children.splice(translation ? 1 : 0, 0, {
      type: 'mdxJsxFlowElement',
      name: 'Definition',
      attributes: [],
      children: [{ type: 'paragraph', children: [text(term.definition)] }],
    });
    if (term.related.length > 0) {
      tree.children.push(heading(words.related), list(term.related.map((r) => link(terms.get(r)!.route, terms.get(r)!.title))));
    }
    if (term.usedIn.length > 0) {
      tree.children.push(heading(words.usedIn), list(term.usedIn.map((u) => link(u.route, u.title))));
    }
  };
}
