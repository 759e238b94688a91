/**
 * The runner's own versions of the code/ modules that talk to the page (PAGE_MODULES):
 * lesson code imports '../shared/plot' and '../shared/files' as usual, and in the page these
 * answer the import instead of the Node versions. Same exports, same types; each run gets new
 * ones, bound to that run.
 */
import { checkChart, describeChart, type ChartHandle, type ChartSpec } from '../../code/shared/plot';
import type * as NodePlot from '../../code/shared/plot';
import type * as NodeFiles from '../../code/shared/files';
import type { Files } from './protocol';

export type PageModuleHost = {
  /** Draw (or redraw) chart `id` under the run's output. */
  draw: (id: number, spec: ChartSpec) => void;
  /** The embed's files, by path under code/ ('/data/iris.csv'). */
  files: Files;
};

export type PageModules = {
  '/shared/plot.ts': typeof NodePlot;
  '/shared/files.ts': typeof NodeFiles;
};

/** A deep copy that survives postMessage: the reader may keep mutating the arrays they passed. */
const snapshot = (spec: ChartSpec): ChartSpec => JSON.parse(JSON.stringify(spec)) as ChartSpec;

/** Sends at most one message per chart every `interval` ms while code runs, and always the last state. */
export function throttledDraw(draw: PageModuleHost['draw'], interval = 50) {
  const latest = new Map<number, ChartSpec>();
  const sentAt = new Map<number, number>();
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  const flush = (id: number) => {
    const spec = latest.get(id);
    clearTimeout(timers.get(id));
    timers.delete(id);
    if (!spec) return;
    latest.delete(id);
    sentAt.set(id, performance.now());
    draw(id, snapshot(spec));
  };
  const request = (id: number, spec: ChartSpec) => {
    latest.set(id, spec);
    if (performance.now() - (sentAt.get(id) ?? -Infinity) >= interval) flush(id);
    else if (!timers.has(id))
      timers.set(
        id,
        setTimeout(() => flush(id), interval),
      );
  };
  return { request, flushAll: () => [...latest.keys()].forEach(flush) };
}

export function createPageModules(host: PageModuleHost): PageModules {
  let nextId = 1;
  const plot = (spec: ChartSpec): ChartHandle => {
    checkChart(spec);
    const id = nextId++;
    let current: ChartSpec = { ...spec, series: spec.series.map((s) => ({ ...s })) };
    host.draw(id, current);
    return {
      update(changes) {
        current = { ...current, ...changes };
        checkChart(current);
        host.draw(id, current);
      },
    };
  };
  const readTextFile = async (file: string): Promise<string> => {
    const normalised = file.startsWith('/') ? file : `/${file}`;
    if (normalised in host.files) return host.files[normalised];
    const data = Object.keys(host.files).filter((p) => !/\.(ts|tsx|js)$/.test(p));
    throw new Error(`No file ${normalised} in this example; it has ${data.join(', ') || 'no data files'}`);
  };
  return {
    '/shared/plot.ts': { plot, describeChart, checkChart },
    '/shared/files.ts': { readTextFile },
  };
}
