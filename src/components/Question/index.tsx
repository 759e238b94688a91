/**
 * "Check your understanding": a question whose `<Answer>` stays hidden until the reader opens it.
 */
import React, { type ReactNode } from 'react';
import styles from './styles.module.css';

export function Question({ children }: { children: ReactNode }) {
  return <div className={styles.question}>{children}</div>;
}

export function Answer({ children }: { children: ReactNode }) {
  return (
    <details className={styles.answer}>
      <summary>Show the answer</summary>
      <div>{children}</div>
    </details>
  );
}
