/** A hint inside an exercise: hidden until the reader asks for it. */
import React, { type ReactNode } from 'react';
import styles from './styles.module.css';

export default function Hint({ children }: { children: ReactNode }) {
  return (
    <details className={styles.hint}>
      <summary>Show a hint</summary>
      <div>{children}</div>
    </details>
  );
}
