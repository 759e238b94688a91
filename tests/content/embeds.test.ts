/**
 * Code embeds name only their entry; the build finds their files (src/plugins/embed-files.ts,
 * src/plugins/remark-embeds.ts). Checked on a fixture tree, through MDX's own compiler, and on
 * every page of the course.
 */
import fs from 'node:fs';
import path from 'node:path';
import { compile } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { embedFiles, exerciseEmbed, relativeImports } from '../../src/plugins/embed-files';
import remarkEmbeds from '../../src/plugins/remark-embeds';
import { readContentPages } from '../../src/plugins/content-index';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURE = path.join(ROOT, 'tests/fixtures/embeds');
const CODE = path.join(FIXTURE, 'code');

async function compilePage(mdx: string, options: { hideSolutions?: boolean } = {}): Promise<string> {
  const file = { path: path.join(FIXTURE, 'docs/page.mdx'), value: mdx };
  return String(await compile(file, { remarkPlugins: [[remarkEmbeds, { siteDir: FIXTURE, ...options }]] }));
}

async function compileError(mdx: string): Promise<string> {
  try {
    await compilePage(mdx);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the page to fail');
}

describe('the files of an embed', () => {
  it('are the entry, what it imports (transitively, breadth first) and the data files it reads', () => {
    expect(embedFiles(['demo/main.ts'], { codeDir: CODE })).toEqual([
      'demo/main.ts',
      'demo/lib/stats.ts',
      'demo/lib/sum.ts',
      'data/numbers.csv',
    ]);
  });
  it('leave out the modules the runner supplies in the page (plotting, reading files)', () => {
    expect(embedFiles(['demo/main.ts'], { codeDir: CODE })).not.toContain('shared/plot.ts');
  });
  it('find imports of every form, with their lines', () => {
    const source =
      "import a from './a';\nimport { b } from \"../b\";\nexport * from './c';\nconst d = await import('./d');\nimport './e';\nimport x from 'pkg';";
    expect(relativeImports(source)).toEqual([
      { specifier: './a', line: 1 },
      { specifier: '../b', line: 2 },
      { specifier: './c', line: 3 },
      { specifier: './d', line: 4 },
      { specifier: './e', line: 5 },
    ]);
  });
  it('refuse a missing entry, an import that resolves nowhere and a path outside code/', () => {
    expect(() => embedFiles(['demo/nope.ts'], { codeDir: CODE })).toThrow('entry "demo/nope.ts" is not a file in code/');
    expect(() => embedFiles(['demo/broken.ts'], { codeDir: CODE })).toThrow(
      "code/demo/broken.ts:1 imports './missing', which is no file in code/",
    );
    expect(() => embedFiles(['demo/escapes.ts'], { codeDir: CODE })).toThrow(
      "code/demo/escapes.ts:1 imports '../../../outside', which is outside code/",
    );
    expect(() => embedFiles(['../package.json'], { codeDir: CODE })).toThrow('entry "../package.json" is outside code/');
  });
});

describe('remark-embeds, through the MDX compiler', () => {
  it('imports each file once as raw text and passes the texts and tabs to the embed', async () => {
    const js = await compilePage('# Page\n\n<RunnableCode entry="demo/main.ts" />\n\n<RunnableCode entry="demo/lib/stats.ts" />\n');
    expect(js).toContain('import __code_0_demo_main_ts from "@site/code/demo/main.ts?raw"');
    expect(js.match(/from "@site\/code\/demo\/lib\/sum\.ts\?raw"/g)).toHaveLength(1);
    expect(js).toContain('"/data/numbers.csv": __code_3_data_numbers_csv');
    expect(js).toContain('tabs: ["/demo/main.ts", "/demo/lib/stats.ts", "/demo/lib/sum.ts"]');
  });
  it('shows only the tabs the author asks for after the entry', async () => {
    const js = await compilePage('<RunnableCode entry="demo/main.ts" tabs="demo/lib/sum.ts" />\n');
    expect(js).toContain('tabs: ["/demo/main.ts", "/demo/lib/sum.ts"]');
  });
  it('gives an exercise its starter, tests and their imports, and its solution only when solutions are shown', async () => {
    const shown = await compilePage('<Exercise name="sum" title="Sum">Add them.</Exercise>\n');
    for (const file of ['exercises/sum/starter.ts', 'exercises/sum/solution.test.ts', 'demo/lib/sum.ts', 'exercises/sum/solution.ts']) {
      expect(shown).toContain(`"@site/code/${file}?raw"`);
    }
    const hidden = await compilePage('<Exercise name="sum" title="Sum">Add them.</Exercise>\n', { hideSolutions: true });
    expect(hidden).not.toContain('solution.ts?raw');
    expect(hidden).toContain('solution.test.ts?raw');
  });
  it('stops the build naming the page and line for a bad entry, import, path or old attribute', async () => {
    expect(await compileError('# Page\n\n<RunnableCode entry="demo/nope.ts" />\n')).toBe(
      'docs/page.mdx:3: <RunnableCode>: entry "demo/nope.ts" is not a file in code/ (looked for code/demo/nope.ts)',
    );
    expect(await compileError('text\n\n<RunnableCode entry="demo/broken.ts" />\n')).toMatch(
      /^docs\/page\.mdx:3: <RunnableCode>: code\/demo\/broken\.ts:1 imports '\.\/missing'/,
    );
    expect(await compileError('<RunnableCode entry="../../package.json" />\n')).toMatch(
      /page\.mdx:1: <RunnableCode>: entry "..\/..\/package.json" is outside code\//,
    );
    expect(await compileError('<RunnableCode entry="demo/main.ts" files={{}} />\n')).toMatch(
      /page\.mdx:1: <RunnableCode>: the "files" attribute is gone/,
    );
    expect(await compileError('<RunnableCode title="x" />\n')).toMatch(/page\.mdx:1: <RunnableCode>: needs entry=/);
    expect(await compileError('\n<Exercise name="nope" title="x" />\n')).toMatch(
      /page\.mdx:2: <Exercise>: entry "exercises\/nope\/starter.ts" is not a file in code\//,
    );
    expect(await compileError('<RunnableCode entry="demo/main.ts" tabs="demo/broken.ts" />\n')).toMatch(
      /tab "demo\/broken.ts" is not one of the files the entry uses/,
    );
  });
});

describe('every embed of the course', () => {
  const pages = readContentPages(ROOT);
  /** Each embed on a page: its entries and aliases, as remark-embeds works them out. */
  const embeds = () =>
    pages.flatMap((page) =>
      [...page.body.matchAll(/<RunnableCode\b[^>]*?\bentry="([^"]+)"|<Exercise\b[^>]*?\bname="([^"]+)"/g)].map((m) =>
        m[1] ? { page: page.file, entries: [m[1]], aliases: {}, solution: undefined } : { page: page.file, ...exerciseEmbed(m[2]) },
      ),
    );
  it('resolves: its entry, imports and data files exist inside code/', () => {
    const problems: string[] = [];
    for (const { page, entries, aliases } of embeds()) {
      try {
        embedFiles(entries, { codeDir: path.join(ROOT, 'code'), aliases });
      } catch (error) {
        problems.push(`${page}: ${(error as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
    expect(embeds().length).toBeGreaterThanOrEqual(13);
  });
  it('fits every file a reader sees in an embed to 80 columns (a phone-width editor)', () => {
    const seen = new Set<string>();
    for (const { entries, aliases, solution } of embeds()) {
      embedFiles(solution ? [...entries, solution] : entries, { codeDir: path.join(ROOT, 'code'), aliases }).forEach((f) => seen.add(f));
    }
    const wide = [...seen]
      .filter((f) => /\.(ts|tsx|js)$/.test(f))
      .flatMap((f) =>
        fs
          .readFileSync(path.join(ROOT, 'code', f), 'utf8')
          .split('\n')
          .flatMap((line, i) => ([...line].length > 80 ? [`code/${f}:${i + 1}: ${[...line].length} columns`] : [])),
      );
    expect(seen.size).toBeGreaterThan(20);
    expect(wide).toEqual([]);
  });
  it('the kNN iris demo gets exactly the files it uses', () => {
    expect(embedFiles(['knn/demo-iris.ts'], { codeDir: path.join(ROOT, 'code') }).sort()).toEqual(
      ['knn/demo-iris.ts', 'knn/knn.ts', 'data/csv.ts', 'data/datasets.ts', 'shared/random.ts', 'shared/time.ts', 'data/iris.csv'].sort(),
    );
    expect(fs.existsSync(path.join(ROOT, 'code/knn/demo-iris.ts'))).toBe(true);
  });
});
