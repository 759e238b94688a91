/**
 * The progress store (src/progress/store.ts) and the completion helpers (src/progress/practice.ts),
 * in Node with a Map-backed localStorage: what is recorded, what survives, what an import merges
 * or refuses, and that a refused file changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FORMAT,
  STORAGE_KEY,
  clearProgress,
  exportProgress,
  importProgress,
  readProgress,
  readStudentName,
  recordExercisePassed,
  recordQuizResult,
  saveStudentName,
  subscribe,
} from '../../src/progress/store';
import { completion, completionState, completionText, indexPractice, itemCounts, withoutBaseUrl } from '../../src/progress/practice';

/** The part of Storage the store uses, kept in a Map; `full` makes every write throw as a full quota does. */
class MemoryStorage {
  items = new Map<string, string>();
  full = false;
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, String(value));
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

let storage: MemoryStorage;
const storageListeners = new Set<(event: { key: string | null }) => void>();

beforeEach(() => {
  storage = new MemoryStorage();
  (globalThis as { window?: unknown }).window = {
    localStorage: storage,
    addEventListener: (_: string, l: (event: { key: string | null }) => void) => storageListeners.add(l),
    removeEventListener: (_: string, l: (event: { key: string | null }) => void) => storageListeners.delete(l),
  };
  clearProgress();
});
afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
  storageListeners.clear();
});

const DAY1 = new Date('2026-11-01T10:00:00Z');
const DAY2 = new Date('2026-11-02T10:00:00Z');
const knn = { id: 'majority-vote', title: 'Count the votes', page: '/lessons/training/k-nearest-neighbours' };
const quiz = { id: 'knn-end', title: 'kNN: what you know now', page: '/lessons/training/k-nearest-neighbours', total: 5 };

describe('progress store', () => {
  it('starts empty, and reads a missing or unreadable entry as empty', () => {
    expect(readProgress()).toEqual({ exercises: {}, quizzes: {} });
    storage.setItem(STORAGE_KEY, '{not json');
    expect(readProgress()).toEqual({ exercises: {}, quizzes: {} });
    storage.setItem(STORAGE_KEY, JSON.stringify({ exercises: [] }));
    expect(readProgress()).toEqual({ exercises: {}, quizzes: {} });
  });

  it('keeps the first pass of an exercise, in localStorage under its key', () => {
    recordExercisePassed(knn, DAY1);
    recordExercisePassed(knn, DAY2);
    expect(readProgress().exercises).toEqual({ 'majority-vote': { ...knn, passedAt: DAY1.toISOString() } });
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).exercises['majority-vote'].passedAt).toBe('2026-11-01T10:00:00.000Z');
  });

  it("keeps a quiz's first score and its best", () => {
    recordQuizResult({ ...quiz, score: 3 }, DAY1);
    recordQuizResult({ ...quiz, score: 5 }, DAY2);
    recordQuizResult({ ...quiz, score: 2 }, DAY2);
    expect(readProgress().quizzes['knn-end']).toEqual({ ...quiz, score: 3, best: 5, completedAt: DAY1.toISOString() });
  });

  it('returns the same object until the progress changes (what useSyncExternalStore needs)', () => {
    recordExercisePassed(knn, DAY1);
    const first = readProgress();
    expect(readProgress()).toBe(first);
    recordQuizResult({ ...quiz, score: 4 }, DAY1);
    expect(readProgress()).not.toBe(first);
  });

  it('tells subscribers about its own writes and about other tabs', () => {
    let calls = 0;
    const unsubscribe = subscribe(() => calls++);
    recordExercisePassed(knn, DAY1);
    expect(calls).toBe(1);
    // Another tab wrote the key: the browser fires a storage event in this one.
    storage.setItem(STORAGE_KEY, JSON.stringify({ exercises: {}, quizzes: {} }));
    storageListeners.forEach((l) => l({ key: STORAGE_KEY }));
    expect(calls).toBe(2);
    expect(readProgress().exercises).toEqual({});
    storageListeners.forEach((l) => l({ key: 'something-else' }));
    expect(calls).toBe(2);
    unsubscribe();
    recordExercisePassed(knn, DAY1);
    expect(calls).toBe(2);
  });

  it('goes on when the browser refuses to save (storage full)', () => {
    storage.full = true;
    expect(() => recordExercisePassed(knn, DAY1)).not.toThrow();
    expect(readProgress().exercises).toEqual({});
  });

  it('clears everything', () => {
    recordExercisePassed(knn, DAY1);
    clearProgress();
    expect(readProgress()).toEqual({ exercises: {}, quizzes: {} });
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
  });
});

