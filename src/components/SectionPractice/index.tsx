/**
 * On a section's index page: the section's pages that hold exercises or quizzes, each with what
 * it holds and a mark once the student has done some or all of it (src/progress/). The list is
 * in the server's HTML (it comes from the build); the marks fill their fixed slots after
 * hydration, from this browser's progress. Added under every docs page by DocItem/Footer; it
 * renders nothing on pages that are not a section's index or whose section has no practice.
 */
import React from 'react';
import Link from '@docusaurus/Link';
import Translate, { translate } from '@docusaurus/Translate';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import Heading from '@theme/Heading';
import { completion, completionState, completionText, itemCounts, permalinkKey } from '@site/src/progress/practice';
import { usePractice } from '@site/src/progress/hooks';
import { useProgress } from '@site/src/progress/store';
import '@site/src/progress/marks.css';
import styles from './styles.module.css';

export default function SectionPractice({ permalink }: { permalink: string }) {
  const { sections } = usePractice();
  const progress = useProgress();
  const locale = useDocusaurusContext().i18n.currentLocale;
  const section = sections.find((s) => permalinkKey(s.to) === permalinkKey(permalink));
  // Only a section's index lists its pages (a top-level page that is its own section does not list itself).
  if (!section || !section.pages.some((p) => permalinkKey(p.to) !== permalinkKey(section.to))) return null;
  return (
    <section className={styles.box} aria-labelledby="practice-in-this-section" data-section-practice>
      <Heading as="h2" id="practice-in-this-section" className={styles.title}>
        {translate({ id: 'practice.title', message: 'Practice in this section' })}
      </Heading>
      <ul className={styles.list}>
        {section.pages.map((page) => {
          const state = completion(page.items, progress);
          const mark = completionState(state);
          return (
            <li key={page.to} className={styles.row} data-progress-page={page.to}>
              <span className="progress-mark" data-progress={mark} aria-hidden="true" />
              <span>
                <Link to={page.to}>{page.title}</Link>{' '}
                <span className={styles.counts}>
                  {itemCounts(page.items, locale)}
                  {mark && <span className="sr-only">, {completionText(state, locale)}</span>}
                </span>
              </span>
            </li>
          );
        })}
      </ul>
      <p className={styles.more}>
        <Translate
          id="practice.more"
          values={{
            link: <Link to="/progress">{translate({ id: 'progress.title', message: 'My progress' })}</Link>,
          }}
        >
          {'Ticks show what you have done, kept in this browser only: {link}.'}
        </Translate>
      </p>
    </section>
  );
}
