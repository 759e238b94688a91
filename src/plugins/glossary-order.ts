/**
 * The glossary's sidebar in the alphabetical order of the terms' titles in the page's language,
 * accents ignored ("Élagage" among the E's), not in the order of the file names: file names are
 * English in every edition (`pruning.mdx` is « Élagage »). Pages with a `sidebar_position` (the
 * glossary's home) keep their place first. Used as the glossary's `sidebarItemsGenerator`.
 */
import type { Options } from '@docusaurus/plugin-content-docs';

type Generator = NonNullable<Options['sidebarItemsGenerator']>;
type Item = Awaited<ReturnType<Generator>>[number];

export function alphabeticalGlossary(locale: string): Generator {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return async ({ defaultSidebarItemsGenerator, ...args }) => {
    const items = await defaultSidebarItemsGenerator(args);
    const titles = new Map(args.docs.map((doc) => [doc.id, doc.title]));
    const positioned = new Set(args.docs.filter((doc) => doc.frontMatter.sidebar_position !== undefined).map((doc) => doc.id));
    const title = (item: Item) =>
      item.type === 'doc' ? (item.label ?? titles.get(item.id) ?? item.id) : 'label' in item ? String(item.label) : '';
    const first = items.filter((item) => item.type === 'doc' && positioned.has(item.id));
    const rest = items.filter((item) => !first.includes(item)).sort((a, b) => collator.compare(title(a), title(b)));
    return [...first, ...rest];
  };
}
