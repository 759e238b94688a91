/**
 * Remark plugin run on every lesson, glossary and lab page at build time:
 * 1. the page's `license` front matter must be an SPDX id the site knows (else the build fails,
 *    naming the file);
 * 2. every `<Term id="…">` must name a glossary page (else the build fails, naming the file and
 *    the term); the term's title and one-line definition are written into the element, so the
 *    tooltip needs no data download;
 * 3. glossary pages get their definition at the top and "Related terms" / "Used in these
 *    lessons" at the bottom, generated from front matter and the lessons' `<Term>` links.
 */
import path from 'node:path';
import { isKnownLicense, LICENSES } from './licenses';
import { readGlossary, type GlossaryTerm } from './content-index';

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

let cache: { at: number; terms: Map<string, GlossaryTerm> } | undefined;
/** Re-read at most every two seconds, so `npm start` sees new terms without a restart. */
function glossary(siteDir: string): Map<string, GlossaryTerm> {
  if (!cache || Date.now() - cache.at > 2000) cache = { at: Date.now(), terms: readGlossary(siteDir) };
  return cache.terms;
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

    const terms = glossary(options.siteDir);
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
    tree.children.unshift({
      type: 'mdxJsxFlowElement',
      name: 'Definition',
      attributes: [],
      children: [{ type: 'paragraph', children: [text(term.definition)] }],
    });
    if (term.related.length > 0) {
      tree.children.push(heading('Related terms'), list(term.related.map((r) => link(terms.get(r)!.route, terms.get(r)!.title))));
    }
    if (term.usedIn.length > 0) {
      tree.children.push(heading('Used in these pages'), list(term.usedIn.map((u) => link(u.route, u.title))));
    }
  };
}
