/**
 * The gesture lab's saved state in this browser (localStorage): the gesture names and the
 * reader's examples (features only). Nothing is sent anywhere.
 */
import { translate } from '@docusaurus/Translate';
import type { Example } from '@site/code/knn/knn';
import { POINT_COUNT } from '@site/code/gesture/features';

export const STORAGE_KEY = 'ml-edge:gesture-lab';
/** Where an unreadable saved state is moved, so that nothing is lost by starting afresh. */
export const UNREADABLE_KEY = 'ml-edge:gesture-lab:unreadable';
export const DEFAULT_GESTURES = ['circle', 'zigzag', 'line'];

/** The starting gestures' names in the page's language. */
const defaultGestures = () => [
  translate({ id: 'gesture.default.circle', message: 'circle' }),
  translate({ id: 'gesture.default.zigzag', message: 'zigzag' }),
  translate({ id: 'gesture.default.line', message: 'line' }),
];

export type LabState = { gestures: string[]; examples: Example[] };

const isExample = (e: unknown): e is Example =>
  typeof e === 'object' &&
  e !== null &&
  typeof (e as Example).label === 'string' &&
  Array.isArray((e as Example).features) &&
  (e as Example).features.length === 2 * POINT_COUNT &&
  (e as Example).features.every((v) => Number.isFinite(v));

/** The saved state, or the defaults; `problem` says why a saved state could not be read. */
export function loadState(): { state: LabState; problem?: string } {
  const fresh = { gestures: defaultGestures(), examples: [] };
  let text: string | null;
  try {
    text = window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return {
      state: fresh,
      problem: translate({
        id: 'gesture.storage.off',
        message: 'This browser does not let the page save anything (storage is off): your examples last until you leave.',
      }),
    };
  }
  if (text === null) return { state: fresh };
  try {
    const saved = JSON.parse(text) as { version?: number; gestures?: unknown; examples?: unknown };
    const gestures = saved.gestures;
    const examples = saved.examples;
    if (
      saved.version !== 1 ||
      !Array.isArray(gestures) ||
      !gestures.every((g) => typeof g === 'string') ||
      !Array.isArray(examples) ||
      !examples.every(isExample)
    ) {
      throw new Error(translate({ id: 'gesture.storage.shape', message: 'not in the expected shape' }));
    }
    const names = [...(gestures as string[])];
    for (const e of examples) if (!names.includes(e.label)) names.push(e.label);
    return { state: { gestures: names, examples } };
  } catch (error) {
    window.localStorage.setItem(UNREADABLE_KEY, text);
    return {
      state: fresh,
      problem: translate(
        {
          id: 'gesture.storage.unreadable',
          message:
            'Your saved examples could not be read ({reason}); they were kept in this browser\'s storage as "{key}" and the lab starts empty.',
        },
        { reason: (error as Error).message, key: UNREADABLE_KEY },
      ),
    };
  }
}

/** Saves the state; returns a message when the browser refuses. */
export function saveState(state: LabState): string | null {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, ...state }));
    return null;
  } catch (error) {
    return translate(
      {
        id: 'gesture.storage.saveFailed',
        message: 'Could not save your examples in this browser ({reason}): download them as CSV to keep them.',
      },
      { reason: (error as Error).message },
    );
  }
}
