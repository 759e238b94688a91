/**
 * Adds the page's licence notice under every docs page (lessons, glossary, labs), and on a
 * section's index page the list of its exercises and quizzes with the student's ticks.
 */
import React from 'react';
import Footer from '@theme-original/DocItem/Footer';
import type FooterType from '@theme/DocItem/Footer';
import type { WrapperProps } from '@docusaurus/types';
import { useDoc } from '@docusaurus/plugin-content-docs/client';
import LicenseNotice from '@site/src/components/LicenseNotice';
import SectionPractice from '@site/src/components/SectionPractice';

type Props = WrapperProps<typeof FooterType>;

export default function FooterWrapper(props: Props) {
  const { frontMatter, metadata } = useDoc();
  const license = (frontMatter as { license?: string }).license;
  return (
    <>
      <SectionPractice permalink={metadata.permalink} />
      {license && <LicenseNotice license={license} />}
      <Footer {...props} />
    </>
  );
}
