/**
 * An exercise checked in the page: the task (children, with an optional <Hint>), a starter file
 * the reader edits, "Check my code" runs the exercise's tests (vitest style) against it in the
 * runner's worker and lists each test's result, and a solution behind a toggle (hidden when the
 * course config sets showSolutions: false). CI runs the same test file against the solution.
 *
 *   import starter from '@site/code/exercises/majority-vote/starter.ts?raw';
 *   import solution from '@site/code/exercises/majority-vote/solution.ts?raw';
 *   import tests from '@site/code/exercises/majority-vote/solution.test.ts?raw';
 *   <Exercise name="majority-vote" title="…" starter={starter} solution={solution} tests={tests}>…</Exercise>
 */
import React, { useEffect, useState, type ReactNode } from 'react';
import clsx from 'clsx';
import CodeBlock from '@theme/CodeBlock';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { useLocation } from '@docusaurus/router';
import type { Files } from '@site/src/runner/protocol';
import { Output, useSavedEdits } from '../RunnableCode';
import { CodeArea, useNearViewport } from '../RunnableCode/CodeArea';
import { useRunner } from '../RunnableCode/useRunner';
import embedStyles from '../RunnableCode/styles.module.css';
import styles from './styles.module.css';

type ExerciseProps = {
  /** The exercise's folder under code/exercises/. */
  name: string;
  title: string;
  starter: string;
  solution: string;
  /** The test file; it imports the reader's code from './solution'. */
  tests: string;
  /** Other files the code may import, by path under code/ (e.g. { '/knn/knn.ts': knn }). */
  support?: Files;
  timeLimit?: number;
  children?: ReactNode;
};

export default function Exercise({ name, title, starter, solution, tests, support = {}, timeLimit = 10, children }: ExerciseProps) {
  for (const [what, text] of Object.entries({ starter, solution, tests })) {
    if (typeof text !== 'string') throw new Error(`Exercise ${name}: ${what} is not text; check its "?raw" import`);
  }
  const { siteConfig } = useDocusaurusContext();
  const showSolutions = siteConfig.customFields?.showSolutions !== false;
  const { pathname } = useLocation();
  const base = `/exercises/${name}`;
  const file = `${base}/solution.ts`;
  const originals = { [file]: starter };
  const { files, update, reset, edited, restored } = useSavedEdits(`ml-edge:edits:${pathname}:${file}`, originals);
  const [solutionOpen, setSolutionOpen] = useState(false);
  const [editorVersion, setEditorVersion] = useState(0);
  const [root, near] = useNearViewport<HTMLElement>();
  const runner = useRunner(timeLimit);

  useEffect(() => {
    if (near) runner.warmUp([], { ...support, ...files, [`${base}/solution.test.ts`]: tests });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [near]);

  const check = () => runner.runTests({ ...support, ...files, [`${base}/solution.test.ts`]: tests }, `${base}/solution.test.ts`);
  const passed = runner.tests && !runner.running && runner.tests.length > 0 && runner.tests.every((t) => t.passed);

  return (
    <section ref={root} className={styles.exercise} aria-label={`Exercise: ${title}`} data-exercise={name}>
      <h3 className={styles.title}>Exercise: {title}</h3>
      <div className={styles.task}>{children}</div>
      <div
        className={embedStyles.embed}
        onKeyDown={(event) => {
          if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
            event.preventDefault();
            check();
          }
        }}
      >
        <div className={embedStyles.header}>
          <span className={embedStyles.title}>solution.ts</span>
          {edited && <span className={embedStyles.badge}>edited</span>}
        </div>
        <CodeArea files={files} visible={[file]} active={file} onActive={() => undefined} onChange={update} ready={near && restored} version={editorVersion} />
        <div className={embedStyles.toolbar}>
          <button type="button" className={clsx('button button--primary', embedStyles.button)} onClick={check} disabled={runner.running}>
            Check my code
          </button>
          <button type="button" className={clsx('button button--secondary', embedStyles.button)} onClick={runner.stop} disabled={!runner.running}>
            Stop
          </button>
          <button
            type="button"
            className={clsx('button button--secondary', embedStyles.button)}
            disabled={!edited}
            onClick={() => {
              if (window.confirm('Reset this exercise to its starter code? Your changes will be lost.')) {
                reset();
                setEditorVersion((v) => v + 1);
              }
            }}
          >
            Reset
          </button>
          <span className={embedStyles.status} aria-live="polite">
            {runner.running ? 'Checking…' : passed ? 'All tests pass. Well done!' : runner.tests ? `${runner.tests.filter((t) => t.passed).length} of ${runner.tests.length} tests pass` : ''}
          </span>
        </div>
        <Output lines={runner.output} hidden={runner.hiddenLines} charts={runner.charts} tests={runner.tests} id={`exercise-${name}-output`} />
      </div>
      {showSolutions && (
        <div className={styles.solution}>
          <button type="button" className="button button--link" aria-expanded={solutionOpen} onClick={() => setSolutionOpen((o) => !o)}>
            {solutionOpen ? 'Hide the solution' : 'Show the solution'}
          </button>
          {solutionOpen && (
            <CodeBlock language="ts" title="solution.ts">
              {solution}
            </CodeBlock>
          )}
        </div>
      )}
    </section>
  );
}
