// SPDX-License-Identifier: MIT
/**
 * Every exercise, through the in-page test API under Node, with the files the build gives its
 * embed: the tests fail with the starter (there is something to do) and pass with the solution.
 * (vitest also runs each solution.test.ts directly against solution.ts.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEntry, type Files } from '../../src/runner/modules';
import { createTestApi, type TestResult } from '../../src/runner/expect';
import { createPageModules } from '../../src/runner/page-modules';
import { embedFiles, exerciseEmbed } from '../../src/plugins/embed-files';

const CODE = path.resolve(__dirname, '../../code');
const names = fs.readdirSync(path.join(CODE, 'exercises'));

/** The files the exercise's embed gets, as the page's runner sees them. */
function exerciseFiles(name: string): Files {
  const { entries, aliases } = exerciseEmbed(name);
  const paths = embedFiles(entries, { codeDir: CODE, aliases });
  return Object.fromEntries(paths.map((p) => [`/${p}`, fs.readFileSync(path.join(CODE, p), 'utf8')]));
}

async function check(name: string, readerCode?: string): Promise<TestResult[]> {
  const base = `/exercises/${name}`;
  const files = exerciseFiles(name);
  if (readerCode !== undefined) files[`${base}/starter.ts`] = readerCode;
  const { api, run } = createTestApi();
  const modules = createPageModules({ draw: () => undefined, files });
  await runEntry(
    { files, packages: {}, modules, overrides: { vitest: api }, aliases: { [`${base}/solution.ts`]: `${base}/starter.ts` } },
    `${base}/solution.test.ts`,
  );
  return run();
}

describe("exercises in the page's test runner", () => {
  it('exist', () => expect(names.length).toBeGreaterThanOrEqual(6));
  for (const name of names) {
    it(`${name}: the starter fails at least one test`, async () => {
      const results = await check(name);
      expect(results.length).toBeGreaterThan(0);
      expect(
        results.some((r) => !r.passed),
        JSON.stringify(results),
      ).toBe(true);
    });
    it(`${name}: the solution passes every test`, async () => {
      const solution = fs.readFileSync(path.join(CODE, 'exercises', name, 'solution.ts'), 'utf8');
      const results = await check(name, solution);
      expect(results.filter((r) => !r.passed)).toEqual([]);
      expect(results.length).toBeGreaterThanOrEqual(2);
    });
  }
});
