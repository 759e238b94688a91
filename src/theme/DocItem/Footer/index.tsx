/** Adds the page's licence notice under every docs page (lessons, glossary, labs). */
import React from 'react';
import Footer from '@theme-original/DocItem/Footer';
import type FooterType from '@theme/DocItem/Footer';
import type { WrapperProps } from '@docusaurus/types';
import { useDoc } from '@docusaurus/plugin-content-docs/client';
import LicenseNotice from '@site/src/components/LicenseNotice';

type Props = WrapperProps<typeof FooterType>;

export default function FooterWrapper(props: Props) {
  const { frontMatter } = useDoc();
  const license = (frontMatter as { license?: string }).license;
  return (
    <>
      {license && <LicenseNotice license={license} />}
      <Footer {...props} />
    </>
  );
}
