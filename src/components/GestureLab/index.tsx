/**
 * The capstone's gesture lab (docs/capstone-gesture.mdx): the reader records gestures, trains the
 * course's kNN and network on them in the page and uses them live.
 *
 * This shell is all the page loads at first: a placeholder in the server's HTML. When the lab
 * comes within 600 px of the viewport, the lab's code (./Lab, with the models and papaparse) is
 * fetched and replaces it, so the page's first load carries none of it. The Suspense boundary
 * exists only after hydration (never in the server HTML; see CONTRIBUTING.md, "Page weight").
 */
import React, { Suspense, lazy } from 'react';
import { translate } from '@docusaurus/Translate';
import { useNearViewport } from '../RunnableCode/CodeArea';
import styles from './styles.module.css';

const Lab = lazy(() => import('./Lab'));

function Placeholder() {
  return (
    <p className={styles.placeholder}>
      {translate({ id: 'gesture.placeholder', message: 'The gesture lab loads when you scroll to it (it needs JavaScript).' })}
    </p>
  );
}

export default function GestureLab() {
  const [ref, near] = useNearViewport<HTMLElement>();
  return (
    <section
      ref={ref}
      className={styles.shell}
      aria-label={translate({ id: 'gesture.label', message: 'Gesture lab' })}
      data-gesture-lab={near ? 'near' : 'waiting'}
    >
      {near ? (
        <Suspense fallback={<Placeholder />}>
          <Lab />
        </Suspense>
      ) : (
        <Placeholder />
      )}
    </section>
  );
}
