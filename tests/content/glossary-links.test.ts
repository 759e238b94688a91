/**
 * Lessons and labs link the first use of every glossary term with `<Term id="…">`
 * (CONTRIBUTING.md, "Teaching widgets"). What counts as a use, and which parts of a page are
 * never searched, is explained in ./glossary-usage.ts. Glossary pages themselves are left out:
 * the site adds their "Related terms" links.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentPages, readGlossary } from '../../src/plugins/content-index';
import { namesOf, nameRegExp, proseOf, termProblems, type TermNames } from './glossary-usage';

const ROOT = path.resolve(__dirname, '../..');
const pages = readContentPages(ROOT);
const glossary = readGlossary(ROOT, pages);

/**
 * Terms not checked, each with the reason. Keep this list short: a term belongs here only when
 * most of its uses on the pages are in an everyday sense that a glossary link would mislabel.
 */
const NOT_CHECKED: Record<string, string> = {
  example: 'also everyday English ("for example", "a worked example", "this example uses"), used that way on most pages',
};

const terms: TermNames[] = [...glossary.values()]
  .filter((t) => !(t.id in NOT_CHECKED))
  .map((t) => ({ id: t.id, names: namesOf(t.title, pages.find((p) => p.route === t.route)?.frontMatter.synonyms) }));

const checked = pages.filter((p) => p.space.dir === 'docs' || p.space.dir === 'labs');

const describeProblem = (file: string, p: ReturnType<typeof termProblems>[number]) =>
  p.kind === 'unlinked'
    ? `${file}: uses "${p.found}" but never links <Term id="${p.id}">: …${p.context}…`
    : `${file}: uses "${p.found}" before its first <Term id="${p.id}"> link; link the first use: …${p.context}…`;

describe('glossary terms in lessons and labs', () => {
  it('checks the lessons and labs, and exempts only terms that exist', () => {
    expect(checked.length).toBeGreaterThan(10);
    for (const id of Object.keys(NOT_CHECKED))
      expect(glossary.has(id), `NOT_CHECKED names glossary/${id}.mdx, which does not exist`).toBe(true);
  });

  it('link the first use of every glossary term on the page', () => {
    const problems = checked.flatMap((page) => termProblems(page.body, terms).map((p) => describeProblem(page.file, p)));
    expect(problems).toEqual([]);
  });

  it('fail for a real page once one of its links is removed', () => {
    const page = checked.find((p) => p.file === 'docs/training/neural-network.mdx')!;
    expect(termProblems(page.body, terms)).toEqual([]);
    // Unwrap the first <Term id="loss">: the word stays, the link goes.
    const mutated = page.body.replace(/<Term id="loss">([^<]*)<\/Term>/, '$1');
    expect(mutated).not.toBe(page.body);
    expect(termProblems(mutated, terms).map((p) => [p.id, p.kind])).toEqual([['loss', 'unlinked']]);
  });
});

describe('the glossary-use check itself', () => {
  const few: TermNames[] = [
    { id: 'loss', names: namesOf('Loss') },
    { id: 'model', names: namesOf('Model') },
    { id: 'impulse', names: namesOf('Impulse') },
    { id: 'edge-impulse', names: namesOf('Edge Impulse') },
    { id: 'mean-squared-error', names: namesOf('Mean squared error (MSE)', ['MSE']) },
  ];
  const found = (mdx: string) => termProblems(mdx, few).map((p) => `${p.id}:${p.kind}`);

  it('names a term by its title without the short form in brackets, plus its synonyms', () => {
    expect(namesOf('Mean squared error (MSE)', ['MSE'])).toEqual(['Mean squared error', 'MSE']);
    expect(namesOf('Loss', 'not a list')).toEqual(['Loss']);
  });

  it('matches whole words in any case, singular or plural, across line breaks', () => {
    const re = nameRegExp('mean squared error', 'iu');
    expect(re.test('The Mean Squared Errors are')).toBe(true);
    expect(re.test('the mean\nsquared error')).toBe(true);
    expect(nameRegExp('model', 'iu').test('modelling')).toBe(false);
    expect(nameRegExp('loss', 'iu').test('lossy')).toBe(false);
    expect(nameRegExp('loss', 'iu').test('non-loss')).toBe(false);
  });

  it('reports a term used in prose and never linked', () => {
    expect(found('Training makes the loss small.')).toEqual(['loss:unlinked']);
    expect(found('A list item:\n\n- the MODELS we train')).toEqual(['model:unlinked']);
    expect(found('| a | b |\n|---|---|\n| the loss | 2 |')).toEqual(['loss:unlinked']);
    expect(found('<Pitfall title="x">\n\nThe loss grows.\n\n</Pitfall>')).toEqual(['loss:unlinked']);
    expect(found('We report the MSE.')).toEqual(['mean-squared-error:unlinked']);
  });

  it('reports a term used before its first link', () => {
    expect(found('The loss falls.\n\nThe <Term id="loss">loss</Term> again.')).toEqual(['loss:before-link']);
  });

  it('accepts a term whose first use is linked, however it is worded', () => {
    expect(found('The <Term id="loss">error</Term> falls; the loss is small.')).toEqual([]);
    expect(found('The <Term id="mean-squared-error">MSE</Term>, or mean squared error.')).toEqual([]);
  });

  it('does not search code, maths, headings, imports, attributes, links, footnotes or quotations', () => {
    const page = [
      "import loss from '@site/code/loss.ts?raw';",
      '',
      '## The loss {#the-loss}',
      '',
      '```ts',
      'const loss = 1;',
      '```',
      '',
      'Call `loss()` and see $\\text{loss}$, or read [the loss lesson](./x.mdx) and ![a loss chart](/img/x.svg).',
      '',
      '<RunnableCode title="Loss" files={{ \'/loss.ts\': loss }} entry="/loss.ts" />',
      '',
      '| loss | model |',
      '|---|---|',
      '| 1 | 2 |',
      '',
      'A paper called "Why the loss matters"[^a] and {"model"} in an expression.',
      '',
      '[^a]: A. Author, "The loss", 2020.',
    ].join('\n');
    expect(proseOf(page)).not.toMatch(/loss|model/i);
    expect(found(page)).toEqual([]);
  });

  it('lets a longer name hide the shorter names inside it', () => {
    expect(found('Train it in <Term id="edge-impulse">Edge Impulse</Term>; Edge Impulse runs it.')).toEqual([]);
    expect(found('Design an impulse in <Term id="edge-impulse">Edge Impulse</Term>.')).toEqual(['impulse:unlinked']);
  });
});

describe('glossary synonyms', () => {
  it('are lists of words, and no synonym belongs to two terms', () => {
    const owner = new Map<string, string>();
    const problems: string[] = [];
    for (const page of pages.filter((p) => p.space.dir === 'glossary')) {
      const synonyms = page.frontMatter.synonyms;
      if (synonyms === undefined) continue;
      if (!Array.isArray(synonyms) || !synonyms.every((s) => typeof s === 'string' && s.trim())) {
        problems.push(`${page.file}: synonyms must be a list of words, e.g. [kNN]`);
        continue;
      }
      for (const s of synonyms as string[]) {
        const key = s.toLowerCase();
        if (owner.has(key)) problems.push(`${page.file}: synonym "${s}" is also listed by ${owner.get(key)}`);
        owner.set(key, page.file);
      }
    }
    expect(problems).toEqual([]);
    expect(fs.existsSync(path.join(ROOT, 'glossary'))).toBe(true);
  });
});
