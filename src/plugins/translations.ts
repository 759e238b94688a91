/**
 * Translations kept in step with the English pages.
 *
 * A translated page records, in its front matter, which version of its English page it
 * translates: `source_version` is the English file's Git blob id (`git hash-object docs/x.mdx`),
 * computed here from the file's bytes so no Git history is needed. When the English file
 * changes, its id changes and the translation is *stale*: the build puts a notice on the page
 * (remark-course.ts), `npm run translations` lists it, and `git log --find-object=<id>` finds
 * the English version it was made from, to diff against.
 *
 * `compareStructure` checks that a translation keeps what must not change between languages:
 * components and their non-text props, heading ids, glossary term ids, link targets, the
 * numbers quoted, and valid MDX. It only judges translations that are current: a stale one is
 * expected to differ until it is updated.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { CONTENT_SPACES, contentFiles, DEFAULT_LOCALE, translatedDir, type ContentSpace } from './content-index';

/** Git's id for a file's content: sha1("blob <bytes>\0<content>"), what `git hash-object` prints. */
export function gitBlobId(content: Buffer | string): string {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return crypto.createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

export type TranslationState = 'current' | 'stale' | 'missing' | 'unrecorded';

export type TranslationStatus = {
  /** The English file, relative to the site, e.g. docs/training/k-nearest-neighbours.mdx */
  source: string;
  /** The translation's file, relative to the site (it may not exist). */
  file: string;
  space: ContentSpace;
  state: TranslationState;
  /** The English version the translation records (`source_version`), if any. */
  recorded?: string;
  /** The English file's version now. */
  actual: string;
};

const posix = (p: string) => p.split(path.sep).join('/');

/** The state of one translated file against its English source. */
export function statusOf(siteDir: string, space: ContentSpace, relative: string, locale: string): TranslationStatus {
  const source = posix(path.join(space.dir, relative));
  const file = posix(path.join(translatedDir(space, locale), relative));
  const actual = gitBlobId(fs.readFileSync(path.join(siteDir, source)));
  const full = path.join(siteDir, file);
  if (!fs.existsSync(full)) return { source, file, space, state: 'missing', actual };
  const recorded = matter(fs.readFileSync(full, 'utf8')).data.source_version;
  if (typeof recorded !== 'string' || !/^[0-9a-f]{40}$/.test(recorded)) return { source, file, space, state: 'unrecorded', actual };
  return { source, file, space, state: recorded === actual ? 'current' : 'stale', recorded, actual };
}

/** Every English page and the state of its translation into `locale`. */
export function translationStatuses(siteDir: string, locale: string): TranslationStatus[] {
  return CONTENT_SPACES.flatMap((space) =>
    contentFiles(path.join(siteDir, space.dir)).map((relative) => statusOf(siteDir, space, relative, locale)),
  );
}

/** Translated files that have no English page any more (renamed or deleted in English). */
export function orphanTranslations(siteDir: string, locale: string): string[] {
  return CONTENT_SPACES.flatMap((space) => {
    const dir = translatedDir(space, locale);
    return contentFiles(path.join(siteDir, dir))
      .filter((relative) => !fs.existsSync(path.join(siteDir, space.dir, relative)))
      .map((relative) => posix(path.join(dir, relative)));
  });
}

/** For a file being compiled: the locale and English source it translates, if it is a translation. */
export function translationOfFile(siteDir: string, file: string): { locale: string; space: ContentSpace; relative: string } | undefined {
  const rel = posix(path.relative(siteDir, file));
  const match = /^i18n\/([^/]+)\//.exec(rel);
  if (!match) return undefined;
  for (const space of CONTENT_SPACES) {
    const dir = translatedDir(space, match[1]) + '/';
    if (rel.startsWith(dir)) return { locale: match[1], space, relative: rel.slice(dir.length) };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Structure: what a translation keeps.

type Node = {
  type: string;
  name?: string | null;
  value?: string;
  url?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: { start: { line: number } };
};

/** Props whose value is text for the reader: translated. Every other prop must stay as it is. */
export const TEXT_PROPS = new Set([
  'title',
  'label',
  'alt',
  'caption',
  'description',
  'summary',
  'placeholder',
  'aria-label',
  'prompt',
  'unit',
  'children',
]);
/** Front matter a translation translates (or adds); every other key keeps its English value. */
export const TRANSLATED_FRONT_MATTER = new Set(['title', 'description', 'sidebar_label', 'source_version', 'keywords', 'image_alt']);

export type Structure = {
  /** Components (capitalised JSX) in order, with their non-text props: "Exercise name=majority-vote". */
  components: string[];
  headingIds: string[];
  terms: string[];
  links: string[];
  /** Every run of digits in prose, maths and text props, thousands separators removed. */
  numbers: string[];
};

/** `## Title {#id}` ids, and the text with them removed (MDX would read `{#id}` as an expression). */
function takeHeadingIds(text: string): { ids: string[]; text: string } {
  const ids: string[] = [];
  const out = text.replace(/^(#{1,6}[^\n]*?)\s*\{#([\w.-]+)\}[ \t]*$/gm, (_, heading: string, id: string) => {
    ids.push(id);
    return heading;
  });
  return { ids, text: out };
}

/**
 * Digits of a text, with thousands separators taken out: English groups digits with commas
 * (1,000), the other editions with spaces (1 000, or `1\,000` in maths), where a comma is the
 * decimal sign (0,001).
 */
export function numbersIn(text: string, english = true): string[] {
  let joined = text.replace(/\{,\}/g, ',').replace(/(\d)\\,(?=\d{3}(?!\d))/g, '$1');
  joined = english ? joined.replace(/(\d),(?=\d{3}(?!\d))/g, '$1') : joined.replace(/(\d)[\u00A0\u202F ](?=\d{3}(?!\d))/g, '$1');
  return joined.match(/\d+/g) ?? [];
}

export class MdxSyntaxError extends Error {}

type Parser = { parse(text: string): unknown };
let parser: Parser | undefined;
/** The MDX parser (ESM-only packages, so imported on first use; the build never needs it). */
export async function loadParser(): Promise<Parser> {
  if (!parser) {
    const [{ createProcessor }, { default: remarkMath }] = await Promise.all([import('@mdx-js/mdx'), import('remark-math')]);
    parser = createProcessor({ format: 'mdx', remarkPlugins: [remarkMath] });
  }
  return parser;
}

/** Parses a page (front matter removed) and lists what a translation must keep. */
export async function structureOf(body: string, english = true): Promise<Structure> {
  const { ids, text } = takeHeadingIds(body.replace(/<!--[\s\S]*?-->/g, ''));
  let tree: Node;
  try {
    tree = (await loadParser()).parse(text) as Node;
  } catch (error) {
    const e = error as { line?: number; reason?: string; message: string };
    throw new MdxSyntaxError(`MDX syntax error${e.line ? ` at line ${e.line}` : ''}: ${e.reason ?? e.message}`);
  }
  const structure: Structure = { components: [], headingIds: ids, terms: [], links: [], numbers: [] };
  const visit = (node: Node) => {
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'mdxjsEsm') return;
    if (node.type === 'text' || node.type === 'math' || node.type === 'inlineMath')
      structure.numbers.push(...numbersIn(node.value ?? '', english));
    if (node.type === 'link') structure.links.push(node.url ?? '');
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      const attrs = node.attributes ?? [];
      const kept: string[] = [];
      for (const attr of attrs) {
        if (attr.type !== 'mdxJsxAttribute' || !attr.name) continue;
        const value =
          typeof attr.value === 'string'
            ? attr.value
            : attr.value == null
              ? 'true'
              : `{${String((attr.value as { value?: string }).value ?? '')}}`;
        if (TEXT_PROPS.has(attr.name)) {
          if (typeof attr.value === 'string') structure.numbers.push(...numbersIn(attr.value, english));
        } else if (attr.name === 'href' || attr.name === 'to') structure.links.push(value);
        else kept.push(`${attr.name}=${value}`);
      }
      if (node.name === 'Term') {
        const id = attrs.find((a) => a.name === 'id')?.value;
        if (typeof id === 'string') structure.terms.push(id);
      } else if (/^[A-Z]/.test(node.name)) {
        structure.components.push([node.name, ...kept.sort()].join(' '));
      }
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return structure;
}

const unique = (xs: string[]) => [...new Set(xs)].sort();
const missingFrom = (xs: string[], ys: string[]) => {
  const have = new Set(ys);
  return unique(xs.filter((x) => !have.has(x)));
};

/** What a translation changed that it must keep. Empty when it keeps everything. */
export async function compareStructure(englishText: string, translatedText: string): Promise<string[]> {
  const en = matter(englishText);
  const tr = matter(translatedText);
  const problems: string[] = [];
  for (const [key, value] of Object.entries(en.data)) {
    if (TRANSLATED_FRONT_MATTER.has(key)) continue;
    if (JSON.stringify(tr.data[key]) !== JSON.stringify(value)) {
      problems.push(`front matter "${key}" is ${JSON.stringify(tr.data[key])}, the English page has ${JSON.stringify(value)}`);
    }
  }
  for (const key of ['title', 'description']) {
    if (en.data[key] !== undefined && tr.data[key] === undefined) problems.push(`front matter has no "${key}"`);
  }
  let a: Structure;
  let b: Structure;
  try {
    a = await structureOf(en.content);
  } catch (error) {
    return [...problems, `the English page: ${(error as Error).message}`];
  }
  try {
    b = await structureOf(tr.content, false);
  } catch (error) {
    return [...problems, (error as Error).message];
  }
  if (a.components.join('\n') !== b.components.join('\n')) {
    const gone = missingFrom(a.components, b.components);
    const added = missingFrom(b.components, a.components);
    const detail = [
      gone.length ? `missing ${gone.map((c) => `<${c}>`).join(', ')}` : '',
      added.length ? `not in English ${added.map((c) => `<${c}>`).join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    problems.push(`components differ from the English page (${detail || 'same ones, in another order or number'})`);
  }
  const check = (what: string, en: string[], tr: string[]) => {
    const gone = missingFrom(en, tr);
    const added = missingFrom(tr, en);
    if (gone.length) problems.push(`${what} missing: ${gone.join(', ')}`);
    if (added.length) problems.push(`${what} not in the English page: ${added.join(', ')}`);
  };
  if (en.data.own_headings !== true) check('heading ids', a.headingIds, b.headingIds);
  check('glossary terms (<Term id>)', a.terms, b.terms);
  check('link targets', a.links, b.links);
  const lostNumbers = missingFrom(a.numbers, b.numbers);
  if (lostNumbers.length) problems.push(`numbers of the English page not found: ${lostNumbers.join(', ')}`);
  return problems;
}

export type TranslationReport = { status: TranslationStatus; problems: string[] };

/** Every page's state, and for current translations what they fail to keep. */
export async function checkTranslations(siteDir: string, locale: string): Promise<TranslationReport[]> {
  if (locale === DEFAULT_LOCALE) return [];
  const reports: TranslationReport[] = [];
  for (const status of translationStatuses(siteDir, locale)) {
    if (status.state !== 'current') {
      reports.push({ status, problems: [] });
      continue;
    }
    const english = fs.readFileSync(path.join(siteDir, status.source), 'utf8');
    const translated = fs.readFileSync(path.join(siteDir, status.file), 'utf8');
    reports.push({ status, problems: await compareStructure(english, translated) });
  }
  return reports;
}

/** The locales a site translates into: i18n/<locale>/ folders that hold content translations. */
export function translatedLocales(siteDir: string): string[] {
  const root = path.join(siteDir, 'i18n');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root)
    .filter(
      (locale) =>
        locale !== DEFAULT_LOCALE && CONTENT_SPACES.some((space) => fs.existsSync(path.join(root, '..', translatedDir(space, locale)))),
    )
    .sort();
}
