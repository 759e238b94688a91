/**
 * Solutions are never in a page's HTML or in the search index, even while the course shows them:
 * a reader sees one only by pressing "Show the solution", which loads it with the page's
 * JavaScript. Checked on the one build the browser tests make (solutions shown). What a build with
 * showSolutions: false leaves out of the JavaScript as well is checked without a second build, in
 * tests/content/hidden-solutions.test.ts (the bundler's rules on a fixture, every page's imports,
 * the site's own code).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'build');

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/**
 * Each solution's answer as runs of three consecutive lines that its starter does not have,
 * exactly as in the file: a `?raw` import publishes the whole file, so any run of it would show.
 * (Single lines are not enough to go on: the lessons' own code shares lines such as
 * `let sum = 0;` with the solutions. Runs found in published code are left out too.)
 */
function solutionRuns(): { exercise: string; runs: string[] }[] {
  const dir = path.join(ROOT, 'code/exercises');
  // Code that is published anyway (the lessons' own files, the starters, the tests) is no leak:
  // kNN's euclideanDistance, say, throws the same message as the Manhattan-distance solution.
  const published = filesUnder(path.join(ROOT, 'code'))
    .filter((f) => /\.ts$/.test(f) && !/[\\/]exercises[\\/][^\\/]+[\\/]solution\.ts$/.test(f))
    .map((f) => fs.readFileSync(f, 'utf8'));
  return fs.readdirSync(dir).map((exercise) => {
    const read = (file: string) => fs.readFileSync(path.join(dir, exercise, file), 'utf8').split('\n');
    const starter = new Set(read('starter.ts').map((l) => l.trim()));
    const lines = read('solution.ts');
    const runs = lines
      .slice(0, -2)
      .map((_, i) => lines.slice(i, i + 3))
      .filter((run) => run.every((l) => l.trim() !== '' && !starter.has(l.trim())))
      .map((run) => run.join('\n'))
      .filter((run) => !published.some((text) => text.includes(run)));
    return { exercise, runs };
  });
}

describe('the published pages and search index', () => {
  it('hold no part of any solution, which only the JavaScript of "Show the solution" carries', () => {
    const published = filesUnder(OUT)
      .filter((f) => /\.html$|search-index.*\.json$/.test(f))
      .map((f) => ({ file: path.relative(OUT, f), text: fs.readFileSync(f, 'utf8') }));
    const scripts = filesUnder(path.join(OUT, 'assets/js')).map((f) => fs.readFileSync(f, 'utf8'));
    const exercises = solutionRuns();
    expect(exercises.length).toBeGreaterThanOrEqual(6);
    const leaks = new Set<string>();
    for (const { exercise, runs } of exercises) {
      expect(runs.length, exercise).toBeGreaterThan(0);
      // As it appears inside a JS string: double-quoted (JSON), single-quoted or a template literal.
      const asJs = (run: string) => {
        const lines = run.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
        return [JSON.stringify(run).slice(1, -1), lines.replace(/'/g, "\\'"), lines.replace(/`/g, '\\`').replace(/\$\{/g, '\\${')];
      };
      // The check can fail: with solutions shown, each solution is in some script.
      expect(
        runs.some((run) => scripts.some((text) => asJs(run).some((form) => text.includes(form)))),
        `${exercise}: its solution is in no script`,
      ).toBe(true);
      for (const run of runs) {
        for (const { file, text } of published) {
          if (text.includes(run) || asJs(run).some((form) => text.includes(form))) leaks.add(`${exercise} in ${file}`);
        }
      }
    }
    expect([...leaks]).toEqual([]);
    const knn = published.find((p) => p.file === 'lessons/training/k-nearest-neighbours.html')!;
    expect(knn.text).toContain('Show the solution');
  });
});
