// SPDX-License-Identifier: MIT
/**
 * The in-page runner's parts under Node: import resolution (aliases, the runner's own modules),
 * error locations, value formatting, the in-page `expect`, the page modules, and the page's
 * worker pool (with stand-in workers). The browser tests run the same code in Chromium.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bareImports, candidates, joinPath, locate, runEntry, RunnerError, transpile, type Files } from '../../src/runner/modules';
import { formatArgs, formatTable, formatValue } from '../../src/runner/format';
import { createTestApi } from '../../src/runner/expect';
import { createPageModules, throttledDraw } from '../../src/runner/page-modules';
import { PAGE_MODULES } from '../../src/runner/page-module-paths';
import { MAX_WORKERS, RunnerPool } from '../../src/components/RunnableCode/pool';
import type { ChartSpec } from '../../code/shared/plot';
import type { FromWorker, ToWorker } from '../../src/runner/protocol';

const CODE = path.resolve(__dirname, '../../code');

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the run to fail');
}

describe('import resolution', () => {
  it('joins relative paths and tries the usual extensions', () => {
    expect(joinPath('/knn', '../data/csv')).toBe('/data/csv');
    expect(joinPath('/a/b', './c/../d')).toBe('/a/b/d');
    expect(candidates('/knn/demo.ts', './knn')).toEqual([
      '/knn/knn',
      '/knn/knn.ts',
      '/knn/knn.tsx',
      '/knn/knn.js',
      '/knn/knn/index.ts',
      '/knn/knn/index.js',
    ]);
  });

  it('runs an entry that imports files, transitively, each module once per run', async () => {
    const files: Files = {
      '/main.ts': "import { twice } from './lib/twice';\nimport { count } from './lib/count';\nexport const result = [twice(2), count()];",
      '/lib/twice.ts': "import { count } from './count';\ncount();\nexport const twice = (x: number): number => 2 * x;",
      '/lib/count.ts': 'let n = 0;\nexport function count() { n += 1; return n; }',
    };
    expect((await runEntry({ files, packages: {} }, '/main.ts')).result).toEqual([4, 2]);
    // A second run starts from fresh module state: the counter starts again.
    expect((await runEntry({ files, packages: {} }, '/main.ts')).result).toEqual([4, 2]);
  });

  it("answers an alias with another file (an exercise's ./solution is the reader's starter)", async () => {
    const files: Files = {
      '/ex/starter.ts': 'export const answer = 42;',
      '/ex/solution.test.ts': "import { answer } from './solution';\nexport const seen = answer;",
    };
    const exports = await runEntry({ files, packages: {}, aliases: { '/ex/solution.ts': '/ex/starter.ts' } }, '/ex/solution.test.ts');
    expect(exports.seen).toBe(42);
  });

  it("answers the page modules with the host's versions, before any file of the same path", async () => {
    const files: Files = {
      '/demo/main.ts': "import { plot } from '../shared/plot';\nexport const got = plot;",
      '/shared/plot.ts': 'export const plot = "the Node version";',
    };
    const modules = { '/shared/plot.ts': { plot: 'the page version' } };
    expect((await runEntry({ files, packages: {}, modules }, '/demo/main.ts')).got).toBe('the page version');
  });

  it('says which file imported a missing module and what the example has', async () => {
    const files: Files = { '/main.ts': "import { x } from './nowhere';\nconsole.log(x);" };
    const error = await errorOf(runEntry({ files, packages: {} }, '/main.ts'));
    expect(error).toBeInstanceOf(RunnerError);
    expect((error as Error).message).toBe("Cannot find module './nowhere' imported from /main.ts: this example has /main.ts");
  });

  it('refuses Node modules and packages the site does not ship, naming what it has', async () => {
    const node = await errorOf(runEntry({ files: { '/a.ts': "import fs from 'node:fs';\nfs.readFileSync('x');" }, packages: {} }, '/a.ts'));
    expect((node as Error).message).toBe("'node:fs' is a Node.js module and is not available in the browser");
    const other = await errorOf(runEntry({ files: { '/a.ts': "import _ from 'lodash';\n_.x;" }, packages: { papaparse: {} } }, '/a.ts'));
    expect((other as Error).message).toBe("Cannot import 'lodash': in the page, code can import the files of this example and papaparse");
  });

  it('lists the bare imports to load before a run', () => {
    expect(
      bareImports({ '/a.ts': "import * as tf from '@tensorflow/tfjs';\nimport { x } from './b';", '/d.csv': "from 'x'" }).sort(),
    ).toEqual(['@tensorflow/tfjs']);
  });

  it("gives each run its own names in scope (the worker passes the run's timers this way)", async () => {
    const seen: number[] = [];
    const scope = { setTimeout: (fn: () => void, ms: number) => seen.push(ms) };
    await runEntry({ files: { '/a.ts': 'setTimeout(() => undefined, 123);' }, packages: {}, scope }, '/a.ts');
    expect(seen).toEqual([123]);
  });
});

describe('error locations', () => {
  it("puts a syntax error at the reader's file, line and column", () => {
    let error: unknown;
    try {
      transpile('/knn/broken.ts', 'const a = 1;\nconst b = ;\n');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RunnerError);
    expect((error as RunnerError).kind).toBe('syntax');
    expect((error as RunnerError).location).toEqual({ file: '/knn/broken.ts', line: 2, column: 11 });
    expect((error as Error).message).toMatch(/^SyntaxError: /);
  });

  it('puts a runtime error at the line of the file that threw, not the entry', async () => {
    const files: Files = {
      '/main.ts': "import { fail } from './lib';\n\nfail();",
      '/lib.ts': 'export function fail(): never {\n  const x = 1;\n  throw new Error(`bad ${x}`);\n}',
    };
    const error = await errorOf(runEntry({ files, packages: {} }, '/main.ts'));
    expect(locate(error, files)).toMatchObject({ file: '/lib.ts', line: 3 });
  });

  it('locates an error thrown by the entry itself (run as an async function)', async () => {
    const files: Files = { '/main.ts': 'const a = 1;\nawait Promise.resolve();\nnull.boom;' };
    const error = await errorOf(runEntry({ files, packages: {} }, '/main.ts'));
    expect(locate(error, files)).toMatchObject({ file: '/main.ts', line: 3 });
  });
});

describe('value formatting', () => {
  it('prints values the way a browser console would, briefly', () => {
    expect(formatArgs(['Accuracy:', 0.5, true, null, undefined])).toBe('Accuracy: 0.5 true null undefined');
    expect(formatValue([1, 2, 3])).toBe('[ 1, 2, 3 ]');
    expect(formatValue({ a: 1, b: 'x' })).toBe('{ a: 1, b: "x" }');
    expect(formatValue(new Float64Array([0.5, 1]))).toContain('0.5');
  });
  it('survives cycles', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(formatValue(a)).toContain('[Circular]');
  });
  it('prints console.table rows as a table', () => {
    const table = formatTable([
      { k: 1, accuracy: 0.9 },
      { k: 5, accuracy: 0.95 },
    ]);
    expect(table).toContain('accuracy');
    expect(table.split('\n').length).toBeGreaterThanOrEqual(3);
  });
});

describe('the in-page expect', () => {
  it('reports each test by its describe path, with the assertion that failed', async () => {
    const { api, run } = createTestApi();
    api.describe('sum', () => {
      api.it('adds', () => api.expect(1 + 1).toBe(2));
      api.it('is close', () => api.expect(0.1 + 0.2).toBeCloseTo(0.3, 10));
      api.it('fails', () => api.expect([1, 2]).toEqual([1, 3]));
      api.it('throws as asked', () =>
        api
          .expect(() => {
            throw new Error('different lengths');
          })
          .toThrow('lengths'),
      );
      api.it('negates', () => api.expect(3).not.toBeGreaterThan(5));
      api.test('awaits', async () => api.expect(await Promise.resolve([1, 2, 3])).toHaveLength(3));
    });
    const results = await run();
    expect(results.map((r) => [r.name, r.passed])).toEqual([
      ['sum › adds', true],
      ['sum › is close', true],
      ['sum › fails', false],
      ['sum › throws as asked', true],
      ['sum › negates', true],
      ['sum › awaits', true],
    ]);
    expect(results[2].error).toBe('expected [1,2] to equal [1,3]');
  });
  it('fails toThrow when nothing throws, and toBe on different objects', async () => {
    const { api, run } = createTestApi();
    api.it('a', () => api.expect(() => 1).toThrow());
    api.it('b', () => api.expect({}).toBe({}));
    const results = await run();
    expect(results.map((r) => r.error)).toEqual(['expected the function to throw', 'expected {} to be {}']);
  });
});

describe('page modules', () => {
  it('are exactly the code/ modules the build leaves out of embeds', () => {
    const modules = createPageModules({ draw: () => undefined, files: {} });
    expect(Object.keys(modules).sort()).toEqual(PAGE_MODULES.map((p) => `/${p}`).sort());
    for (const p of PAGE_MODULES) expect(fs.existsSync(path.join(CODE, p)), p).toBe(true);
  });

  it('export what the Node versions export', async () => {
    const modules = createPageModules({ draw: () => undefined, files: {} });
    for (const p of PAGE_MODULES) {
      const node = await import(path.join(CODE, p));
      expect(Object.keys(modules[`/${p}` as keyof typeof modules]).sort(), p).toEqual(Object.keys(node).sort());
    }
  });

  it('draw a chart and redraw it on update, refusing broken series', () => {
    const drawn: [number, ChartSpec][] = [];
    const { '/shared/plot.ts': plotModule } = createPageModules({ draw: (id, spec) => drawn.push([id, spec]), files: {} });
    const chart = plotModule.plot({ title: 't', xLabel: 'x', yLabel: 'y', series: [{ name: 's', x: [], y: [] }] });
    chart.update({ series: [{ name: 's', x: [1], y: [2] }] });
    expect(drawn.map(([id, spec]) => [id, spec.series[0].y])).toEqual([
      [1, []],
      [1, [2]],
    ]);
    expect(() => chart.update({ series: [{ name: 'bad', x: [1], y: [] }] })).toThrow(
      'plot: series "bad" needs as many x as y values, got 1 and 0',
    );
  });

  it('send a chart at most once per interval, and always its last state', async () => {
    const sent: number[][] = [];
    const draw = throttledDraw((_id, spec) => sent.push(spec.series[0].y), 30);
    for (let i = 1; i <= 5; i++) draw.request(1, { title: '', xLabel: '', yLabel: '', series: [{ name: 's', x: [i], y: [i] }] });
    expect(sent).toEqual([[1]]);
    draw.flushAll();
    expect(sent).toEqual([[1], [5]]);
  });

  it("read the embed's data files, and name the ones it has when asked for another", async () => {
    const { '/shared/files.ts': files } = createPageModules({ draw: () => undefined, files: { '/data/x.csv': 'a\n1\n', '/main.ts': '' } });
    expect(await files.readTextFile('/data/x.csv')).toBe('a\n1\n');
    expect(await files.readTextFile('data/x.csv')).toBe('a\n1\n');
    await expect(files.readTextFile('/data/y.csv')).rejects.toThrow('No file /data/y.csv in this example; it has /data/x.csv');
  });
});

/** A stand-in Web Worker: records messages, answers a run when told to. */
class FakeWorker {
  static made: FakeWorker[] = [];
  messages: ToWorker[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(message: ToWorker) {
    this.messages.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  finish(runId: number) {
    this.onmessage?.({ data: { type: 'done', runId, milliseconds: 1, ok: true } } as MessageEvent<FromWorker>);
  }
  get runs() {
    return this.messages.filter((m): m is Extract<ToWorker, { runId: number }> => m.type !== 'warm-up').map((m) => m.runId);
  }
}

describe("the page's worker pool", () => {
  const request = { type: 'run' as const, files: { '/a.ts': '' }, entry: '/a.ts' };

  it(`never holds more than ${MAX_WORKERS} workers, however many embeds run`, () => {
    FakeWorker.made = [];
    const pool = new RunnerPool(() => new FakeWorker() as unknown as Worker);
    pool.retain();
    pool.warmUp([], { '/a.ts': '' });
    expect(pool.size).toBe(1);
    const heard: number[] = [];
    const ids = [1, 2, 3, 4, 5].map(() =>
      pool.run(
        request,
        (m) => heard.push(m.runId),
        () => undefined,
      ),
    );
    expect(pool.size).toBe(MAX_WORKERS);
    expect(ids.filter((id) => pool.isWaiting(id))).toEqual(ids.slice(2));
    // Finishing runs hands the waiting ones to the same workers.
    const [w1, w2] = FakeWorker.made;
    w1.finish(ids[0]);
    w2.finish(ids[1]);
    expect(pool.isWaiting(ids[2])).toBe(false);
    expect(pool.isWaiting(ids[3])).toBe(false);
    expect(pool.isWaiting(ids[4])).toBe(true);
    expect(FakeWorker.made).toHaveLength(MAX_WORKERS);
    expect(heard).toEqual([ids[0], ids[1]]);
    // The first worker got the warm-up before any run.
    expect(w1.messages[0].type).toBe('warm-up');
  });

  it("stops a run at once by ending its worker, and starts a fresh one warmed with the page's files", () => {
    FakeWorker.made = [];
    const pool = new RunnerPool(() => new FakeWorker() as unknown as Worker);
    pool.retain();
    pool.warmUp(['@tensorflow/tfjs'], { '/a.ts': 'x' });
    const heard: FromWorker[] = [];
    const id = pool.run(
      request,
      (m) => heard.push(m),
      () => undefined,
    );
    const first = FakeWorker.made[0];
    pool.stop(id);
    expect(first.terminated).toBe(true);
    expect(pool.size).toBe(1);
    const fresh = FakeWorker.made[1];
    expect(fresh.messages[0]).toEqual({ type: 'warm-up', packages: ['@tensorflow/tfjs'], files: { '/a.ts': 'x' } });
    // A late message from the stopped run is dropped.
    first.finish(id);
    expect(heard).toEqual([]);
  });

  it('starts a waiting run when another is stopped', () => {
    FakeWorker.made = [];
    const pool = new RunnerPool(() => new FakeWorker() as unknown as Worker);
    pool.retain();
    const ids = [1, 2, 3].map(() =>
      pool.run(
        request,
        () => undefined,
        () => undefined,
      ),
    );
    expect(pool.isWaiting(ids[2])).toBe(true);
    pool.stop(ids[0]);
    expect(pool.isWaiting(ids[2])).toBe(false);
    expect(pool.size).toBe(MAX_WORKERS);
    expect(FakeWorker.made.filter((w) => !w.terminated)).toHaveLength(MAX_WORKERS);
  });

  it("ends every worker when the page's last embed goes", () => {
    FakeWorker.made = [];
    const pool = new RunnerPool(() => new FakeWorker() as unknown as Worker);
    pool.retain();
    pool.retain();
    pool.run(
      request,
      () => undefined,
      () => undefined,
    );
    pool.release();
    expect(FakeWorker.made.every((w) => !w.terminated)).toBe(true);
    pool.release();
    expect(FakeWorker.made.every((w) => w.terminated)).toBe(true);
    expect(pool.size).toBe(0);
  });
});
