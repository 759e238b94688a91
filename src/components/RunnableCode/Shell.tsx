/**
 * The one shell every code embed shares (RunnableCode and Exercise): header, the code (highlighted,
 * then Sandpack's editor), the toolbar (the main action, Stop, Reset, Clear), Ctrl/⌘ + Enter,
 * the run's status and its output. The reader's edits are saved in this browser per page and
 * embed, and Reset restores the originals.
 *
 * The embed's kind only decides its main action (Run, or Check my code) and the status it reports.
 */
import { translate } from '@docusaurus/Translate';
import React, { Suspense, lazy, useCallback, useEffect, useId, useState } from 'react';
import clsx from 'clsx';
import type { ChartSpec } from '@site/code/shared/plot';
import { formatDuration } from '@site/code/shared/time';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { localDecimals } from '@site/src/i18n/numbers';
import type { Files } from '@site/src/runner/protocol';
import type { TestResult } from '@site/src/runner/expect';
import { useRunner, type OutputLine } from './useRunner';
import { CodeArea, useNearViewport } from './CodeArea';
import styles from './styles.module.css';

const Chart = lazy(() => import('@site/src/components/Chart'));

export const isCode = (path: string) => /\.(ts|tsx|js)$/.test(path);
export const fileLabel = (path: string) => path.split('/').pop()!;

export type Runner = ReturnType<typeof useRunner>;

/** Edits saved under an older key (before a file was renamed), read once and moved. */
export type LegacyEdits = { key: string; paths: Record<string, string> };

function readSaved(key: string, legacy?: LegacyEdits): Files | null {
  const saved = JSON.parse(window.localStorage.getItem(key) ?? 'null') as Files | null;
  if (saved || !legacy) return saved;
  const old = JSON.parse(window.localStorage.getItem(legacy.key) ?? 'null') as Files | null;
  if (!old) return null;
  const moved = Object.fromEntries(Object.entries(old).map(([p, code]) => [legacy.paths[p] ?? p, code]));
  window.localStorage.setItem(key, JSON.stringify(moved));
  window.localStorage.removeItem(legacy.key);
  return moved;
}

