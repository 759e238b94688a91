/**
 * Finds glossary terms a page uses in its prose before (or without ever) linking them with
 * `<Term id="…">`. CONTRIBUTING.md asks every page to link the first use of each term.
 *
 * The page is parsed the way the site parses it (MDX with GitHub-flavoured Markdown and maths:
 * remark-parse, remark-mdx, remark-gfm and remark-math, the parsers Docusaurus installs), so
 * "prose" means Markdown text only. Never searched:
 * - front matter, import and export lines, `{…}` expressions, JSX attribute values (titles,
 *   file maps of code embeds);
 * - code blocks, inline code and maths;
 * - headings and table header rows (a link does not belong in a title);
 * - the text of links (it is already a link), image alt text, footnote definitions (they cite
 *   the titles of papers and pages), HTML comments;
 * - text in quotation marks ("…" or “…”, up to 120 characters, within one paragraph): titles
 *   of works, quotations, and words mentioned as words;
 * - quizzes (`<Quiz>`): a quiz at the start of a section asks about terms before the lesson
 *   introduces them, and its choices are form labels, where a link does not belong.
 *
 * A term is used when one of its names appears as a whole word or phrase, in any case, singular
 * or with a plural ending (s or es). Its names are its title without any short form in brackets
 * ("Mean squared error (MSE)" → "mean squared error") and the `synonyms` listed in its front
 * matter. Longer names are matched first and hide the shorter names inside them, so "Edge
 * Impulse" is not also a use of "impulse", nor "linear regression" of "regression".
 */
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export type TermNames = { id: string; names: string[] };

export type TermProblem = {
  id: string;
  /** The words as they appear on the page. */
  found: string;
  /** 'unlinked': never linked on the page; 'before-link': used in prose before its first link. */
  kind: 'unlinked' | 'before-link';
  /** The sentence around the first unlinked use. */
  context: string;
};

type MdNode = {
  type: string;
  value?: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdNode[];
};

const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkMath);

/** Parse as the site does; Docusaurus reads heading ids (`## Title {#id}`) before MDX sees them. */
const parse = (mdx: string) => processor.parse(mdx.replace(/^(#{1,6} .*?)\s*\{#[\w-]+\}\s*$/gm, '$1')) as unknown as MdNode;

/** Node types whose text is never searched (see the file comment for why). */
const SKIPPED = new Set([
  'code',
  'inlineCode',
  'math',
  'inlineMath',
  'heading',
  'mdxjsEsm',
  'mdxFlowExpression',
  'mdxTextExpression',
  'image',
  'imageReference',
  'link',
  'linkReference',
  'footnoteDefinition',
  'html',
  'yaml',
]);

/** Marks where a <Term> stood in the prose: private-use characters, never letters. */
const LINK_OPEN = '\uE000';
const LINK_CLOSE = '\uE001';

/** The names a term is searched for: its title without a bracketed short form, and its synonyms. */
export function namesOf(title: string, synonyms: unknown = []): string[] {
  const names = new Set<string>([title.replace(/\s*\([^)]*\)\s*$/, '').trim()]);
  if (Array.isArray(synonyms)) for (const s of synonyms) if (typeof s === 'string' && s.trim()) names.add(s.trim());
  return [...names].filter(Boolean);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole word or phrase, any case, optional plural ending. Letters, digits, hyphens and apostrophes glue words together. */
export function nameRegExp(name: string, flags = 'giu'): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}'’-])${escape(name).replace(/\s+/g, '\\s+')}(?:s|es)?(?![\\p{L}\\p{N}-])`, flags);
}

/**
 * The prose of a page in reading order, paragraphs (and table cells, list items, callout
 * contents) separated by blank lines. Each <Term id="x"> is replaced by a marker holding its id.
 */
export function proseOf(mdx: string): string {
  const blocks: string[] = [];
  const inline = (node: MdNode, parts: string[]) => {
    if (SKIPPED.has(node.type)) return;
    if ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name === 'Term') {
      const id = node.attributes?.find((a) => a.name === 'id')?.value;
      parts.push(` ${LINK_OPEN}${typeof id === 'string' ? id : '?'}${LINK_CLOSE} `);
      return;
    }
    if (node.type === 'text' && typeof node.value === 'string') parts.push(node.value);
    else if (node.type === 'break') parts.push(' ');
    node.children?.forEach((child) => inline(child, parts));
  };
  const block = (node: MdNode) => {
    if (SKIPPED.has(node.type)) return;
    if (node.type === 'table') {
      // The first row of a GFM table is its header.
      node.children?.slice(1).forEach(block);
      return;
    }
    if (node.type === 'paragraph' || node.type === 'tableCell' || node.type === 'mdxJsxTextElement') {
      const parts: string[] = [];
      inline(node, parts);
      blocks.push(parts.join(''));
      return;
    }
    if (node.type === 'mdxJsxFlowElement' && node.name === 'Quiz') return;
    if (node.type === 'mdxJsxFlowElement' && node.name === 'Term') {
      const parts: string[] = [];
      inline(node, parts);
      blocks.push(parts.join(''));
      return;
    }
    node.children?.forEach(block);
  };
  block(parse(mdx));
  return blocks
    .map((b) => b.replace(/"[^"]{1,120}"|“[^”]{1,120}”/g, (q) => ' '.repeat(q.length)))
    .filter((b) => b.trim().length > 0)
    .join('\n\n');
}

/**
 * Every term the page uses in prose before its first `<Term>` link, or without one.
 * `mdx` is the page body without its front matter.
 */
export function termProblems(mdx: string, terms: TermNames[]): TermProblem[] {
  const original = proseOf(mdx);
  let text = original;
  const firstLink = new Map<string, number>();
  for (const m of text.matchAll(new RegExp(`${LINK_OPEN}([^${LINK_CLOSE}]*)${LINK_CLOSE}`, 'g'))) {
    if (!firstLink.has(m[1])) firstLink.set(m[1], m.index);
  }
  // Longest names first; each match is blanked out so that shorter names inside it do not match.
  const names = terms.flatMap((t) => t.names.map((name) => ({ id: t.id, name }))).sort((a, b) => b.name.length - a.name.length);
  const firstUse = new Map<string, { at: number; found: string }>();
  for (const { id, name } of names) {
    text = text.replace(nameRegExp(name), (found, at: number) => {
      const seen = firstUse.get(id);
      if (!seen || at < seen.at) firstUse.set(id, { at, found });
      return ' '.repeat(found.length);
    });
  }
  const problems: TermProblem[] = [];
  for (const term of terms) {
    const use = firstUse.get(term.id);
    if (!use) continue;
    const link = firstLink.get(term.id);
    if (link !== undefined && link < use.at) continue;
    const context = original
      .slice(Math.max(0, use.at - 50), use.at + use.found.length + 50)
      .replace(new RegExp(`${LINK_OPEN}([^${LINK_CLOSE}]*)${LINK_CLOSE}`, 'g'), '<Term $1>')
      .replace(/\s+/g, ' ')
      .trim();
    problems.push({ id: term.id, found: use.found, kind: link === undefined ? 'unlinked' : 'before-link', context });
  }
  return problems;
}
