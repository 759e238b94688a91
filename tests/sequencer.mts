/**
 * The order vitest starts test files in. Its own order runs the files that took longest last
 * time first, but a fresh clone (CI) has no record of last time and it falls back to the
 * largest files first. On two cores the browser files share the machine, and a long file that
 * starts last is the run's tail: these start first, longest first (their times in the browser
 * suite, files side by side), then the rest in vitest's order.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const LONGEST_FIRST = [
  'tests/browser/routes.test.ts', // every route, with axe: ~80 s alone
  'tests/browser/runner.test.ts', // every embed and exercise: ~60 s
  'tests/browser/french.test.ts', // every French route: ~40 s
  'tests/browser/pdf.test.ts', // both PDFs: ~25 s
  'tests/browser/capstone.test.ts',
  'tests/browser/quiz.test.ts',
];

export default class LongestFirst extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const at = LONGEST_FIRST.findIndex((known) => file.moduleId.endsWith(known));
      return at === -1 ? LONGEST_FIRST.length : at;
    };
    // Array.prototype.sort is stable: the rest keep vitest's order.
    return sorted.sort((a, b) => (a.project.name === b.project.name ? rank(a) - rank(b) : 0));
  }
}
