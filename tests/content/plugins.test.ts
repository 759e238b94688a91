/**
 * The build-time checks themselves: a page without a known licence or with an unknown glossary
 * term fails with the file's name; `?raw` imports are kept away from every other loader.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import remarkCourse from '../../src/plugins/remark-course';
import rawSourcePlugin, { RAW_QUERY, URL_QUERY } from '../../src/plugins/raw-source';

const siteDir = path.resolve(__dirname, '../..');
const file = (frontMatter: Record<string, unknown>) => ({ path: path.join(siteDir, 'docs/example.mdx'), data: { frontMatter } });
const termTree = (id: string) => ({
  type: 'root',
  children: [{ type: 'paragraph', children: [{ type: 'mdxJsxTextElement', name: 'Term', attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: id }], children: [] }] }],
});

describe('remark-course', () => {
  const run = remarkCourse({ siteDir });

  it('fails a page with no licence, naming the file', () => {
    expect(() => run({ type: 'root', children: [] }, file({ title: 'x' }))).toThrow('docs/example.mdx: front matter has no "license"');
  });

  it('fails a page with an unknown licence id, naming the file and the id', () => {
    expect(() => run({ type: 'root', children: [] }, file({ license: 'CC-BY-SA-3.0' }))).toThrow('docs/example.mdx: unknown licence id "CC-BY-SA-3.0"');
  });

  it('fails a page that links a glossary term that does not exist, naming the file and the term', () => {
    expect(() => run(termTree('no-such-term'), file({ license: 'CC-BY-SA-4.0' }))).toThrow('docs/example.mdx: <Term id="no-such-term"> names no glossary term');
  });

  it('writes the term title and definition into a known term', () => {
    const tree = termTree('latency');
    run(tree, file({ license: 'CC-BY-SA-4.0' }));
    const term = (tree.children[0] as { children: { attributes: { name: string; value: string }[] }[] }).children[0];
    expect(term.attributes.find((a) => a.name === 'title')?.value).toBe('Latency');
    expect(term.attributes.find((a) => a.name === 'definition')?.value.length).toBeGreaterThan(10);
  });
});

describe('raw-source plugin', () => {
  it('matches ?raw with its leading "?" (webpack includes it) and nothing else', () => {
    expect(RAW_QUERY.test('?raw')).toBe(true);
    expect(RAW_QUERY.test('?x=1&raw')).toBe(true);
    expect(RAW_QUERY.test('?rawest')).toBe(false);
    expect(RAW_QUERY.test('')).toBe(false);
  });

  it('adds a top-level asset/source rule and keeps ?raw away from every existing rule', () => {
    const rules: Record<string, unknown>[] = [{ test: /\.tsx?$/ }, { test: /\.mdx?$/ }];
    const plugin = rawSourcePlugin();
    const result = plugin.configureWebpack!({ module: { rules } } as never, false, {} as never, {} as never) as {
      module: { rules: { resourceQuery: RegExp; type: string }[] };
    };
    expect(result.module.rules[0]).toEqual({ resourceQuery: RAW_QUERY, type: 'asset/source' });
    expect(result.module.rules[1]).toMatchObject({ resourceQuery: URL_QUERY, type: 'asset/resource' });
    for (const rule of rules) expect(rule.resourceQuery).toEqual({ not: [RAW_QUERY, URL_QUERY] });
  });
});
