/**
 * The licence line under every lesson, glossary and lab page: the page's own licence (from its
 * `license` front matter, checked at build time), a link to it and the course's attribution.
 * On paper it also gives the page's address (`data-print="only"`, see src/css/print.css).
 */
import React from 'react';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { useLocation } from '@docusaurus/router';
import { LICENSES } from '@site/src/plugins/licenses';
import styles from './styles.module.css';

type CourseLicense = { content: string; code: string; attribution: string };

export default function LicenseNotice({ license }: { license: string }) {
  const { siteConfig } = useDocusaurusContext();
  const course = siteConfig.customFields?.license as CourseLicense;
  const page = LICENSES[license];
  const code = LICENSES[course.code];
  const { pathname } = useLocation();
  const address = `${siteConfig.url}${pathname}`;
  return (
    <p className={styles.notice} data-license={license}>
      This page is licensed under{' '}
      <a href={page.url} rel="license">
        {page.name} ({license})
      </a>
      . {course.attribution} Code in the course's <code>code/</code> folder: <a href={code.url}>{course.code}</a>.
      <span data-print="only">
        {' '}
        This page: <span className={styles.address}>{address}</span>
      </span>
    </p>
  );
}