describe('export and import', () => {
  it('round-trips: export, clear, import gives back the same progress', () => {
    recordExercisePassed(knn, DAY1);
    recordQuizResult({ ...quiz, score: 4 }, DAY1);
    saveStudentName('Ada Lovelace');
    const file = exportProgress(DAY2);
    expect(file).toMatchObject({ format: FORMAT, version: 1, exportedAt: DAY2.toISOString(), student: 'Ada Lovelace' });
    const before = readProgress();
    clearProgress();
    expect(importProgress(JSON.stringify(file))).toEqual({ exercises: 1, quizzes: 1 });
    expect(readProgress()).toEqual(before);
  });

  it('merges: the earlier pass and the better score win, nothing here is lost', () => {
    recordExercisePassed(knn, DAY2);
    recordQuizResult({ ...quiz, score: 2 }, DAY1);
    recordExercisePassed({ ...knn, id: 'only-here' }, DAY2);
    const other = {
      format: FORMAT,
      version: 1,
      exportedAt: DAY2.toISOString(),
      exercises: { 'majority-vote': { ...knn, passedAt: DAY1.toISOString() } },
      quizzes: { 'knn-end': { ...quiz, score: 5, best: 5, completedAt: DAY2.toISOString() } },
    };
    importProgress(JSON.stringify(other));
    const merged = readProgress();
    expect(merged.exercises['majority-vote'].passedAt).toBe(DAY1.toISOString());
    expect(merged.exercises['only-here']).toBeDefined();
    expect(merged.quizzes['knn-end']).toMatchObject({ score: 2, best: 5 });
  });

  it.each([
    ['not JSON', 'hello', /not a progress file \(it is not JSON/],
    ['another JSON file', '{"name": "package"}', /not an ML on the Edge progress file/],
    [
      'a newer format',
      JSON.stringify({ format: FORMAT, version: 99, exercises: {}, quizzes: {} }),
      /version 99; this site reads version 1/,
    ],
    ['no results in it', JSON.stringify({ format: FORMAT, version: 1 }), /has no exercises or quizzes/],
  ])('refuses %s with a message and changes nothing', (_, text, message) => {
    recordExercisePassed(knn, DAY1);
    const before = storage.getItem(STORAGE_KEY);
    expect(() => importProgress(text)).toThrow(message);
    expect(storage.getItem(STORAGE_KEY)).toBe(before);
  });

  it('drops malformed records of a progress file and keeps the good ones', () => {
    const text = JSON.stringify({
      format: FORMAT,
      version: 1,
      exercises: { good: { title: 'G', page: '/p', passedAt: DAY1.toISOString() }, bad: { title: 'B', page: '/p', passedAt: 'yesterday' } },
      quizzes: { over: { title: 'Q', page: '/p', score: 6, total: 5, completedAt: DAY1.toISOString() } },
    });
    expect(importProgress(text)).toEqual({ exercises: 1, quizzes: 0 });
    expect(Object.keys(readProgress().exercises)).toEqual(['good']);
  });

  it("refuses in the page's language: French for fr and fr-CA, English otherwise", () => {
    expect(() => importProgress('{"name": "package"}', 'fr')).toThrow(/n'est pas un fichier de progression du cours ML on the Edge/);
    expect(() => importProgress('hello', 'fr-CA')).toThrow(/ce n'est pas du JSON\u00a0:/);
    expect(() => importProgress(JSON.stringify({ format: FORMAT, version: 1 }), 'fr')).toThrow(/ni exercices ni questionnaires/);
    expect(() => importProgress('{"name": "package"}', 'de')).toThrow(/not an ML on the Edge progress file/);
  });

  it('says so when the browser will not save an import, and changes nothing', () => {
    recordExercisePassed(knn, DAY1);
    const file = JSON.stringify(exportProgress(DAY2));
    storage.full = true;
    expect(() => importProgress(file)).toThrow(/did not let the site save the progress/);
  });

  it('keeps the student name apart from the results', () => {
    saveStudentName('Grace');
    expect(readStudentName()).toBe('Grace');
    clearProgress();
    expect(readStudentName()).toBe('Grace');
    saveStudentName('');
    expect(readStudentName()).toBe('');
    expect(exportProgress(DAY1)).not.toHaveProperty('student');
  });
});

describe('completion helpers', () => {
  const items = [
    { kind: 'exercise' as const, id: 'majority-vote', title: 'Count the votes' },
    { kind: 'exercise' as const, id: 'manhattan-distance', title: 'A different distance' },
    { kind: 'quiz' as const, id: 'knn-end', title: 'Quiz' },
  ];

  it('counts what is done on a page, by exercise id and quiz id', () => {
    recordExercisePassed(knn, DAY1);
    expect(completion(items, readProgress())).toEqual({ done: 1, total: 3 });
    expect(completionState(completion(items, readProgress()))).toBe('partial');
    expect(completionText({ done: 1, total: 3 })).toBe('1 of 3 done');
    recordExercisePassed({ ...knn, id: 'manhattan-distance' }, DAY1);
    recordQuizResult({ ...quiz, score: 0 }, DAY1);
    expect(completionState(completion(items, readProgress()))).toBe('done');
    expect(completionText({ done: 3, total: 3 })).toBe('all 3 done');
    expect(completionState({ done: 0, total: 3 })).toBeUndefined();
    expect(completionState({ done: 0, total: 0 })).toBeUndefined();
  });

  it('names what a page holds', () => {
    expect(itemCounts(items)).toBe('2 exercises, 1 quiz');
    expect(itemCounts([items[0]])).toBe('1 exercise');
    expect(itemCounts([items[2], items[2]])).toBe('2 quizzes');
  });

  it('indexes pages and sections by permalink, with or without a trailing slash', () => {
    const index = indexPractice({
      sections: [{ title: 'Training', to: '/lessons/training/', pages: [{ title: 'kNN', to: '/lessons/training/knn', items }] }],
    });
    expect(index.pages.get('/lessons/training/knn')).toBe(items);
    expect(index.sectionItems.get('/lessons/training')).toEqual(items);
  });

  it('strips the base URL from a route', () => {
    expect(withoutBaseUrl('/lessons/x', '/')).toBe('/lessons/x');
    expect(withoutBaseUrl('/ml/lessons/x', '/ml/')).toBe('/lessons/x');
    expect(withoutBaseUrl('/other/x', '/ml/')).toBe('/other/x');
  });
});
