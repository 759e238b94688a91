/**
 * What a student has done, kept in this browser only (localStorage): the exercises they passed
 * and the quizzes they completed, with their score. Nothing is sent anywhere.
 *
 * Components record results (`recordExercisePassed`, `recordQuizResult`); the sidebar ticks and
 * the "My progress" page read them (`useProgress`). A report round-trips through
 * `exportProgress` / `importProgress`, so a student can move it to another browser or hand it in.
 */
import { inLanguageOrEnglish } from '../i18n/language';
import { useSyncExternalStore } from 'react';

export const STORAGE_KEY = 'ml-edge:progress:v1';
/** Written into every export; `importProgress` refuses files from another format. */
export const FORMAT = 'ml-on-the-edge-progress';
export const FORMAT_VERSION = 1;

export type ExerciseRecord = {
  /** The exercise's folder name under code/exercises/. */
  id: string;
  title: string;
  /** The route of the page the exercise is on, without the site's base URL. */
  page: string;
  /** ISO 8601 time of the first pass. */
  passedAt: string;
};

export type QuizRecord = {
  /** The quiz's `id`, unique across the course. */
  id: string;
  title: string;
  page: string;
  /** Questions answered right at the first attempt that completed the quiz, and the best since. */
  score: number;
  best: number;
  total: number;
  completedAt: string;
};

export type Progress = {
  exercises: Record<string, ExerciseRecord>;
  quizzes: Record<string, QuizRecord>;
};

export type ProgressFile = Progress & {
  format: typeof FORMAT;
  version: number;
  exportedAt: string;
  /** The name the student typed on the progress page, if any (for a teacher's records). */
  student?: string;
};

const EMPTY: Progress = Object.freeze({ exercises: Object.freeze({}), quizzes: Object.freeze({}) }) as Progress;

const listeners = new Set<() => void>();
let cache: { raw: string | null; value: Progress } | undefined;

function storage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined; // Storage disabled (some private modes): progress is then not kept.
  }
}

/** The stored progress; a missing or unreadable entry reads as empty. Same object until it changes. */
export function readProgress(): Progress {
  const raw = storage()?.getItem(STORAGE_KEY) ?? null;
  if (cache && cache.raw === raw) return cache.value;
  let value = EMPTY;
  if (raw) {
    try {
      value = validate(JSON.parse(raw));
    } catch {
      value = EMPTY;
    }
  }
  cache = { raw, value };
  return value;
}

/** Saves the progress; false when this browser keeps nothing (storage turned off or full). */
function write(progress: Progress): boolean {
  const store = storage();
  if (!store) return false;
  const raw = JSON.stringify(progress);
  try {
    store.setItem(STORAGE_KEY, raw);
  } catch {
    return false; // Quota exceeded, or storage refused: a pass is then not kept, and the page goes on.
  }
  cache = { raw, value: progress };
  listeners.forEach((l) => l());
  return true;
}

export function recordExercisePassed(record: { id: string; title: string; page: string }, now = new Date()): void {
  const progress = readProgress();
  if (progress.exercises[record.id]) return; // The first pass is what counts.
  write({
    ...progress,
    exercises: { ...progress.exercises, [record.id]: { ...record, passedAt: now.toISOString() } },
  });
}

export function recordQuizResult(
  record: { id: string; title: string; page: string; score: number; total: number },
  now = new Date(),
): void {
  const progress = readProgress();
  const previous = progress.quizzes[record.id];
  const entry: QuizRecord = previous
    ? { ...previous, title: record.title, page: record.page, total: record.total, best: Math.max(previous.best, record.score) }
    : { ...record, best: record.score, completedAt: now.toISOString() };
  write({ ...progress, quizzes: { ...progress.quizzes, [record.id]: entry } });
}

export function clearProgress(): void {
  storage()?.removeItem(STORAGE_KEY);
  cache = undefined;
  listeners.forEach((l) => l());
}

export function exportProgress(now = new Date()): ProgressFile {
  const student = readStudentName();
  return { format: FORMAT, version: FORMAT_VERSION, exportedAt: now.toISOString(), ...(student && { student }), ...readProgress() };
}

/** The reader's words for a refused import, by the page's language (no Docusaurus here: unit tests run it under Node). */
const IMPORT_WORDS = {
  en: {
    notJson: (detail: string) => `This file is not a progress file (it is not JSON: ${detail}).`,
    notProgress: 'This file is not an ML on the Edge progress file.',
    version: (found: string, reads: number) => `This progress file has version ${found}; this site reads version ${reads}.`,
    empty: 'This progress file has no exercises or quizzes.',
    notSaved: 'This browser did not let the site save the progress (its storage is turned off or full). Nothing was changed.',
  },
  fr: {
    notJson: (detail: string) => `Ce fichier n'est pas un fichier de progression (ce n'est pas du JSON\u00a0: ${detail}).`,
    notProgress: "Ce fichier n'est pas un fichier de progression du cours ML on the Edge.",
    version: (found: string, reads: number) => `Ce fichier de progression est en version ${found}; ce site lit la version ${reads}.`,
    empty: 'Ce fichier de progression ne contient ni exercices ni questionnaires.',
    notSaved:
      "Ce navigateur n'a pas permis au site d'enregistrer la progression (son stockage est désactivé ou plein). Rien n'a été modifié.",
  },
};

