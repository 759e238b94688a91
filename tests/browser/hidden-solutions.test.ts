/**
 * A teacher who sets showSolutions: false (or builds with SHOW_SOLUTIONS=false) while an
 * assignment is open must publish no solution: not behind a button, not in a JavaScript chunk,
 * not in the search index. Builds the site that way (cached like the main build) and searches
 * every published file for every line that only the solutions contain.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inputsHash } from './global-setup';

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'node_modules/.cache/build-without-solutions');
const HASH_FILE = path.join(OUT, '.inputs-hash');
const GENERATED = path.join(ROOT, 'node_modules/.cache/docusaurus-without-solutions');

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

/**
 * The second build runs while the other browser test files drive Chromium (the files run side by
 * side; on two cores it costs them about 13 s of CPU). It keeps its generated files apart from
 * `.docusaurus/`, which `npm start` in dev-server.test.ts writes at the same time.
 */
beforeAll(async () => {
  const hash = inputsHash();
  if (fs.existsSync(HASH_FILE) && fs.readFileSync(HASH_FILE, 'utf8') === hash) return;
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    let log = '';
    const build = spawn('npx', ['docusaurus', 'build', '--out-dir', OUT], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        SHOW_SOLUTIONS: 'false',
        SITE_URL: 'http://127.0.0.1',
        BASE_URL: '/',
        DOCUSAURUS_GENERATED_FILES_DIR_NAME: path.relative(ROOT, GENERATED),
      },
    });
    build.stderr!.on('data', (chunk) => (log = (log + chunk).slice(-8000)));
    build.on('error', reject);
    build.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`SHOW_SOLUTIONS=false build failed (${code}):\n${log}`))));
  });
  fs.writeFileSync(HASH_FILE, hash);
  console.log(`[timings] SHOW_SOLUTIONS=false build: ${((Date.now() - started) / 1000).toFixed(1)} s (alongside the other browser tests)`);
}, 300_000);

describe('showSolutions: false', () => {
  it('publishes no part of any solution, and no "Show the solution" button', () => {
    const published = filesUnder(OUT)
      .filter((f) => /\.(html|js|json|txt|map)$/.test(f))
      .map((f) => ({ file: path.relative(OUT, f), text: fs.readFileSync(f, 'utf8') }));
    const exercises = solutionRuns();
    expect(exercises.length).toBeGreaterThanOrEqual(6);
    const leaks = new Set<string>();
    for (const { exercise, runs } of exercises) {
      expect(runs.length, exercise).toBeGreaterThan(0);
      for (const run of runs) {
        const escaped = JSON.stringify(run).slice(1, -1); // as it appears inside a JS string
        for (const { file, text } of published) {
          if (text.includes(run) || text.includes(escaped)) leaks.add(`${exercise} in ${file}`);
        }
      }
    }
    expect([...leaks]).toEqual([]);
    const knn = published.find((p) => p.file === 'lessons/training/k-nearest-neighbours.html')!;
    expect(knn.text).toContain('manhattan');
    expect(knn.text).not.toContain('Show the solution');
  });
});
