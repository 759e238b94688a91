/**
 * The home page: what the course is, who it is for, and how to use it. The list of sections is
 * not kept here: it comes from docs/ (each top-level folder's index page: title, description,
 * sidebar position), published by src/plugins/course-sections.ts. A new folder in docs/ with an
 * index page appears here with no edit to this file.
 */
import React from 'react';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { usePluginData } from '@docusaurus/useGlobalData';
import type { CourseSection, CourseSectionsData } from '@site/src/plugins/course-sections';
import styles from './index.module.css';

function SectionCard({ section, title }: { section: CourseSection; title: string }) {
  return (
    <li className={styles.card}>
      <Link to={section.to} className={styles.cardLink}>
        <span className={styles.cardTitle}>{title}</span>
      </Link>
      {section.description && <p>{section.description}</p>}
    </li>
  );
}

export default function Home(): React.JSX.Element {
  const { siteConfig } = useDocusaurusContext();
  const { sections, more } = usePluginData('course-sections') as CourseSectionsData;
  return (
    <Layout title="Machine learning for the edge, in your browser" description={siteConfig.tagline}>
      <header className={styles.hero}>
        <div className="container">
          <Heading as="h1" className={styles.title}>
            {siteConfig.title}
          </Heading>
          <p className={styles.tagline}>{siteConfig.tagline}</p>
          <div className={styles.actions}>
            <Link className="button button--primary button--lg" to="/lessons">
              Start the lessons
            </Link>
            <Link className="button button--secondary button--lg" to="/glossary">
              AI &amp; ML in plain English
            </Link>
          </div>
        </div>
      </header>
      <main className="container margin-vert--lg">
        <section className={styles.intro} aria-labelledby="who">
          <div>
            <Heading as="h2" id="who">
              Who it is for
            </Heading>
            <p>
              College Computer Science students who can already program and have never trained a model. You will not need Python, an account
              or an install: every example is TypeScript that runs in this page, on your own device, and keeps working offline once the page
              has loaded.
            </p>
          </div>
          <div>
            <Heading as="h2" id="how">
              How to use it
            </Heading>
            <ul>
              <li>Read the sections in order; each one starts with what you will learn.</li>
              <li>
                Press <strong>Run</strong> on any code block, change the code, run it again. Your edits are kept in this browser.
              </li>
              <li>Dotted words link to the glossary: hover, focus or tap them for a definition.</li>
              <li>Finish with the Raspberry Pi + Edge Impulse lab and keep a process log.</li>
            </ul>
          </div>
        </section>
        <section aria-labelledby="sections">
          <Heading as="h2" id="sections">
            The course
          </Heading>
          <ul className={styles.cards}>
            {sections.map((section, n) => (
              <SectionCard key={section.to} section={section} title={`${n + 1}. ${section.title}`} />
            ))}
            {more.map((section) => (
              <SectionCard key={section.to} section={section} title={section.title} />
            ))}
          </ul>
        </section>
        <section aria-labelledby="teachers">
          <Heading as="h2" id="teachers">
            For teachers
          </Heading>
          <p>
            The whole course is open: text and figures under CC BY-SA 4.0, code under MIT. Fork the repository, change one file (
            <code>course.config.ts</code>) to name your course, and push: it deploys as a static site that needs no server. See the
            repository's README.
          </p>
          <p>
            The teacher's guide has learning outcomes for each section, a 15-week and a 3-week schedule, how to run the Raspberry Pi lab
            with a class, and how to grade and adapt the course.
          </p>
          <Link className="button button--secondary" to="/teachers">
            Read the teacher&apos;s guide
          </Link>
        </section>
      </main>
    </Layout>
  );
}
