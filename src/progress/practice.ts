/**
 * What the student has done of what the course holds: the build-time list of exercises and
 * quizzes (src/plugins/course-progress.ts) read against this browser's progress (./store.ts).
 * Pure functions; the hooks that read them into the theme are in ./hooks.ts.
 */
import { inLanguageOrEnglish } from '../i18n/language';
import type { CourseProgressData, PracticeItem, PracticeSection } from '../plugins/course-progress';
import type { Progress } from './store';

export type Completion = { done: number; total: number };

export function isDone(item: PracticeItem, progress: Progress): boolean {
  return item.kind === 'exercise' ? item.id in progress.exercises : item.id in progress.quizzes;
}

export function completion(items: PracticeItem[], progress: Progress): Completion {
  return { done: items.filter((item) => isDone(item, progress)).length, total: items.length };
}

/** 'done' when every item is done, 'partial' when some are, undefined when none (or nothing to do). */
export function completionState({ done, total }: Completion): 'done' | 'partial' | undefined {
  if (total === 0 || done === 0) return undefined;
  return done === total ? 'done' : 'partial';
}

const WORDS = {
  en: {
    done: 'done',
    allDone: (total: number) => `all ${total} done`,
    someDone: (done: number, total: number) => `${done} of ${total} done`,
    exercises: (n: number) => `${n} exercise${n === 1 ? '' : 's'}`,
    quizzes: (n: number) => `${n} quiz${n === 1 ? '' : 'zes'}`,
    section: 'section: ',
  },
  fr: {
    done: 'fait',
    allDone: (total: number) => `les ${total} faits`,
    someDone: (done: number, total: number) => `${done} sur ${total} faits`,
    exercises: (n: number) => `${n} exercice${n === 1 ? '' : 's'}`,
    quizzes: (n: number) => `${n} questionnaire${n === 1 ? '' : 's'}`,
    section: 'section\u00a0: ',
  },
};

/** The words of a page's language ("fr", "fr-CA": French; anything else: English). */
export const practiceWords = (locale = 'en') => inLanguageOrEnglish<(typeof WORDS)['en']>(WORDS, locale);

/** "all 3 done", "2 of 3 done": the words a screen reader hears for a tick. */
export function completionText({ done, total }: Completion, locale = 'en'): string {
  const w = practiceWords(locale);
  if (done === total) return total === 1 ? w.done : w.allDone(total);
  return w.someDone(done, total);
}

/** "2 exercises, 1 quiz". */
export function itemCounts(items: PracticeItem[], locale = 'en'): string {
  const w = practiceWords(locale);
  const exercises = items.filter((i) => i.kind === 'exercise').length;
  const quizzes = items.length - exercises;
  const words = [exercises > 0 && w.exercises(exercises), quizzes > 0 && w.quizzes(quizzes)].filter(Boolean);
  return words.join(', ');
}

/** The page's route without the site's base URL: '/ml/lessons/x' → '/lessons/x' for baseUrl '/ml/'. */
export function withoutBaseUrl(pathname: string, baseUrl: string): string {
  if (baseUrl === '/' || !pathname.startsWith(baseUrl)) return pathname;
  return `/${pathname.slice(baseUrl.length)}`;
}

/** Permalinks compare without a trailing slash ('/lessons/training/' is '/lessons/training'). */
export const permalinkKey = (to: string) => (to.length > 1 ? to.replace(/\/+$/, '') : to);

export type PracticeIndex = {
  sections: PracticeSection[];
  /** A page's items by its permalink. */
  pages: Map<string, PracticeItem[]>;
  /** A section's items (all its pages) by the section's permalink. */
  sectionItems: Map<string, PracticeItem[]>;
};

export function indexPractice(data: CourseProgressData): PracticeIndex {
  const pages = new Map<string, PracticeItem[]>();
  const sectionItems = new Map<string, PracticeItem[]>();
  for (const section of data.sections) {
    for (const page of section.pages) pages.set(permalinkKey(page.to), page.items);
    sectionItems.set(
      permalinkKey(section.to),
      section.pages.flatMap((p) => p.items),
    );
  }
  return { sections: data.sections, pages, sectionItems };
}
