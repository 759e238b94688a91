/**
 * Builds the site into build/ for the browser tests, unless its inputs are unchanged since the
 * last build (the hash of every input file is kept in build/.inputs-hash). Used by the browser
 * tests' global setup, and by tests/run.ts, which starts it alongside the static checks.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const INPUTS = ['docs', 'glossary', 'labs', 'teachers', 'i18n', 'src', 'code', 'static'];
const INPUT_FILES = ['docusaurus.config.ts', 'sidebars.ts', 'course.config.ts', 'package-lock.json'];
const HASH_FILE = path.join(ROOT, 'build', '.inputs-hash');

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  });
}

export function inputsHash(): string {
  const hash = crypto.createHash('sha256');
  const files = [...INPUTS.flatMap((d) => filesUnder(path.join(ROOT, d))), ...INPUT_FILES.map((f) => path.join(ROOT, f))]
    .filter((f) => fs.existsSync(f))
    .sort();
  for (const file of files) {
    hash.update(path.relative(ROOT, file));
    hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex');
}

/** Builds unless build/ is up to date; resolves with what it did. Output goes to `log` (default: inherit). */
export async function buildSite({ force = !!process.env.FORCE_BUILD, quiet = false } = {}): Promise<{
  built: boolean;
  seconds: number;
  output: string;
}> {
  const hash = inputsHash();
  if (!force && fs.existsSync(HASH_FILE) && fs.readFileSync(HASH_FILE, 'utf8') === hash) {
    return { built: false, seconds: 0, output: '' };
  }
  const started = Date.now();
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const build = spawn('npx', ['docusaurus', 'build'], {
      cwd: ROOT,
      stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'],
      env: { ...process.env, SITE_URL: 'http://127.0.0.1', BASE_URL: '/' },
    });
    build.stdout?.on('data', (chunk) => (output += chunk));
    build.stderr?.on('data', (chunk) => (output += chunk));
    build.on('error', reject);
    build.on('exit', (code) =>
      code === 0 ? resolve() : reject(Object.assign(new Error(`the site's build failed (exit ${code})`), { output })),
    );
  });
  fs.writeFileSync(HASH_FILE, hash);
  return { built: true, seconds: (Date.now() - started) / 1000, output };
}
