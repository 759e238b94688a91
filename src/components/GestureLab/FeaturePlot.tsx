/** The features of one gesture: its resampled points as a small picture, and the numbers. */
import React from 'react';
import { translate } from '@docusaurus/Translate';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { featurePoints } from '@site/code/gesture/features';
import styles from './styles.module.css';

export default function FeaturePlot({ features }: { features: number[] }) {
  const { i18n } = useDocusaurusContext();
  const lang = i18n.localeConfigs[i18n.currentLocale]?.htmlLang ?? i18n.currentLocale;
  const points = featurePoints(features);
  const path = points.map((p) => `${p.x.toFixed(3)},${p.y.toFixed(3)}`).join(' ');
  return (
    <figure className={styles.features}>
      <svg
        viewBox="-1.15 -1.15 2.3 2.3"
        className={styles.plot}
        role="img"
        aria-label={translate(
          {
            id: 'gesture.features.picture',
            message:
              'Your last gesture as {count} evenly spaced points, centred and scaled to fit a circle of radius 1; the large dot is where it starts.',
          },
          { count: points.length },
        )}
      >
        <circle cx="0" cy="0" r="1" className={styles.unit} />
        <line x1="-1.1" y1="0" x2="1.1" y2="0" className={styles.axis} />
        <line x1="0" y1="-1.1" x2="0" y2="1.1" className={styles.axis} />
        <polyline points={path} className={styles.trace} />
        {points.map((p, i) => (
          <circle key={i} cx={p.x} cy={p.y} r={i === 0 ? 0.09 : 0.035} className={styles.dot} />
        ))}
      </svg>
      <figcaption>
        <details>
          <summary>
            {translate({ id: 'gesture.features.numbers', message: 'The {count} features (x0, y0, x1, y1, …)' }, { count: features.length })}
          </summary>
          <p className={styles.numbers}>
            {features
              .map((v) => v.toLocaleString(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }))
              .join(lang.startsWith('fr') ? '; ' : ', ')}
          </p>
        </details>
      </figcaption>
    </figure>
  );
}
