/**
 * "Check your understanding": a question whose `<Answer>` stays hidden until the reader opens it,
 * and is left out of print (`data-print="hide"`) so a printed page can be used as a quiz.
 */
import { translate } from '@docusaurus/Translate';
import React, { type ReactNode } from 'react';
import styles from './styles.module.css';

export function Question({ children }: { children: ReactNode }) {
  return <div className={styles.question}>{children}</div>;
}

export function Answer({ children }: { children: ReactNode }) {
  return (
    <details className={styles.answer} data-print="hide">
      <summary>{translate({ id: 'question.answer', message: 'Show the answer' })}</summary>
      <div>{children}</div>
    </details>
  );
}
