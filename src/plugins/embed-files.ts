/**
 * Which files a code embed needs, worked out from its entry file (see CONTRIBUTING.md,
 * "Runnable code"). Used at build time by remark-embeds.ts and by the tests, under Node.
 *
 * From the entry, follow every relative import (`import … from '../data/csv'`), transitively,
 * and every data file the code names by its path under `code/` (`readTextFile('/data/iris.csv')`).
 * The modules that the in-page runner supplies itself (PAGE_MODULES: plotting and reading data
 * files) are left out: in the page, the runner's versions answer those imports.
 *
 * Every problem is an EmbedError with a message for the author: an entry that does not exist,
 * an import that resolves to no file, a path that leaves `code/`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PAGE_MODULES } from '../runner/page-module-paths';

export class EmbedError extends Error {}

/** Extensions tried for an import without one, in the order the runner tries them. */
const EXTENSIONS = ['', '.ts', '.tsx', '.js', '/index.ts', '/index.js'];
const CODE_FILE = /\.(ts|tsx|js)$/;
/** Data files code can read with readTextFile. */
const DATA_FILE = /\.(csv|tsv|json|txt)$/;

/** '/knn/knn.ts' or 'knn/knn.ts' → 'knn/knn.ts', or an EmbedError if it leaves code/. */
export function normaliseCodePath(p: string, what: string): string {
  const clean = path.posix.normalize(p.replace(/^\/+/, ''));
  if (clean.startsWith('..') || path.posix.isAbsolute(clean) || clean === '.') {
    throw new EmbedError(`${what} "${p}" is outside code/: embeds can only use files in code/`);
  }
  return clean;
}

/** Relative imports and requires in a file, with the line each is on. */
export function relativeImports(source: string): { specifier: string; line: number }[] {
  const found: { specifier: string; line: number }[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s*)(['"])(\.{1,2}\/[^'"]*)\1/gm;
  for (const m of source.matchAll(pattern)) {
    found.push({ specifier: m[2], line: source.slice(0, m.index).split('\n').length });
  }
  return found;
}

/** String literals that name a data file by its path under code/ (e.g. '/data/iris.csv'). */
export function dataFileNames(source: string): { name: string; line: number }[] {
  const found: { name: string; line: number }[] = [];
  for (const m of source.matchAll(/(['"`])(\/?[\w\-./]+)\1/g)) {
    if (DATA_FILE.test(m[2]) && !m[2].startsWith('.')) {
      found.push({ name: m[2], line: source.slice(0, m.index).split('\n').length });
    }
  }
  return found;
}

function readsFile(source: string, name: string): boolean {
  return new RegExp(`readTextFile\\(\\s*['"\`]${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"\`]`).test(source);
}

export type EmbedFilesOptions = {
  /** The folder embeds draw from: the site's code/. */
  codeDir: string;
  /** Imports answered by another file: 'exercises/x/solution.ts' → 'exercises/x/starter.ts'. */
  aliases?: Record<string, string>;
};

/**
 * The files an embed needs, as paths under code/ ('knn/knn.ts'), entries first, then the
 * files they import in the order they are met (breadth first), data files last.
 */
export function embedFiles(entries: string[], options: EmbedFilesOptions): string[] {
  const { codeDir, aliases = {} } = options;
  const exists = (p: string) => fs.existsSync(path.join(codeDir, p)) && fs.statSync(path.join(codeDir, p)).isFile();
  const code: string[] = [];
  const data: string[] = [];
  const queue: string[] = [];
  for (const entry of entries) {
    const p = normaliseCodePath(entry, 'entry');
    if (!exists(p)) throw new EmbedError(`entry "${entry}" is not a file in code/ (looked for code/${p})`);
    if (!code.includes(p)) {
      code.push(p);
      queue.push(p);
    }
  }
  while (queue.length) {
    const file = queue.shift()!;
    const source = fs.readFileSync(path.join(codeDir, file), 'utf8');
    if (!CODE_FILE.test(file)) continue;
    for (const { specifier, line } of relativeImports(source)) {
      const base = path.posix.join(path.posix.dirname(file), specifier);
      if (base.startsWith('..')) {
        throw new EmbedError(`code/${file}:${line} imports '${specifier}', which is outside code/`);
      }
      const candidates = EXTENSIONS.map((ext) => path.posix.normalize(base + ext));
      const aliased = candidates.find((c) => c in aliases);
      if (aliased) continue; // answered by another file of the embed
      if (candidates.some((c) => PAGE_MODULES.includes(c))) continue; // supplied by the runner
      const target = candidates.find(exists);
      if (!target) {
        throw new EmbedError(
          `code/${file}:${line} imports '${specifier}', which is no file in code/ (tried ${candidates.map((c) => `code/${c}`).join(', ')})`,
        );
      }
      if (!code.includes(target)) {
        code.push(target);
        queue.push(target);
      }
    }
    for (const { name, line } of dataFileNames(source)) {
      const p = normaliseCodePath(name, `code/${file}:${line}: data file`);
      if (!exists(p)) {
        // A string that only looks like a file name is fine; one the code reads must exist.
        if (readsFile(source, name)) throw new EmbedError(`code/${file}:${line} reads '${name}', which is no file in code/`);
        continue;
      }
      if (!data.includes(p)) data.push(p);
    }
  }
  return [...code, ...data];
}

/**
 * An exercise's embed: its entries (the reader's starter and the tests) and the
 * alias that answers the tests' `./solution` import with the starter.
 */
export function exerciseEmbed(name: string): {
  starter: string;
  tests: string;
  solution: string;
  entries: string[];
  aliases: Record<string, string>;
} {
  const dir = `exercises/${name}`;
  const starter = `${dir}/starter.ts`;
  const tests = `${dir}/solution.test.ts`;
  const solution = `${dir}/solution.ts`;
  return { starter, tests, solution, entries: [starter, tests], aliases: { [solution]: starter } };
}
