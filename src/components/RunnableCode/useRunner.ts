/**
 * The page side of the runner: owns the Web Worker, starts and stops runs, enforces the time
 * limit, and collects output, charts and test results for display.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChartSpec } from '@site/code/shared/plot';
import type { Files, FromWorker, ToWorker } from '@site/src/runner/protocol';
import type { Location } from '@site/src/runner/modules';
import type { TestResult } from '@site/src/runner/expect';

export type OutputLine = { level: 'log' | 'info' | 'warn' | 'error'; text: string; location?: Location };

/** Lines kept in the output; later lines are counted, not shown. */
const MAX_LINES = 400;

function createWorker(): Worker {
  return new Worker(new URL('../../runner/runner.worker.ts', import.meta.url), { name: 'ml-edge-runner' });
}

export function useRunner(timeLimitSeconds: number) {
  const worker = useRef<Worker | null>(null);
  const runId = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  const started = useRef(0);
  const [running, setRunning] = useState(false);
  const [output, setOutput] = useState<OutputLine[]>([]);
  const [hiddenLines, setHiddenLines] = useState(0);
  const [charts, setCharts] = useState<[number, ChartSpec][]>([]);
  const [tests, setTests] = useState<TestResult[] | null>(null);
  const [elapsed, setElapsed] = useState<number | null>(null);
  const warm = useRef<{ packages: string[]; files: Files } | null>(null);

  const append = useCallback((line: OutputLine) => {
    setOutput((lines) => {
      if (lines.length >= MAX_LINES) {
        setHiddenLines((n) => n + 1);
        return lines;
      }
      return [...lines, line];
    });
  }, []);

  const finish = useCallback((ms: number | null) => {
    window.clearTimeout(timer.current);
    setRunning(false);
    setElapsed(ms);
  }, []);

  const onMessage = useCallback(
    (event: MessageEvent<FromWorker>) => {
      const m = event.data;
      if (m.runId !== runId.current) return; // a message from a run that was stopped
      if (m.type === 'console') append({ level: m.level, text: m.text });
      else if (m.type === 'error') append({ level: 'error', text: m.message, location: m.location });
      else if (m.type === 'plot') {
        setCharts((current) => {
          const i = current.findIndex(([id]) => id === m.id);
          if (i < 0) return [...current, [m.id, m.spec]];
          const next = current.slice();
          next[i] = [m.id, m.spec];
          return next;
        });
      } else if (m.type === 'tests') setTests(m.results);
      else if (m.type === 'done') finish(performance.now() - started.current);
    },
    [append, finish],
  );

  const ensureWorker = useCallback((): Worker => {
    if (!worker.current) {
      worker.current = createWorker();
      worker.current.onmessage = onMessage;
      if (warm.current) worker.current.postMessage({ type: 'warm-up', ...warm.current } satisfies ToWorker);
    }
    return worker.current;
  }, [onMessage]);

  const kill = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);

  useEffect(() => () => {
    window.clearTimeout(timer.current);
    kill();
  }, [kill]);

  /** Start the worker early, transpile the files and load packages such as tfjs, so the first Run is fast. */
  const warmUp = useCallback(
    (packages: string[], files: Files) => {
      warm.current = { packages, files };
      ensureWorker();
    },
    [ensureWorker],
  );

  const start = useCallback(
    (message: Omit<Extract<ToWorker, { type: 'run' }>, 'runId'> | Omit<Extract<ToWorker, { type: 'test' }>, 'runId'>) => {
      runId.current += 1;
      setOutput([]);
      setHiddenLines(0);
      setCharts([]);
      setTests(null);
      setElapsed(null);
      setRunning(true);
      started.current = performance.now();
      ensureWorker().postMessage({ ...message, runId: runId.current } as ToWorker);
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => {
        kill();
        append({ level: 'error', text: `Stopped: the run took longer than its time limit of ${timeLimitSeconds} s. Look for a loop that never ends, or do less work.` });
        finish(null);
        runId.current += 1;
        ensureWorker();
      }, timeLimitSeconds * 1000);
    },
    [append, ensureWorker, finish, kill, timeLimitSeconds],
  );

  const run = useCallback((files: Files, entry: string) => start({ type: 'run', files, entry }), [start]);
  const runTests = useCallback((files: Files, testFile: string) => start({ type: 'test', files, testFile }), [start]);

  /** End the run at once: the worker is thrown away and a fresh one is made ready. */
  const stop = useCallback(() => {
    if (!running) return;
    kill();
    runId.current += 1;
    append({ level: 'info', text: 'Stopped.' });
    finish(null);
    ensureWorker();
  }, [append, ensureWorker, finish, kill, running]);

  const clear = useCallback(() => {
    setOutput([]);
    setHiddenLines(0);
    setCharts([]);
    setTests(null);
    setElapsed(null);
  }, []);

  return { running, output, hiddenLines, charts, tests, elapsed, run, runTests, stop, clear, warmUp };
}
