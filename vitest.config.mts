import { defineConfig } from 'vitest/config';
import LongestFirst from './tests/sequencer.mjs';

// Three suites so contributors can run the fast ones often:
// unit (code/ algorithms and exercise tests), content (MDX and front matter), browser (built site in Chromium).
export default defineConfig({
  test: {
    // Long browser files first (tests/sequencer.mts).
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'code/**/*.test.ts'],
          environment: 'node',
          // The files share one module graph instead of each importing TensorFlow.js and the
          // docs plugin again: half the suite's time. A test that needs a backend sets it.
          isolate: false,
          // npm test runs these beside the build and the browser tests: a second on a quiet
          // machine can be ten on a busy one.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'content',
          include: ['tests/content/**/*.test.ts'],
          environment: 'node',
          isolate: false,
          // Some load the docs plugin or compile MDX: seconds on a busy machine, not milliseconds.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/global-setup.ts'],
          // Each file launches and closes its own Chromium; what they import (Playwright, the
          // harness, the content index) is loaded once per worker instead of once per file.
          isolate: false,
          testTimeout: 240_000,
          hookTimeout: 600_000,
          // The files are independent (each launches its own Chromium; one server for all): run
          // them side by side. Part of their time is Chromium waiting on pages and workers, so
          // more files than cores keeps both cores busy; more than 4 on two cores only made each
          // file slower (waits timed out). BROWSER_WORKERS overrides it.
          maxWorkers: Number(process.env.BROWSER_WORKERS ?? 4),
          // Run after the unit and content projects when they run in the same `vitest run`
          // (projects with different maxWorkers need their own group).
          sequence: { groupOrder: 1 },
          // expect.poll waits for the page, not a time limit (tests that assert a time measure it):
          // with the files side by side on two cores a page can take more than the default 1 s.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
