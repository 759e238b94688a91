/**
 * The licence line under every lesson, glossary and lab page: the page's own licence (from its
 * `license` front matter, checked at build time), a link to it and the course's attribution.
 * On paper it also gives the page's address (`data-print="only"`, see src/css/print.css).
 */
import React from 'react';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { useLocation } from '@docusaurus/router';
import Translate, { translate } from '@docusaurus/Translate';
import { licenseIn } from '@site/src/plugins/licenses';
import styles from './styles.module.css';

type CourseLicense = { content: string; code: string; attribution: string };

export default function LicenseNotice({ license }: { license: string }) {
  const { siteConfig, i18n } = useDocusaurusContext();
  const course = siteConfig.customFields?.license as CourseLicense;
  const page = licenseIn(license, i18n.currentLocale);
  const code = licenseIn(course.code, i18n.currentLocale);
  const { pathname } = useLocation();
  const address = `${siteConfig.url}${pathname}`;
  return (
    <p className={styles.notice} data-license={license}>
      <Translate
        id="license.page"
        values={{
          license: (
            <a href={page.url} rel="license">
              {page.name} ({license})
            </a>
          ),
        }}
      >
        {'This page is licensed under {license}.'}
      </Translate>{' '}
      {course.attribution}{' '}
      <Translate id="license.code" values={{ folder: <code>code/</code>, license: <a href={code.url}>{course.code}</a> }}>
        {"Code in the course's {folder} folder: {license}."}
      </Translate>
      <span data-print="only">
        {' '}
        {translate({ id: 'license.address', message: 'This page:' })} <span className={styles.address}>{address}</span>
      </span>
    </p>
  );
}
