/**
 * A teacher who sets showSolutions: false (or builds with SHOW_SOLUTIONS=false) while an
 * assignment is open must publish no solution: not behind a button, not in a JavaScript chunk,
 * not in the search index. Three links of that chain are checked here without a second build of
 * the site (the browser tests check the one build they make: no solution in its HTML or search
 * index):
 * 1. the bundler, on a fixture: with hidden solutions a `?raw` import of a solution file gives a
 *    note instead of the file, and a module import of one stops the build;
 * 2. every page of the course, through the MDX compiler: with hidden solutions no page imports a
 *    solution file;
 * 3. the site's own code: nothing in src/ or code/ imports a solution file except the exercise's
 *    tests (which the page answers with the reader's starter).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compile } from '@mdx-js/mdx';
import { rspack, type Configuration } from '@rspack/core';
import remarkMath from 'remark-math';
import { describe, expect, it } from 'vitest';
import rawSourcePlugin, { HIDDEN_SOLUTION, SOLUTION_FILE } from '../../src/plugins/raw-source';
import remarkEmbeds from '../../src/plugins/remark-embeds';
import { relativeImports } from '../../src/plugins/embed-files';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURE = path.join(ROOT, 'tests/fixtures/hidden-solutions');

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Bundles a fixture entry with the rules the site's build gets from raw-source.ts. */
async function bundle(entry: string, hideSolutions: boolean): Promise<{ errors: string[]; output: string }> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hidden-solutions-'));
  const rules = (
    rawSourcePlugin(undefined, { hideSolutions }).configureWebpack!(
      { module: { rules: [] } } as never,
      false,
      {} as never,
      {} as never,
    ) as {
      module: { rules: NonNullable<Configuration['module']>['rules'] };
    }
  ).module.rules;
  const config: Configuration = {
    mode: 'production',
    target: ['web', 'es2020'],
    context: FIXTURE,
    entry: path.join(FIXTURE, entry),
    output: { path: outDir, filename: 'out.js' },
    module: { rules },
    optimization: { minimize: false },
    devtool: false,
    infrastructureLogging: { level: 'none' },
  };
  const stats = await new Promise<import('@rspack/core').Stats>((resolve, reject) =>
    rspack(config, (error, result) => (error || !result ? reject(error ?? new Error('no stats')) : resolve(result))),
  );
  const errors = stats.toJson({ all: false, errors: true }).errors?.map((e) => e.message) ?? [];
  const output = fs.existsSync(path.join(outDir, 'out.js')) ? fs.readFileSync(path.join(outDir, 'out.js'), 'utf8') : '';
  fs.rmSync(outDir, { recursive: true, force: true });
  return { errors, output };
}

describe('the bundler, with solutions hidden', () => {
  it('gives a raw import of a solution a note instead of the file, and the starter as it is', async () => {
    const shown = await bundle('raw-entry.js', false);
    expect(shown.errors).toEqual([]);
    expect(shown.output).toContain('SECRET-SOLUTION-LINE'); // the fixture can leak: the check below can fail
    const hidden = await bundle('raw-entry.js', true);
    expect(hidden.errors).toEqual([]);
    expect(hidden.output).not.toContain('SECRET-SOLUTION-LINE');
    expect(hidden.output).toContain(JSON.stringify(HIDDEN_SOLUTION).slice(1, -1));
    expect(hidden.output).toContain('Not written yet');
  }, 30_000);
  it('stops the build when a solution is imported as a module', async () => {
    const hidden = await bundle('module-entry.js', true);
    expect(hidden.output).not.toContain('SECRET-SOLUTION-LINE');
    expect(hidden.errors.join('\n')).toMatch(/code\/exercises\/sum\/solution\.ts is an exercise's solution and solutions are hidden/);
  }, 30_000);
});

describe('every page of the course, with solutions hidden', () => {
  const pages = ['docs', 'glossary', 'labs'].flatMap((dir) => filesUnder(path.join(ROOT, dir))).filter((f) => /\.mdx?$/.test(f));
  const withExercises = pages.filter((f) => /<Exercise\b/.test(fs.readFileSync(f, 'utf8')));

  it('has exercises to hide (the check below is not empty)', () => {
    expect(withExercises.length).toBeGreaterThanOrEqual(2);
  });
  it.each(withExercises.map((f) => path.relative(ROOT, f)))('%s imports no solution file', async (page) => {
    // Docusaurus's heading ids ({#id}) are its own syntax, not MDX's: drop them first.
    const value = fs.readFileSync(path.join(ROOT, page), 'utf8').replace(/ \{#[\w-]+\}$/gm, '');
    const file = { path: path.join(ROOT, page), value };
    const hidden = String(await compile(file, { remarkPlugins: [remarkMath, [remarkEmbeds, { siteDir: ROOT, hideSolutions: true }]] }));
    const imports = [...hidden.matchAll(/from "@site\/([^"?]+)(\?[^"]*)?"/g)].map((m) => m[1]);
    expect(imports.some((i) => i.startsWith('code/exercises/'))).toBe(true);
    expect(imports.filter((i) => SOLUTION_FILE.test(`/${i}`))).toEqual([]);
  });
});

describe("the site's own code", () => {
  it('imports a solution only from that exercise’s tests', () => {
    const sources = ['src', 'code'].flatMap((dir) => filesUnder(path.join(ROOT, dir))).filter((f) => /\.(tsx?|jsx?|mjs|cjs)$/.test(f));
    const importers = sources.flatMap((file) =>
      relativeImports(fs.readFileSync(file, 'utf8'))
        .map(({ specifier }) => path.resolve(path.dirname(file), specifier).replace(/(\.ts)?$/, '.ts'))
        .filter((target) => SOLUTION_FILE.test(target))
        .map((target) => ({ importer: path.relative(ROOT, file), target: path.relative(ROOT, target) })),
    );
    expect(importers.length).toBeGreaterThan(0);
    for (const { importer, target } of importers) {
      expect(importer, `${importer} imports ${target}`).toBe(path.join(path.dirname(target), 'solution.test.ts'));
    }
  });
});
