/**
 * The build-time checks themselves: a page without a known licence or with an unknown glossary
 * term fails with the file's name; `?raw` imports are kept away from every other loader.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import remarkCourse from '../../src/plugins/remark-course';
import rawSourcePlugin, { HIDDEN_SOLUTION, RAW_QUERY, SOLUTION_FILE, URL_QUERY } from '../../src/plugins/raw-source';
import { checkCourseConfig, courseConfigProblems, showSolutions } from '../../src/plugins/course-config-check';
import course from '../../course.config';

const siteDir = path.resolve(__dirname, '../..');
const file = (frontMatter: Record<string, unknown>) => ({ path: path.join(siteDir, 'docs/example.mdx'), data: { frontMatter } });
const termTree = (id: string) => ({
  type: 'root',
  children: [
    {
      type: 'paragraph',
      children: [
        { type: 'mdxJsxTextElement', name: 'Term', attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: id }], children: [] },
      ],
    },
  ],
});

describe('remark-course', () => {
  const run = remarkCourse({ siteDir });

  it('fails a page with no licence, naming the file', () => {
    expect(() => run({ type: 'root', children: [] }, file({ title: 'x' }))).toThrow('docs/example.mdx: front matter has no "license"');
  });

  it('fails a page with an unknown licence id, naming the file and the id', () => {
    expect(() => run({ type: 'root', children: [] }, file({ license: 'CC-BY-SA-3.0' }))).toThrow(
      'docs/example.mdx: unknown licence id "CC-BY-SA-3.0"',
    );
  });

  it('fails a page that links a glossary term that does not exist, naming the file and the term', () => {
    expect(() => run(termTree('no-such-term'), file({ license: 'CC-BY-SA-4.0' }))).toThrow(
      'docs/example.mdx: <Term id="no-such-term"> names no glossary term',
    );
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

describe('course.config.ts check', () => {
  const good = course;
  it('accepts the shipped config', () => {
    expect(courseConfigProblems(good)).toEqual([]);
  });
  it('names the file and the field for an unknown licence, and says how to add one', () => {
    const bad = { ...good, license: { ...good.license, code: 'GPL-3.0-only' } };
    expect(() => checkCourseConfig(bad)).toThrow(
      /course\.config\.ts: license\.code "GPL-3\.0-only" is not a licence the site knows: use one of .*MIT.*, or add it to license\.extra/,
    );
    const added = {
      ...bad,
      license: {
        ...bad.license,
        extra: { 'GPL-3.0-only': { name: 'GNU General Public License v3.0 only', url: 'https://www.gnu.org/licenses/gpl-3.0.html' } },
      },
    };
    // LICENSES is built from the real course.config.ts, so an added id is checked for shape here
    expect(courseConfigProblems(added).filter((p) => p.startsWith('license.extra'))).toEqual([]);
    const broken = { ...good, license: { ...good.license, extra: { 'CC BY NC': { name: '', url: 'creativecommons.org' } } } };
    expect(courseConfigProblems(broken)).toEqual([
      'license.extra: "CC BY NC" is not an SPDX id (letters, digits, ".", "-", "+")',
      "license.extra[\"CC BY NC\"] needs a name and a web address: { name: '…', url: 'https://…' }",
    ]);
  });
  it('checks addresses, including those from SITE_URL and BASE_URL', () => {
    expect(courseConfigProblems({ ...good, url: 'https://example.github.io/' })[0]).toMatch(
      /^url must be like https:\/\/example\.github\.io/,
    );
    expect(courseConfigProblems(good, { BASE_URL: 'ml' })[0]).toMatch(/^baseUrl \(from BASE_URL\) must start and end with "\/"/);
    expect(courseConfigProblems(good, { SITE_URL: 'https://me.github.io', BASE_URL: '/ml-on-the-edge/' })).toEqual([]);
    expect(courseConfigProblems({ ...good, title: ' ' })).toEqual(['title must be a non-empty text, got " "']);
  });
  it('lets SHOW_SOLUTIONS override showSolutions for one build', () => {
    expect(showSolutions({ ...good, showSolutions: true }, { SHOW_SOLUTIONS: 'false' })).toBe(false);
    expect(showSolutions({ ...good, showSolutions: false }, {})).toBe(false);
    expect(showSolutions({ ...good, showSolutions: false }, { SHOW_SOLUTIONS: 'true' })).toBe(true);
    expect(courseConfigProblems(good, { SHOW_SOLUTIONS: 'no' })).toEqual(['SHOW_SOLUTIONS must be "true" or "false", got "no"']);
  });
});

describe('raw-source with hidden solutions', () => {
  it('sends exercise solutions through the hiding loader and nothing else', () => {
    const rules = (
      rawSourcePlugin(undefined, { hideSolutions: true }).configureWebpack!(
        { module: { rules: [] } } as never,
        false,
        {} as never,
        {} as never,
      ) as { module: { rules: { test?: RegExp; exclude?: RegExp }[] } }
    ).module.rules;
    expect(SOLUTION_FILE.test('/site/code/exercises/majority-vote/solution.ts')).toBe(true);
    expect(SOLUTION_FILE.test('/site/code/exercises/majority-vote/solution.test.ts')).toBe(false);
    expect(SOLUTION_FILE.test('/site/code/exercises/majority-vote/starter.ts')).toBe(false);
    expect(rules[0].exclude).toBe(SOLUTION_FILE);
    expect(rules[1].test).toBe(SOLUTION_FILE);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the loader is a CommonJS file webpack runs
    expect(require('../../src/plugins/hidden-solution-loader.cjs')()).toBe(HIDDEN_SOLUTION);
  });
});
