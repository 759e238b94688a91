/** The glossary's sidebar in the alphabetical order of each language's titles (src/plugins/glossary-order.ts). */
import { describe, expect, it } from 'vitest';
import { alphabeticalGlossary } from '../../src/plugins/glossary-order';

const docs = [
  { id: 'index', title: 'Glossaire', frontMatter: { sidebar_position: 0 } },
  { id: 'accuracy', title: 'Exactitude', frontMatter: {} },
  { id: 'pruning', title: 'Élagage', frontMatter: {} },
  { id: 'algorithm', title: 'Algorithme', frontMatter: {} },
  { id: 'epoch', title: 'Époque', frontMatter: {} },
  { id: 'edge-computing', title: 'Informatique en périphérie', frontMatter: {} },
];

async function order(locale: string) {
  const generate = alphabeticalGlossary(locale);
  // The default generator gives the files' order: index first (its position), then by file name.
  const defaultSidebarItemsGenerator = async () =>
    ['index', 'accuracy', 'algorithm', 'edge-computing', 'epoch', 'pruning'].map((id) => ({ type: 'doc' as const, id }));
  const items = await generate({ defaultSidebarItemsGenerator, docs } as unknown as Parameters<typeof generate>[0]);
  return items.map((item) => ('id' in item ? item.id : ''));
}

describe('the glossary sidebar', () => {
  it('keeps the home first and sorts the terms by their French titles, accents ignored', async () => {
    expect(await order('fr')).toEqual(['index', 'algorithm', 'pruning', 'epoch', 'accuracy', 'edge-computing']);
  });
});
