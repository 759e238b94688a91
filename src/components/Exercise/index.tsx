/**
 * An exercise checked in the page:
 *
 *   <Exercise name="majority-vote" title="Count the votes">
 *   The task, in markdown. <Hint>…</Hint>
 *   </Exercise>
 *
 * `name` is the exercise's folder, code/exercises/<name>/, holding starter.ts (what the reader
 * edits), solution.ts and solution.test.ts (vitest style; it imports './solution'). The build
 * (src/plugins/remark-embeds.ts) passes the files as `sources`, with the solution only when the
 * course shows solutions. "Check my code" runs the tests against the reader's starter in the
 * page's runner (their './solution' import is answered by the starter) and lists each test's
 * result. CI runs the same tests against the solution, and against the starter through the
 * in-page test API (tests/unit/exercises.test.ts).
 */
import { translate } from '@docusaurus/Translate';
import React, { useCallback, useState, type ReactNode } from 'react';
import CodeBlock from '@theme/CodeBlock';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { useLocation } from '@docusaurus/router';
import type { Files } from '@site/src/runner/protocol';
import type { TestResult } from '@site/src/runner/expect';
import { recordExercisePassed } from '@site/src/progress/store';
import { withoutBaseUrl } from '@site/src/progress/practice';
import { EmbedShell, type Runner } from '../RunnableCode/Shell';
import styles from './styles.module.css';

type ExerciseProps = {
  /** The exercise's folder under code/exercises/. */
  name: string;
  title: string;
  /** Filled in by the build: the starter, the tests and the files they import. */
  sources?: Files;
  /** Filled in by the build when the course shows solutions. */
  solution?: string;
  timeLimit?: number;
  children?: ReactNode;
};

/** The paths an exercise's files have in the runner. */
function exercisePaths(name: string) {
  const base = `/exercises/${name}`;
  return { starter: `${base}/starter.ts`, solution: `${base}/solution.ts`, tests: `${base}/solution.test.ts` };
}

const allPass = (tests: TestResult[]) => tests.length > 0 && tests.every((t) => t.passed);

function checkStatus(runner: Runner): string {
  if (!runner.tests) return '';
  const passed = runner.tests.filter((t) => t.passed).length;
  if (allPass(runner.tests)) return translate({ id: 'exercise.status.allPass', message: 'All tests pass. Well done!' });
  return translate({ id: 'exercise.status.somePass', message: '{passed} of {total} tests pass' }, { passed, total: runner.tests.length });
}

export default function Exercise({ name, title, sources, solution, timeLimit = 10, children }: ExerciseProps) {
  const { siteConfig } = useDocusaurusContext();
  const showSolutions = siteConfig.customFields?.showSolutions !== false && solution !== undefined;
  const { pathname } = useLocation();
  const paths = exercisePaths(name);
  if (!sources || !(paths.starter in sources) || !(paths.tests in sources)) {
    throw new Error(`Exercise ${name}: no sources; pages get them from src/plugins/remark-embeds.ts at build time`);
  }
  const [solutionOpen, setSolutionOpen] = useState(false);
  // A pass is kept in this browser's progress (src/progress/store.ts): a tick in the sidebar, and /progress.
  const page = withoutBaseUrl(pathname, siteConfig.baseUrl);
  const onTests = useCallback(
    (tests: TestResult[]) => {
      if (allPass(tests)) recordExercisePassed({ id: name, title, page });
    },
    [name, title, page],
  );
  return (
    <section
      className={styles.exercise}
      aria-label={translate({ id: 'exercise.label', message: 'Exercise: {title}' }, { title })}
      data-exercise={name}
    >
      <h3 className={styles.title}>{translate({ id: 'exercise.label', message: 'Exercise: {title}' }, { title })}</h3>
      <div className={styles.task}>{children}</div>
      <EmbedShell
        sources={sources}
        tabs={[paths.starter]}
        storageKey={`ml-edge:edits:${pathname}:${paths.starter}`}
        // Edits saved before the reader's file was called starter.ts.
        legacyEdits={{ key: `ml-edge:edits:${pathname}:${paths.solution}`, paths: { [paths.solution]: paths.starter } }}
        action={{
          label: translate({ id: 'exercise.check', message: 'Check my code' }),
          start: (runner, files) => runner.runTests(files, paths.tests, { [paths.solution]: paths.starter }),
        }}
        status={checkStatus}
        onTests={onTests}
        timeLimit={timeLimit}
        resetQuestion={translate({
          id: 'exercise.resetQuestion',
          message: 'Reset this exercise to its starter code? Your changes will be lost.',
        })}
      />
      {showSolutions && (
        <div className={styles.solution} data-print="hide">
          <button type="button" className="button button--link" aria-expanded={solutionOpen} onClick={() => setSolutionOpen((o) => !o)}>
            {solutionOpen
              ? translate({ id: 'exercise.solution.hide', message: 'Hide the solution' })
              : translate({ id: 'exercise.solution.show', message: 'Show the solution' })}
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