/** Saved edits: only the files that differ from the originals. */
export function useSavedEdits(key: string, originals: Files, legacy?: LegacyEdits) {
  const [files, setFiles] = useState<Files>(originals);
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    try {
      const saved = readSaved(key, legacy);
      // Storage exists only in the browser, after hydration: an effect is where it can be read.
      // eslint-disable-next-line react-hooks/set-state-in-effect -- one restore per embed, after hydration
      if (saved) setFiles({ ...originals, ...Object.fromEntries(Object.entries(saved).filter(([p]) => p in originals)) });
    } catch {
      // Unreadable storage (private mode, quota): start from the originals.
    }
    setRestored(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- restore once per embed; `originals` is new on every render
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

export type EmbedShellProps = {
  /** Every file the embed needs, by path under code/ ('/knn/knn.ts'), as the build gave them. */
  sources: Files;
  /** The files shown as tabs, in order (the first is shown first unless `initialTab` says otherwise). */
  tabs: string[];
  initialTab?: string;
  /** The header's title (default: the first tab's file name). */
  title?: string;
  /** Where the reader's edits are kept in this browser. */
  storageKey: string;
  legacyEdits?: LegacyEdits;
  /** The main button: its label, and what it starts (on the runner, with the reader's files). */
  action: { label: string; start: (runner: Runner, files: Files) => void };
  /** Status line after a run (default: "Finished in …"). */
  status?: (runner: Runner) => string;
  /** Called with the test results each time a test run finishes. */
  onTests?: (tests: TestResult[]) => void;
  timeLimit: number;
  resetQuestion: string;
  /** Attributes for the embed's root, e.g. data-runnable-entry. */
  rootAttributes?: Record<string, string>;
};

export function EmbedShell(props: EmbedShellProps) {
  const { sources, tabs, storageKey, legacyEdits, action, timeLimit, resetQuestion, rootAttributes } = props;
  const { files, update, reset, edited, restored } = useSavedEdits(storageKey, sources, legacyEdits);
  const [active, setActive] = useState(props.initialTab ?? tabs[0]);
  const [editorVersion, setEditorVersion] = useState(0);
  const [root, near] = useNearViewport<HTMLDivElement>();
  const outputId = useId();
  const runner = useRunner(timeLimit);

  // Transpile the files (and load tfjs if the code uses it) as the embed nears the viewport.
  useEffect(() => {
    if (!near) return;
    const packages = Object.values(files).some((code) => code.includes('@tensorflow/tfjs')) ? ['@tensorflow/tfjs'] : [];
    runner.warmUp(packages, files);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the embed comes near; later edits are transpiled when they run
  }, [near]);

  const { onTests } = props;
  useEffect(() => {
    if (runner.tests && !runner.running) onTests?.(runner.tests);
  }, [runner.tests, runner.running, onTests]);

  const start = () => action.start(runner, files);
  const onKeyDown = (event: React.KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      start();
    }
  };
  const onReset = () => {
    if (window.confirm(resetQuestion)) {
      reset();
      setEditorVersion((v) => v + 1);
    }
  };
  const { i18n } = useDocusaurusContext();
  const lang = i18n.localeConfigs[i18n.currentLocale]?.htmlLang ?? i18n.currentLocale;
  const status = runner.waiting
    ? translate({ id: 'embed.status.waiting', message: 'Waiting for another example to finish…' })
    : runner.running
      ? translate({ id: 'embed.status.running', message: 'Running…' })
      : props.status
        ? props.status(runner)
        : runner.elapsed !== null
          ? translate(
              { id: 'embed.status.finished', message: 'Finished in {time}' },
              { time: localDecimals(formatDuration(runner.elapsed), lang) },
            )
          : '';

  return (
    // Ctrl/⌘ + Enter bubbles up from the editor and the buttons inside; the box itself is not a control.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions -- see above
    <div ref={root} className={styles.embed} data-state={runner.running ? 'running' : 'idle'} onKeyDown={onKeyDown} {...rootAttributes}>
      <div className={styles.header}>
        <span className={styles.title}>{props.title ?? fileLabel(tabs[0])}</span>
        {edited && <span className={styles.badge}>{translate({ id: 'embed.edited', message: 'edited' })}</span>}
        <span className={styles.hint} id={`${outputId}-hint`} data-print="hide">
          {translate({
            id: 'embed.hint',
            message: 'Click the code to edit it. Ctrl/⌘ + Enter runs. In the editor, Esc then Tab moves on.',
          })}
        </span>
      </div>
      <CodeArea
        files={files}
        visible={tabs}
        active={active}
        onActive={setActive}
        onChange={update}
        ready={near && restored}
        version={editorVersion}
      />
      <div className={styles.toolbar} data-print="hide">
        <button
          type="button"
          className={clsx('button button--primary', styles.button)}
          onClick={start}
          disabled={runner.running}
          aria-describedby={`${outputId}-hint`}
        >
          {action.label}
        </button>
        <button type="button" className={clsx('button button--secondary', styles.button)} onClick={runner.stop} disabled={!runner.running}>
          {translate({ id: 'embed.stop', message: 'Stop' })}
        </button>
        <button type="button" className={clsx('button button--secondary', styles.button)} onClick={onReset} disabled={!edited}>
          {translate({ id: 'embed.reset', message: 'Reset' })}
        </button>
        <button
          type="button"
          className={clsx('button button--secondary', styles.button)}
          onClick={runner.clear}
          disabled={runner.running || (runner.output.length === 0 && runner.charts.length === 0 && !runner.tests)}
        >
          {translate({ id: 'embed.clear', message: 'Clear' })}
        </button>
        <span className={styles.status} aria-live="polite">
          {status}
        </span>
      </div>
      <Output lines={runner.output} hidden={runner.hiddenLines} charts={runner.charts} tests={runner.tests} id={outputId} />
    </div>
  );
}

export function Output({
  lines,
  hidden,
  charts,
  tests,
  id,
}: {
  lines: OutputLine[];
  hidden: number;
  charts: [number, ChartSpec][];
  tests: TestResult[] | null;
  id: string;
}) {
  const empty = lines.length === 0 && charts.length === 0 && !tests;
  return (
    // A scrolling region must be reachable with the keyboard (axe: scrollable-region-focusable).
    // On paper, the output is printed once the reader has run the code.
    <div
      className={styles.output}
      role="log"
      aria-label={translate({ id: 'embed.output', message: 'Output' })}
      id={id}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- see above
      tabIndex={lines.length ? 0 : -1}
      data-print={empty ? 'hide' : undefined}
    >
      {empty && (
        <span className={styles.placeholder}>
          {translate({ id: 'embed.output.placeholder', message: 'Output appears here when you press Run.' })}
        </span>
      )}
      {lines.map((line, i) => (
        <pre key={i} className={clsx(styles.line, styles[line.level])}>
          {line.location && (
            <span
              className={styles.location}
            >{`${line.location.file}:${line.location.line}${line.location.column ? `:${line.location.column}` : ''} `}</span>
          )}
          {line.text}
        </pre>
      ))}
      {hidden > 0 && (
        <pre className={clsx(styles.line, styles.info)}>
          {translate({ id: 'embed.output.moreLines', message: '… {count} more lines' }, { count: hidden })}
        </pre>
      )}
      {tests && (
        <ul className={styles.tests} aria-label={translate({ id: 'embed.tests', message: 'Test results' })}>
          {tests.map((t) => (
            <li key={t.name} className={t.passed ? styles.pass : styles.fail}>
              <span aria-hidden="true">{t.passed ? '✓' : '✗'}</span> {t.name}
              <span className="sr-only">
                {t.passed
                  ? translate({ id: 'embed.test.passed', message: ' passed' })
                  : translate({ id: 'embed.test.failed', message: ' failed' })}
              </span>
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
