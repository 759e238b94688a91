/** A confusion matrix as a table: one row per actual gesture, one column per predicted gesture. */
import React from 'react';
import clsx from 'clsx';
import { translate } from '@docusaurus/Translate';
import styles from './styles.module.css';

type Props = { caption: string; labels: string[]; matrix: number[][] };

export default function ConfusionTable({ caption, labels, matrix }: Props) {
  return (
    <table className={styles.confusion}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{translate({ id: 'gesture.confusion.corner', message: 'actual ↓ predicted →' })}</th>
          {labels.map((l) => (
            <th key={l} scope="col">
              {l}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {labels.map((actual, i) => (
          <tr key={actual}>
            <th scope="row">{actual}</th>
            {matrix[i].map((count, j) => (
              <td key={j} className={clsx(i === j && styles.diagonal, i !== j && count > 0 && styles.mistake)}>
                {count}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
