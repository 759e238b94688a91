/**
 * Once per browser-test run: build the site if its inputs changed since the last build (the
 * hash of every input file is kept in build/.inputs-hash), then serve build/ gzip-compressed on
 * 127.0.0.1. Tests read the address with `inject('baseURL')`.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from './serve.mjs';

const ROOT = path.resolve(__dirname, '../..');
const INPUTS = ['docs', 'glossary', 'labs', 'teachers', 'src', 'code', 'static'];
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

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

export default async function setup(project: TestProject) {
  const hash = inputsHash();
  const cached = fs.existsSync(HASH_FILE) && fs.readFileSync(HASH_FILE, 'utf8') === hash;
  if (!cached || process.env.FORCE_BUILD) {
    const started = Date.now();
    console.log('[browser tests] building the site (inputs changed since the last build)…');
    execFileSync('npx', ['docusaurus', 'build'], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, SITE_URL: 'http://127.0.0.1', BASE_URL: '/' },
    });
    fs.writeFileSync(HASH_FILE, hash);
    console.log(`[browser tests] build took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } else {
    console.log('[browser tests] reusing build/ (inputs unchanged)');
  }
  const server = await startServer({ dir: path.join(ROOT, 'build') });
  project.provide('baseURL', server.url);
  return async () => server.close();
}
