/**
 * A tiny module system for the runner: TypeScript files transpiled by sucrase into CommonJS,
 * evaluated in order of `require`, with relative imports resolved among the embed's files and
 * bare imports from a fixed list of packages the site ships.
 * Sucrase keeps every statement on its original line, so error line numbers match the reader's file.
 */
import { transform } from 'sucrase';

export type Files = Record<string, string>;

/** Where an error happened in the reader's code. */
export type Location = { file: string; line: number; column?: number };

export class RunnerError extends Error {
  constructor(
    message: string,
    readonly location?: Location,
    readonly kind: 'syntax' | 'runtime' = 'runtime',
  ) {
    super(message);
  }
}

const EXTENSIONS = ['', '.ts', '.tsx', '.js', '/index.ts', '/index.js'];

export function dirname(path: string): string {
  return path.slice(0, path.lastIndexOf('/')) || '/';
}

/** Join a relative specifier onto a directory: ('/knn', '../data/csv') → '/data/csv'. */
export function joinPath(dir: string, specifier: string): string {
  const parts = dir.split('/').filter(Boolean);
  for (const segment of specifier.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return `/${parts.join('/')}`;
}

/** The paths an import may name, trying the usual extensions. */
export function candidates(from: string, specifier: string): string[] {
  const base = specifier.startsWith('/') ? joinPath('/', specifier) : joinPath(dirname(from), specifier);
  return EXTENSIONS.map((ext) => base + ext);
}

/** The embed file a relative import names, trying the usual extensions. */
export function resolveRelative(files: Files, from: string, specifier: string): string | undefined {
  return candidates(from, specifier).find((candidate) => candidate in files);
}

/** Bare imports used in a set of files (e.g. '@tensorflow/tfjs'), so they can be loaded first. */
export function bareImports(files: Files): string[] {
  const found = new Set<string>();
  for (const [path, code] of Object.entries(files)) {
    if (!/\.(ts|tsx|js)$/.test(path)) continue;
    for (const m of code.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]([^'".][^'"]*)['"]/g)) found.add(m[1]);
  }
  return [...found];
}

/** Transpiled files by path and source, so a second run (or a run after warm-up) skips sucrase. */
const transpiled = new Map<string, { source: string; code: string }>();

/** Transpile one file; a syntax error becomes a RunnerError with the file and line. */
export function transpile(path: string, code: string): string {
  const cached = transpiled.get(path);
  if (cached?.source === code) return cached.code;
  try {
    const output = transform(code, { transforms: ['typescript', 'imports'], filePath: path, production: true }).code;
    transpiled.set(path, { source: code, code: output });
    return output;
  } catch (error) {
    const message = (error as Error).message;
    const m = /\((\d+):(\d+)\)/.exec(message);
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const line = loc?.line ?? (m ? Number(m[1]) : undefined);
    // Sucrase counts columns from 1, as editors do.
    const column = loc ? loc.column : m ? Number(m[2]) : undefined;
    throw new RunnerError(
      `SyntaxError: ${message.replace(/\s*\(\d+:\d+\)\s*$/, '')}`,
      line ? { file: path, line, column } : undefined,
      'syntax',
    );
  }
}

// The lines `new Function` adds before the body: "function anonymous(a,b\n) {\n"
const FUNCTION_HEADER_LINES = 2;

/** The reader's file and line from an error's stack (frames carry the `//# sourceURL` we set). */
export function locate(error: unknown, files: Files): Location | undefined {
  const stack = String((error as Error)?.stack ?? '');
  for (const m of stack.matchAll(/(\/[^\s():]+\.(?:ts|tsx|js)):(\d+):(\d+)/g)) {
    const file = m[1];
    if (file in files) return { file, line: Number(m[2]) - FUNCTION_HEADER_LINES, column: Number(m[3]) };
  }
  return undefined;
}

const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor as FunctionConstructor;

export type ModuleHost = {
  files: Files;
  /** Packages the site ships, already loaded: specifier → module namespace. */
  packages: Record<string, unknown>;
  /** Modules that answer a bare import, e.g. the exercise's test API for 'vitest'. */
  overrides?: Record<string, unknown>;
  /**
   * Modules the host supplies in place of a file, by path: in the page, the runner's own
   * plotting and file reading ('/shared/plot.ts', '/shared/files.ts'; see page-modules.ts).
   */
  modules?: Record<string, unknown>;
  /** Imports answered by another file: an exercise's '/exercises/x/solution.ts' → its starter. */
  aliases?: Record<string, string>;
  /** Names every module sees in place of the global ones (the run's own timers, say). */
  scope?: Record<string, unknown>;
};

/**
 * Run `entry` as a module. The entry body runs inside an async function, so top-level `await`
 * works there; the promise settles when the entry's code (and what it awaits) has finished.
 */
export async function runEntry(host: ModuleHost, entry: string): Promise<Record<string, unknown>> {
  const cache = new Map<string, { exports: Record<string, unknown> }>();

  const load = (path: string, isEntry: boolean): { exports: Record<string, unknown> } | Promise<{ exports: Record<string, unknown> }> => {
    const cached = cache.get(path);
    if (cached) return cached;
    const module = { exports: {} as Record<string, unknown> };
    cache.set(path, module);
    const source = host.files[path];
    if (!/\.(ts|tsx|js)$/.test(path)) {
      module.exports = { default: source };
      return module;
    }
    const code = `${transpile(path, source)}\n//# sourceURL=${path}`;
    const require = (specifier: string) => {
      if (host.overrides && specifier in host.overrides) return host.overrides[specifier];
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const paths = candidates(path, specifier).map((c) => host.aliases?.[c] ?? c);
        const supplied = paths.find((c) => host.modules && c in host.modules);
        if (supplied) return host.modules![supplied];
        const target = paths.find((c) => c in host.files);
        if (!target) {
          throw new RunnerError(
            `Cannot find module '${specifier}' imported from ${path}: this example has ${Object.keys(host.files).join(', ')}`,
            undefined,
          );
        }
        const loaded = load(target, false);
        if (loaded instanceof Promise) throw new Error('internal: only the entry file runs asynchronously');
        return loaded.exports;
      }
      if (specifier in host.packages) return host.packages[specifier];
      if (specifier.startsWith('node:')) throw new RunnerError(`'${specifier}' is a Node.js module and is not available in the browser`);
      throw new RunnerError(
        `Cannot import '${specifier}': in the page, code can import the files of this example and ${Object.keys(host.packages).join(', ') || 'no packages'}`,
      );
    };
    const scope = Object.entries(host.scope ?? {});
    const params = ['require', 'module', 'exports', '__dirname', '__filename', ...scope.map(([name]) => name)];
    const args = [require, module, module.exports, dirname(path), path, ...scope.map(([, value]) => value)];
    if (isEntry) {
      const body = new AsyncFunction(...params, code) as unknown as (...a: unknown[]) => Promise<void>;
      return body(...args).then(() => module);
    }
    (new Function(...params, code) as (...a: unknown[]) => void)(...args);
    return module;
  };

  const result = await load(entry, true);
  return result.exports;
}
