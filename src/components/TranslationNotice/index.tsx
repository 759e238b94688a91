/**
 * At the top of a page of a translated edition whose translation is older than its English page
 * ("stale"), or that is not translated yet ("missing"): says so, and links to the English page.
 * The build decides (src/plugins/remark-course.ts, from the translation's `source_version`).
 */
import React from 'react';
import Translate from '@docusaurus/Translate';
import { useAlternatePageUtils } from '@docusaurus/theme-common/internal';
import styles from './styles.module.css';

export default function TranslationNotice({ state }: { state: 'stale' | 'missing' }) {
  const english = useAlternatePageUtils().createUrl({ locale: 'en', fullyQualified: false });
  const link = (
    // The English page is another locale's site: a full page load, not a client-side route.
    <a href={english} hrefLang="en" lang="en" target="_self">
      <Translate id="translation.englishPage">the English page</Translate>
    </a>
  );
  return (
    <div className={styles.notice} role="note" data-translation={state}>
      {state === 'stale' ? (
        <Translate id="translation.stale" values={{ link }}>
          {'The English version of this page has changed since it was translated: some of it may be out of date. See {link}.'}
        </Translate>
      ) : (
        <Translate id="translation.missing" values={{ link }}>
          {'This page is not translated yet: it is shown in English. See also {link}.'}
        </Translate>
      )}
    </div>
  );
}
