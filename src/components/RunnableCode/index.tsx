/**
 * Code the reader edits and runs in the page (see CONTRIBUTING.md, "Runnable code").
 *
 * - The static page shows the code highlighted. As the embed nears the viewport, the editor's
 *   bundle loads and the runner's worker starts (and transpiles the files), so the first Run is
 *   quick; Sandpack's editor replaces the highlighted code when the reader clicks or tabs into it.
 * - Run (or Ctrl/⌘+Enter) executes the files in a Web Worker (src/runner/runner.worker.ts);
 *   Stop ends a run at once; a run past its time limit is stopped with a message.
 * - Edits are saved in this browser per page and embed; Reset restores the original files.
 */
import React, { Suspense, lazy, useCallback, useEffect, useId, useState } from 'react';
import clsx from 'clsx';
import { useLocation } from '@docusaurus/router';
import type { ChartSpec } from '@site/code/shared/plot';
import type { Files } from '@site/src/runner/protocol';
import type { TestResult } from '@site/src/runner/expect';
import { formatDuration } from '@site/code/shared/time';
import { useRunner, type OutputLine } from './useRunner';
import { CodeArea, useNearViewport } from './CodeArea';
import styles from './styles.module.css';

const Chart = lazy(() => import('@site/src/components/Chart'));

export type RunnableCodeProps = {
  /** The embed's files by path under code/, e.g. { '/knn/knn.ts': knn } (raw imports). */
  files: Files;
  /** The file that runs, e.g. '/knn/demo-iris.ts'. */
  entry: string;
  /** Seconds before a run is stopped (default 10). */
  timeLimit?: number;
  /** A heading for the embed. */
  title?: string;
  /** The tab shown first (default: the entry). */
  activeFile?: string;
};

export const isCode = (path: string) => /\.(ts|tsx|js)$/.test(path);
const label = (path: string) => path.split('/').pop()!;

function checkFiles(files: Files, entry: string): void {
  for (const [path, text] of Object.entries(files)) {
    // A failed `?raw` import arrives as undefined: fail the build here, naming the file.
    if (typeof text !== 'string') throw new Error(`RunnableCode: file ${path} is not text (${typeof text}); check its "?raw" import`);
  }
  if (!(entry in files)) throw new Error(`RunnableCode: entry ${entry} is not one of the files: ${Object.keys(files).join(', ')}`);
}

