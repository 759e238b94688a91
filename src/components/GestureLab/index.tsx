/**
 * The capstone's gesture lab (docs/capstone-gesture.mdx): the reader records gestures, trains the
 * course's kNN and network on them in the page and uses them live.
 *
 * This shell is all the page loads at first: a placeholder in the server's HTML. When the lab
 * comes within 600 px of the viewport, the lab's code (./Lab, with the models and papaparse) is
 * fetched and replaces it, so the page's first load carries none of it. The Suspense boundary
 * exists only after hydration (never in the server HTML; see CONTRIBUTING.md, "Page weight").
 */
import React, { Suspense, lazy, useEffect, useRef, useState } from 'react';
import styles from './styles.module.css';

const Lab = lazy(() => import('./Lab'));

function Placeholder() {
  return <p className={styles.placeholder}>The gesture lab loads when you scroll to it (it needs JavaScript).</p>;
}

export default function GestureLab() {
  const ref = useRef<HTMLElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return undefined;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: '600px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <section ref={ref} className={styles.shell} aria-label="Gesture lab" data-gesture-lab={near ? 'near' : 'waiting'}>
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
