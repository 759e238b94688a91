/**
 * The home page: what the course is, who it is for, and how to use it. The list of sections is
 * not kept here: it comes from docs/ (each top-level folder's index page: title, description,
 * sidebar position), published by src/plugins/course-sections.ts. A new folder in docs/ with an
 * index page appears here with no edit to this file.
 */
import Translate, { translate } from '@docusaurus/Translate';
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
    <Layout
      title={translate({ id: 'home.title', message: 'Machine learning for the edge, in your browser' })}
      description={siteConfig.tagline}
    >
      <header className={styles.hero}>
        <div className="container">
          <Heading as="h1" className={styles.title}>
            {siteConfig.title}
          </Heading>
          <p className={styles.tagline}>{siteConfig.tagline}</p>
          <div className={styles.actions}>
            <Link className="button button--primary button--lg" to="/lessons">
              {translate({ id: 'home.start', message: 'Start the lessons' })}
            </Link>
            <Link className="button button--secondary button--lg" to="/glossary">
              {translate({ id: 'home.glossary', message: 'AI & ML in plain English' })}
            </Link>
          </div>
        </div>
      </header>
      <main className="container margin-vert--lg">
        <section className={styles.intro} aria-labelledby="who">
          <div>
            <Heading as="h2" id="who">
              {translate({ id: 'home.who.title', message: 'Who it is for' })}
            </Heading>
            <p>
              {translate({
                id: 'home.who.text',
                message:
                  'College Computer Science students who can already program and have never trained a model. You will not need Python, an account or an install: every example is TypeScript that runs in this page, on your own device, and keeps working offline once the page has loaded.',
              })}
            </p>
          </div>
          <div>
            <Heading as="h2" id="how">
              {translate({ id: 'home.how.title', message: 'How to use it' })}
            </Heading>
            <ul>
              <li>
                {translate({ id: 'home.how.order', message: 'Read the sections in order; each one starts with what you will learn.' })}
              </li>
              <li>
                <Translate id="home.how.run" values={{ run: <strong>{translate({ id: 'embed.run', message: 'Run' })}</strong> }}>
                  {'Press {run} on any code block, change the code, run it again. Your edits are kept in this browser.'}
                </Translate>
              </li>
              <li>
                {translate({
                  id: 'home.how.terms',
                  message: 'Dotted words link to the glossary: hover, focus or tap them for a definition.',
                })}
              </li>
              <li>
                {translate({ id: 'home.how.lab', message: 'Finish with the Raspberry Pi + Edge Impulse lab and keep a process log.' })}
              </li>
            </ul>
          </div>
        </section>
        <section aria-labelledby="sections">
          <Heading as="h2" id="sections">
            {translate({ id: 'home.course', message: 'The course' })}
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
            {translate({ id: 'home.teachers.title', message: 'For teachers' })}
          </Heading>
          <p>
            <Translate id="home.teachers.fork" values={{ file: <code>course.config.ts</code> }}>
              {
                "The whole course is open: text and figures under CC BY-SA 4.0, code under MIT. Fork the repository, change one file ({file}) to name your course, and push: it deploys as a static site that needs no server. See the repository's README."
              }
            </Translate>
          </p>
          <p>
            {translate({
              id: 'home.teachers.guide',
              message:
                "The teacher's guide has learning outcomes for each section, a 15-week and a 3-week schedule, how to run the Raspberry Pi lab with a class, and how to grade and adapt the course.",
            })}
          </p>
          <Link className="button button--secondary" to="/teachers">
            {translate({ id: 'home.teachers.read', message: "Read the teacher's guide" })}
          </Link>
        </section>
      </main>
    </Layout>
  );
}