/** Saved edits: only the files that differ from the originals. */
export function useSavedEdits(key: string, originals: Files) {
  const [files, setFiles] = useState<Files>(originals);
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    try {
      const saved = JSON.parse(window.localStorage.getItem(key) ?? 'null') as Files | null;
      if (saved) setFiles({ ...originals, ...Object.fromEntries(Object.entries(saved).filter(([p]) => p in originals)) });
    } catch {
      // Unreadable storage (private mode, quota): start from the originals.
    }
    setRestored(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const update = useCallback(
    (path: string, code: string) => {
      setFiles((current) => {
        const next = { ...current, [path]: code };
        const changed = Object.fromEntries(Object.entries(next).filter(([p, c]) => c !== originals[p]));
        try {
          if (Object.keys(changed).length) window.localStorage.setItem(key, JSON.stringify(changed));
          else window.localStorage.removeItem(key);
        } catch {
          // Storage full or blocked: the edit still applies in this page.
        }
        return next;
      });
    },
    [key, originals],
  );
  const reset = useCallback(() => {
    try {
      window.localStorage.removeItem(key);
    } catch {
      // nothing saved
    }
    setFiles(originals);
  }, [key, originals]);
  const edited = Object.entries(files).some(([p, c]) => c !== originals[p]);
  return { files, update, reset, edited, restored };
}

export default function RunnableCode({ files: originals, entry, timeLimit = 10, title, activeFile }: RunnableCodeProps) {
  checkFiles(originals, entry);
  const { pathname } = useLocation();
  const storageKey = `ml-edge:edits:${pathname}:${entry}`;
  const { files, update, reset, edited, restored } = useSavedEdits(storageKey, originals);
  const visible = Object.keys(originals).filter(isCode);
  const [active, setActive] = useState(activeFile ?? entry);
  const [editorVersion, setEditorVersion] = useState(0);
  const [root, near] = useNearViewport<HTMLDivElement>();
  const outputId = useId();
  const runner = useRunner(timeLimit);

  // Start the worker (and transpile the files) as the embed nears the viewport.
  useEffect(() => {
    if (near) runner.warmUp(Object.values(files).some((code) => code.includes('@tensorflow/tfjs')) ? ['@tensorflow/tfjs'] : [], files);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [near]);

  const run = () => runner.run(files, entry);
  const onKeyDown = (event: React.KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      run();
    }
  };
  const onReset = () => {
    if (window.confirm('Reset this example? Your changes to its files will be lost.')) {
      reset();
      setEditorVersion((v) => v + 1);
    }
  };

  return (
    <div
      ref={root}
      className={styles.embed}
      data-runnable-entry={entry}
      data-state={runner.running ? 'running' : 'idle'}
      onKeyDown={onKeyDown}
    >
      <div className={styles.header}>
        <span className={styles.title}>{title ?? label(entry)}</span>
        {edited && <span className={styles.badge}>edited</span>}
        <span className={styles.hint} id={`${outputId}-hint`}>
          Click the code to edit it. Ctrl/⌘ + Enter runs. In the editor, Esc then Tab moves on.
        </span>
      </div>
      <CodeArea files={files} visible={visible} active={active} onActive={setActive} onChange={update} ready={near && restored} version={editorVersion} />
      <div className={styles.toolbar}>
        <button type="button" className={clsx('button button--primary', styles.button)} onClick={run} disabled={runner.running} aria-describedby={`${outputId}-hint`}>
          Run
        </button>
        <button type="button" className={clsx('button button--secondary', styles.button)} onClick={runner.stop} disabled={!runner.running}>
          Stop
        </button>
        <button type="button" className={clsx('button button--secondary', styles.button)} onClick={onReset} disabled={!edited}>
          Reset
        </button>
        <button type="button" className={clsx('button button--secondary', styles.button)} onClick={runner.clear} disabled={runner.output.length === 0 && runner.charts.length === 0}>
          Clear
        </button>
        <span className={styles.status} aria-live="polite">
          {runner.running ? 'Running…' : runner.elapsed !== null ? `Finished in ${formatDuration(runner.elapsed)}` : ''}
        </span>
      </div>
      <Output lines={runner.output} hidden={runner.hiddenLines} charts={runner.charts} tests={runner.tests} id={outputId} />
    </div>
  );
}

export function Output({ lines, hidden, charts, tests, id }: { lines: OutputLine[]; hidden: number; charts: [number, ChartSpec][]; tests: TestResult[] | null; id: string }) {
  return (
    <div className={styles.output} role="log" aria-label="Output" id={id} tabIndex={lines.length ? 0 : -1}>
      {lines.length === 0 && charts.length === 0 && !tests && <span className={styles.placeholder}>Output appears here when you press Run.</span>}
      {lines.map((line, i) => (
        <pre key={i} className={clsx(styles.line, styles[line.level])}>
          {line.location && <span className={styles.location}>{`${line.location.file}:${line.location.line}${line.location.column ? `:${line.location.column}` : ''} `}</span>}
          {line.text}
        </pre>
      ))}
      {hidden > 0 && <pre className={clsx(styles.line, styles.info)}>{`… ${hidden} more lines`}</pre>}
      {tests && (
        <ul className={styles.tests} aria-label="Test results">
          {tests.map((t) => (
            <li key={t.name} className={t.passed ? styles.pass : styles.fail}>
              <span aria-hidden="true">{t.passed ? '✓' : '✗'}</span> {t.name}
              <span className="sr-only">{t.passed ? ' passed' : ' failed'}</span>
              {t.error && <pre className={styles.testError}>{t.error}</pre>}
            </li>
          ))}
        </ul>
      )}
      {/* No Suspense boundary in the server HTML: one that is still dehydrated when a run
          updates the output makes React throw away the markup (error #421). */}
      {charts.length > 0 && (
        <Suspense fallback={null}>
          {charts.map(([chartId, spec]) => (
            <Chart key={chartId} spec={spec} />
          ))}
        </Suspense>
      )}
    </div>
  );
}

