/**
 * "Print and PDF": how to print a page, and the whole course as one PDF.
 *
 * The PDF is not part of the site's sources: `npm run pdf` makes it from a build (scripts/pdf.ts)
 * and writes it into build/, which the deploy publishes. `npm start` serves no build, so in
 * development this page says how to make the PDF instead of linking to a file that is not there.
 */
import Translate, { translate } from '@docusaurus/Translate';
import React from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import useBaseUrl from '@docusaurus/useBaseUrl';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { pdfName } from '@site/src/plugins/pdf-name';

/** `npm start` (no PDF can exist) or a production build (the deploy adds the PDF beside it). */
const DEVELOPMENT = process.env.NODE_ENV === 'development';

export default function PrintAndPdf(): React.JSX.Element {
  const { siteConfig } = useDocusaurusContext();
  const file = pdfName(siteConfig.title);
  const href = useBaseUrl(`/${file}`);
  return (
    <Layout
      title={translate({ id: 'pdf.title', message: 'Print and PDF' })}
      description={translate(
        { id: 'pdf.description', message: 'Print one page, or download {title} as one PDF.' },
        { title: siteConfig.title },
      )}
    >
      {/* .markdown: the site's text styles, links underlined (src/css/custom.css). */}
      <main className="container margin-vert--lg markdown">
        <Heading as="h1">{translate({ id: 'pdf.title', message: 'Print and PDF' })}</Heading>
        <Heading as="h2" id="the-whole-course">
          {translate({ id: 'pdf.whole', message: 'The whole course in one PDF' })}
        </Heading>
        {DEVELOPMENT ? (
          <p data-pdf-link="none">
            <Translate
              id="pdf.development"
              values={{
                start: <code>npm start</code>,
                build: <code>npm run build</code>,
                pdf: <code>npm run pdf</code>,
                file: <code>build/{file}</code>,
                serve: <code>npm run serve</code>,
              }}
            >
              {
                'This is the development server ({start}): it has no PDF. To make one, run {build}, then {pdf}, and open {file}, or see it here with {serve}.'
              }
            </Translate>
          </p>
        ) : (
          <p>
            <a href={href} download={file} data-pdf-link={file}>
              {translate({ id: 'pdf.download', message: 'Download {title} as a PDF ({file})' }, { title: siteConfig.title, file })}
            </a>
            {translate({
              id: 'pdf.contents',
              message:
                ': a title page, the contents with page numbers, every lesson in order, the glossary and the labs. It is made from this site each time it is published, so it matches what you read here; its code examples are printed, with line numbers, but do not run.',
            })}
          </p>
        )}
        <Heading as="h2" id="one-page">
          {translate({ id: 'pdf.onePage', message: 'Print one page' })}
        </Heading>
        <p>
          {translate({
            id: 'pdf.onePage.how',
            message:
              'Press Ctrl + P (⌘ + P on a Mac). The menus, sidebars and buttons are left out. Each code example prints its whole file with line numbers, followed by what it printed the last time you ran it on this page; the answers to questions, hints and solutions are left out, so a printed lesson can be used as a worksheet. The address of the page and its licence are at the end.',
          })}
        </p>
        <p>{translate({ id: 'pdf.dark', message: 'Dark mode prints dark pages: switch to light mode first to save ink.' })}</p>
      </main>
    </Layout>
  );
}
