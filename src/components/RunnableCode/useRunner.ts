/**
 * One embed's side of the runner: starts and stops its runs on the page's worker pool
 * (./pool.ts), enforces the time limit, and collects output, charts and test results for display.
 */
import { translate } from '@docusaurus/Translate';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChartSpec } from '@site/code/shared/plot';
import type { Files, FromWorker } from '@site/src/runner/protocol';
import { getPool, type RunRequest } from './pool';
import type { Location } from '@site/src/runner/modules';
import type { TestResult } from '@site/src/runner/expect';

export type OutputLine = { level: 'log' | 'info' | 'warn' | 'error'; text: string; location?: Location };

/** Lines kept in the output; later lines are counted, not shown. */
const MAX_LINES = 400;

export function useRunner(timeLimitSeconds: number) {
  const runId = useRef<number | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const started = useRef(0);
  const [running, setRunning] = useState(false);
  const [waiting, setWaiting] = useState(false);
  const [output, setOutput] = useState<OutputLine[]>([]);
  const [hiddenLines, setHiddenLines] = useState(0);
  const [charts, setCharts] = useState<[number, ChartSpec][]>([]);
  const [tests, setTests] = useState<TestResult[] | null>(null);
  const [elapsed, setElapsed] = useState<number | null>(null);

  useEffect(() => {
    const pool = getPool();
    pool.retain();
    return () => {
      window.clearTimeout(timer.current);
      if (runId.current !== null) pool.stop(runId.current);
      pool.release();
    };
  }, []);

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
    runId.current = null;
    setRunning(false);
    setWaiting(false);
    setElapsed(ms);
  }, []);

  const onMessage = useCallback(
    (m: FromWorker) => {
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

  /** Transpile the files and load packages such as tfjs early, so the first Run is fast. */
  const warmUp = useCallback((packages: string[], files: Files) => getPool().warmUp(packages, files), []);

  const start = useCallback(
    (request: RunRequest) => {
      const pool = getPool();
      if (runId.current !== null) pool.stop(runId.current);
      setOutput([]);
      setHiddenLines(0);
      setCharts([]);
      setTests(null);
      setElapsed(null);
      setRunning(true);
      window.clearTimeout(timer.current);
      // The clock (and the time limit) start when a worker takes the run, not while it waits.
      const onStart = () => {
        setWaiting(false);
        started.current = performance.now();
        timer.current = window.setTimeout(() => {
          if (runId.current !== null) pool.stop(runId.current);
          append({
            level: 'error',
            text: translate(
              {
                id: 'embed.timeLimit',
                message:
                  'Stopped: the run took longer than its time limit of {seconds} s. Look for a loop that never ends, or do less work.',
              },
              { seconds: timeLimitSeconds },
            ),
          });
          finish(null);
        }, timeLimitSeconds * 1000);
      };
      // onStart runs at once when a worker is free; otherwise the run waits for one.
      runId.current = pool.run(request, onMessage, onStart);
      setWaiting(pool.isWaiting(runId.current));
    },
    [append, finish, onMessage, timeLimitSeconds],
  );

  const run = useCallback((files: Files, entry: string) => start({ type: 'run', files, entry }), [start]);
  const runTests = useCallback(
    (files: Files, testFile: string, aliases?: Record<string, string>) => start({ type: 'test', files, testFile, aliases }),
    [start],
  );

  /** End the run at once: its worker is thrown away and a fresh one is made ready. */
  const stop = useCallback(() => {
    if (runId.current === null) return;
    getPool().stop(runId.current);
    append({ level: 'info', text: translate({ id: 'embed.stopped', message: 'Stopped.' }) });
    finish(null);
  }, [append, finish]);

  const clear = useCallback(() => {
    setOutput([]);
    setHiddenLines(0);
    setCharts([]);
    setTests(null);
    setElapsed(null);
  }, []);

  return { running, waiting, output, hiddenLines, charts, tests, elapsed, run, runTests, stop, clear, warmUp };
}
