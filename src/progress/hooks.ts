/** The hooks that read the course's practice (global data) against this browser's progress. */
import { useMemo } from 'react';
import { usePluginData } from '@docusaurus/useGlobalData';
import type { CourseProgressData, PracticeItem } from '@site/src/plugins/course-progress';
import { useProgress } from './store';
import { completion, indexPractice, permalinkKey, type Completion, type PracticeIndex } from './practice';

const indexes = new WeakMap<CourseProgressData, PracticeIndex>();

/** The course's exercises and quizzes, by section and page (global data, the same object on every page). */
export function usePractice(): PracticeIndex {
  const data = usePluginData('course-progress') as CourseProgressData;
  return useMemo(() => {
    let index = indexes.get(data);
    if (!index) {
      index = indexPractice(data);
      indexes.set(data, index);
    }
    return index;
  }, [data]);
}

/**
 * The items of a page (or of a whole section) and how many are done. During server rendering
 * and hydration the progress is empty, so nothing is done.
 */
export function useCompletion(to: string | undefined, scope: 'page' | 'section'): { items: PracticeItem[]; completion: Completion } {
  const index = usePractice();
  const progress = useProgress();
  const items = (to !== undefined && (scope === 'page' ? index.pages : index.sectionItems).get(permalinkKey(to))) || [];
  return { items, completion: completion(items, progress) };
}