const importWords = (locale = 'en') => inLanguageOrEnglish<(typeof IMPORT_WORDS)['en']>(IMPORT_WORDS, locale);

/**
 * Merges a progress file into what this browser holds (keeping the earlier pass of an exercise
 * and the better score of a quiz). Throws an Error with a message for the reader (in the page's
 * language, `locale`) when the file is not a progress file; nothing is changed then.
 */
export function importProgress(text: string, locale = 'en'): { exercises: number; quizzes: number } {
  const words = importWords(locale);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(words.notJson((error as Error).message));
  }
  if (!isObject(data) || data.format !== FORMAT) throw new Error(words.notProgress);
  if (typeof data.version !== 'number' || data.version > FORMAT_VERSION) {
    throw new Error(words.version(String(data.version), FORMAT_VERSION));
  }
  const incoming = validate(data, locale);
  const current = readProgress();
  const exercises = { ...current.exercises };
  for (const [id, e] of Object.entries(incoming.exercises)) {
    if (!exercises[id] || e.passedAt < exercises[id].passedAt) exercises[id] = e;
  }
  const quizzes = { ...current.quizzes };
  for (const [id, q] of Object.entries(incoming.quizzes)) {
    const mine = quizzes[id];
    quizzes[id] = mine ? { ...mine, best: Math.max(mine.best, q.best) } : q;
  }
  if (!write({ exercises, quizzes })) {
    throw new Error(words.notSaved);
  }
  return { exercises: Object.keys(incoming.exercises).length, quizzes: Object.keys(incoming.quizzes).length };
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY || event.key === null) listener();
  };
  if (typeof window !== 'undefined') window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    if (typeof window !== 'undefined') window.removeEventListener('storage', onStorage);
  };
}

/** The progress, kept up to date (also across tabs). Empty during server rendering and hydration. */
export function useProgress(): Progress {
  return useSyncExternalStore(subscribe, readProgress, () => EMPTY);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isText = (v: unknown): v is string => typeof v === 'string';
const isTime = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Keeps the well-formed records of a parsed value; throws when its shape is not progress at all. */
function validate(data: unknown, locale = 'en'): Progress {
  if (!isObject(data) || !isObject(data.exercises) || !isObject(data.quizzes)) {
    throw new Error(importWords(locale).empty);
  }
  const exercises: Record<string, ExerciseRecord> = {};
  for (const [id, e] of Object.entries(data.exercises)) {
    if (isObject(e) && isText(e.title) && isText(e.page) && isTime(e.passedAt)) {
      exercises[id] = { id, title: e.title, page: e.page, passedAt: e.passedAt };
    }
  }
  const quizzes: Record<string, QuizRecord> = {};
  for (const [id, q] of Object.entries(data.quizzes)) {
    if (
      isObject(q) &&
      isText(q.title) &&
      isText(q.page) &&
      isTime(q.completedAt) &&
      isCount(q.score) &&
      isCount(q.total) &&
      q.score <= q.total
    ) {
      const best = isCount(q.best) && q.best <= q.total ? Math.max(q.best, q.score) : q.score;
      quizzes[id] = { id, title: q.title, page: q.page, score: q.score, best, total: q.total, completedAt: q.completedAt };
    }
  }
  return { exercises, quizzes };
}

/** The student's name for the printed report and the exported file, kept in this browser. */
export const NAME_KEY = 'ml-edge:progress:name';
const nameListeners = new Set<() => void>();

/** The name typed in this page's life, for a browser that keeps nothing. */
let unsavedName = '';

export function readStudentName(): string {
  try {
    return storage()?.getItem(NAME_KEY) ?? unsavedName;
  } catch {
    return unsavedName;
  }
}

export function saveStudentName(name: string): void {
  unsavedName = name;
  try {
    if (name) storage()?.setItem(NAME_KEY, name);
    else storage()?.removeItem(NAME_KEY);
  } catch {
    // Storage refused or full: the name stays for this visit only.
  }
  nameListeners.forEach((l) => l());
}

/** The student's name as stored; empty during server rendering and hydration. */
export function useStudentName(): string {
  return useSyncExternalStore(
    (listener) => {
      nameListeners.add(listener);
      return () => nameListeners.delete(listener);
    },
    readStudentName,
    () => '',
  );
}
