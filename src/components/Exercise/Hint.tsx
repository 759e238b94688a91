/** A hint inside an exercise: hidden until the reader asks for it, and left out of print. */
import { translate } from '@docusaurus/Translate';
import React, { type ReactNode } from 'react';
import styles from './styles.module.css';

export default function Hint({ children }: { children: ReactNode }) {
  return (
    <details className={styles.hint} data-print="hide">
      <summary>{translate({ id: 'exercise.hint', message: 'Show a hint' })}</summary>
      <div>{children}</div>
    </details>
  );
}
