/**
 * The runner's Web Worker: reader code runs here, never on the page's main thread, so a slow or
 * endless loop cannot freeze the page (the page can always terminate this worker).
 * One worker serves every embed of a page, one run at a time (src/components/RunnableCode/pool.ts).
 * Transpiles TypeScript with sucrase, loads the site-bundled packages the code imports,
 * answers the code/ modules that talk to the page with its own versions (./page-modules.ts),
 * forwards console output and charts to the page, and reports errors with the reader's file and line.
 * Every run starts from fresh module state: each module's code runs again.
 */
import { formatArgs, formatTable } from './format';
import { bareImports, locate, runEntry, RunnerError, transpile, type Files } from './modules';
import { createTestApi } from './expect';
import { createPageModules, throttledDraw } from './page-modules';
import type { ConsoleLevel, FromWorker, ToWorker } from './protocol';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

const post = (message: FromWorker) => (self as unknown as Worker).postMessage(message);

/** Packages lesson code may import, each a lazy chunk of the site (nothing from a CDN). */
const PACKAGES: Record<string, () => Promise<unknown>> = {
  '@tensorflow/tfjs': loadTensorFlow,
  papaparse: () => import('papaparse').then((m) => m.default ?? m),
};
const loaded: Record<string, unknown> = {};

async function loadTensorFlow(): Promise<unknown> {
  const [tf, wasm] = await Promise.all([import('@tensorflow/tfjs'), import('@tensorflow/tfjs-backend-wasm')]);
  // The .wasm files are emitted by the site's build and served from its own origin.
  wasm.setWasmPaths({
    'tfjs-backend-wasm.wasm': new URL(wasmPlain, self.location.href).href,
    'tfjs-backend-wasm-simd.wasm': new URL(wasmSimd, self.location.href).href,
    'tfjs-backend-wasm-threaded-simd.wasm': new URL(wasmThreaded, self.location.href).href,
  });
  // One thread: the threaded build starts its own workers from blob: URLs (only where the host
  // sends cross-origin isolation headers), which fail inside this bundled worker.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  let ok = false;
  try {
    ok = await tf.setBackend('wasm');
  } catch {
    ok = false;
  }
  if (!ok) await tf.setBackend('cpu');
  await tf.ready();
  return tf;
}

async function ensurePackages(names: string[]): Promise<void> {
  for (const name of names) {
    if (name in loaded || !(name in PACKAGES)) continue;
    loaded[name] = await PACKAGES[name]();
  }
}

let currentRun = 0;

function installConsole(runId: number): void {
  const send =
    (level: ConsoleLevel) =>
    (...args: unknown[]) =>
      post({ type: 'console', runId, level, text: formatArgs(args) });
  const c = console as unknown as Record<string, unknown>;
  c.log = send('log');
  c.info = send('info');
  c.debug = send('log');
  c.warn = send('warn');
  c.error = send('error');
  c.table = (data: unknown) => post({ type: 'console', runId, level: 'log', text: formatTable(data) });
}

/**
 * Timers the reader's code starts, per run: a run's leftover setInterval must not print into the
 * next run's output (this worker serves every embed of the page, one run after another).
 */
type TimerId = ReturnType<typeof setTimeout>;
type Callback = (...args: unknown[]) => void;
const liveTimers = new Set<TimerId>();
function runTimers() {
  const clear = (id: TimerId) => {
    liveTimers.delete(id);
    clearTimeout(id);
  };
  return {
    setTimeout: (fn: Callback, ms?: number, ...args: unknown[]): TimerId => {
      const id = setTimeout(() => {
        liveTimers.delete(id);
        fn(...args);
      }, ms);
      liveTimers.add(id);
      return id;
    },
    setInterval: (fn: Callback, ms?: number, ...args: unknown[]): TimerId => {
      const id = setInterval(() => fn(...args), ms);
      liveTimers.add(id);
      return id;
    },
    clearTimeout: clear,
    clearInterval: clear,
  };
}
function clearRunTimers(): void {
  for (const id of liveTimers) clearTimeout(id); // clears intervals too (one id pool)
  liveTimers.clear();
}

function reportError(runId: number, error: unknown, files: Files): void {
  if (error instanceof RunnerError) {
    post({ type: 'error', runId, message: error.message, location: error.location ?? locate(error, files), kind: error.kind });
    return;
  }
  const e = error as Error;
  const message = e instanceof Error ? `${e.name}: ${e.message}` : `Uncaught ${formatArgs([error])}`;
  post({ type: 'error', runId, message, location: locate(error, files), kind: 'runtime' });
}

self.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  reportError(currentRun, (event as PromiseRejectionEvent).reason, lastFiles);
});
self.addEventListener('error', (event) => {
  event.preventDefault();
  reportError(currentRun, (event as ErrorEvent).error ?? event.message, lastFiles);
});

let lastFiles: Files = {};

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'warm-up') {
    // Transpile the embed's files now, while the reader reads, so the first Run only runs them.
    for (const [path, code] of Object.entries(message.files)) {
      if (!/\.(ts|tsx|js)$/.test(path)) continue;
      try {
        transpile(path, code);
      } catch {
        // a syntax error is reported when the reader runs the code
      }
    }
    await ensurePackages(message.packages);
    return;
  }
  const { runId, files } = message;
  clearRunTimers();
  currentRun = runId;
  lastFiles = files;
  installConsole(runId);
  const charts = throttledDraw((id, spec) => post({ type: 'plot', runId, id, spec }));
  const modules = createPageModules({ draw: charts.request, files });
  const host = { files, packages: loaded, modules, aliases: message.aliases, scope: runTimers() };
  const started = performance.now();
  let ok = true;
  try {
    await ensurePackages(bareImports(files));
    if (message.type === 'run') {
      await runEntry(host, message.entry);
    } else {
      const { api, run } = createTestApi();
      await runEntry({ ...host, overrides: { vitest: api } }, message.testFile);
      const results = await run();
      ok = results.every((r) => r.passed);
      post({ type: 'tests', runId, results });
    }
  } catch (error) {
    ok = false;
    reportError(runId, error, files);
  }
  charts.flushAll();
  post({ type: 'done', runId, milliseconds: performance.now() - started, ok });
};
