/**
 * The runner's Web Worker: reader code runs here, never on the page's main thread, so a slow or
 * endless loop cannot freeze the page (the page can always terminate this worker).
 * Transpiles TypeScript with sucrase, loads the site-bundled packages the code imports,
 * forwards console output and charts to the page, and reports errors with the reader's file and line.
 */
import type { ChartSpec } from '@site/code/shared/plot';
import { formatArgs, formatTable } from './format';
import { bareImports, locate, runEntry, RunnerError, transpile, type Files } from './modules';
import { createTestApi } from './expect';
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
  const send = (level: ConsoleLevel) => (...args: unknown[]) => post({ type: 'console', runId, level, text: formatArgs(args) });
  const c = console as unknown as Record<string, unknown>;
  c.log = send('log');
  c.info = send('info');
  c.debug = send('log');
  c.warn = send('warn');
  c.error = send('error');
  c.table = (data: unknown) => post({ type: 'console', runId, level: 'log', text: formatTable(data) });
}

/** Charts: at most one message per chart every 50 ms while code runs, and always the last state. */
function installPlot(runId: number): () => void {
  const latest = new Map<number, ChartSpec>();
  const sentAt = new Map<number, number>();
  const flush = (id: number) => {
    const spec = latest.get(id);
    if (!spec) return;
    latest.delete(id);
    sentAt.set(id, performance.now());
    post({ type: 'plot', runId, id, spec: JSON.parse(JSON.stringify(spec)) });
  };
  (globalThis as { __mlEdgePlot?: unknown }).__mlEdgePlot = (id: number, spec: ChartSpec) => {
    latest.set(id, spec);
    if (performance.now() - (sentAt.get(id) ?? -Infinity) >= 50) flush(id);
    else setTimeout(() => flush(id), 50);
  };
  return () => [...latest.keys()].forEach(flush);
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

function setFiles(files: Files): void {
  const data: Files = {};
  for (const [path, text] of Object.entries(files)) if (!/\.(ts|tsx|js)$/.test(path)) data[path] = text;
  (globalThis as { __mlEdgeFiles?: Files }).__mlEdgeFiles = data;
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
  currentRun = runId;
  lastFiles = files;
  installConsole(runId);
  const flushCharts = installPlot(runId);
  setFiles(files);
  const started = performance.now();
  let ok = true;
  try {
    await ensurePackages(bareImports(files));
    if (message.type === 'run') {
      await runEntry({ files, packages: loaded }, message.entry);
    } else {
      const { api, run } = createTestApi();
      await runEntry({ files, packages: loaded, overrides: { vitest: api } }, message.testFile);
      const results = await run();
      ok = results.every((r) => r.passed);
      post({ type: 'tests', runId, results });
    }
  } catch (error) {
    ok = false;
    reportError(runId, error, files);
  }
  flushCharts();
  post({ type: 'done', runId, milliseconds: performance.now() - started, ok });
};
