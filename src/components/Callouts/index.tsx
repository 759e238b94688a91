/**
 * The lesson skeleton's boxes, named for their teaching role (see CONTRIBUTING.md):
 * what you will learn, prerequisites, recap, pitfalls, deep dives and "try this".
 */
import { translate } from '@docusaurus/Translate';
import React, { type ReactNode } from 'react';
import clsx from 'clsx';
import styles from './styles.module.css';

type CalloutProps = { children: ReactNode; title?: string };

function Callout({ kind, label, title, children }: CalloutProps & { kind: string; label: string }) {
  return (
    <aside className={clsx(styles.callout, styles[kind])} aria-label={title ?? label}>
      <p className={styles.label}>{title ?? label}</p>
      <div className={styles.body}>{children}</div>
    </aside>
  );
}

export const YouWillLearn = (p: CalloutProps) => (
  <Callout kind="learn" label={translate({ id: 'callout.learn', message: 'What you will learn' })} {...p} />
);
export const Prerequisites = (p: CalloutProps) => (
  <Callout kind="prereq" label={translate({ id: 'callout.prerequisites', message: 'Before you start' })} {...p} />
);
export const Recap = (p: CalloutProps) => <Callout kind="recap" label={translate({ id: 'callout.recap', message: 'Recap' })} {...p} />;
export const Pitfall = (p: CalloutProps) => (
  <Callout kind="pitfall" label={translate({ id: 'callout.pitfall', message: 'Pitfall' })} {...p} />
);
export const TryThis = (p: CalloutProps) => <Callout kind="try" label={translate({ id: 'callout.try', message: 'Try this' })} {...p} />;

/** Optional detail a reader may skip: collapsed by default, still in the page for search. */
export function DeepDive({ title, children }: CalloutProps) {
  return (
    <details className={clsx(styles.callout, styles.deep)}>
      <summary className={styles.label}>
        {title
          ? translate({ id: 'callout.deepDive.titled', message: 'Deep dive: {title}' }, { title })
          : translate({ id: 'callout.deepDive', message: 'Deep dive' })}
      </summary>
      <div className={styles.body}>{children}</div>
    </details>
  );
}

/** The glossary page's one-sentence definition (added by the site from front matter). */
export function Definition({ children }: { children: ReactNode }) {
  return <div className={styles.definition}>{children}</div>;
}
