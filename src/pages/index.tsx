/** The home page: what the course is, who it is for, and how to use it. */
import React from 'react';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import styles from './index.module.css';

const SECTIONS = [
  {
    to: '/lessons/edge-computing',
    title: '1. Edge computing',
    text: 'What "the edge" is, what small devices next to the data can do, and why their decisions need machine learning.',
  },
  {
    to: '/lessons/what-is-machine-learning',
    title: '2. What is machine learning?',
    text: 'Learning rules from examples instead of writing them; training versus using a model; training on the device itself.',
  },
  {
    to: '/lessons/algorithms-and-ml',
    title: '3. Algorithms and machine learning',
    text: 'Why hand-written rules break down as cases and data grow, and what it costs to train and to predict.',
  },
  {
    to: '/lessons/training',
    title: '4. Training ML algorithms',
    text: 'Linear regression, k-nearest neighbours and a neural network from scratch, in TypeScript and TensorFlow.js, timed side by side.',
  },
  {
    to: '/lessons/training-on-the-edge',
    title: '5. Training on the edge',
    text: 'Federated learning you can play with: devices that train together without sharing their data. And how fast your own device trains.',
  },
];

export default function Home(): React.JSX.Element {
  const { siteConfig } = useDocusaurusContext();
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
              College Computer Science students who can already program and have never trained a
              model. You will not need Python, an account or an install: every example is
              TypeScript that runs in this page, on your own device, and keeps working offline once
              the page has loaded.
            </p>
          </div>
          <div>
            <Heading as="h2" id="how">
              How to use it
            </Heading>
            <ul>
              <li>Read the sections in order; each one starts with what you will learn.</li>
              <li>
                Press <strong>Run</strong> on any code block, change the code, run it again. Your
                edits are kept in this browser.
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
            {SECTIONS.map((s) => (
              <li key={s.to} className={styles.card}>
                <Link to={s.to} className={styles.cardLink}>
                  <span className={styles.cardTitle}>{s.title}</span>
                </Link>
                <p>{s.text}</p>
              </li>
            ))}
            <li className={styles.card}>
              <Link to="/labs" className={styles.cardLink}>
                <span className={styles.cardTitle}>Lab: Raspberry Pi + Edge Impulse</span>
              </Link>
              <p>Collect sound with a Raspberry Pi, train a model in Edge Impulse, run it on the Pi and measure its latency.</p>
            </li>
          </ul>
        </section>
        <section aria-labelledby="teachers">
          <Heading as="h2" id="teachers">
            For teachers
          </Heading>
          <p>
            The whole course is open: text and figures under CC BY-SA 4.0, code under MIT. Fork the
            repository, change one file (<code>course.config.ts</code>) to name your course, and
            push: it deploys as a static site that needs no server. See the repository's README.
          </p>
        </section>
      </main>
    </Layout>
  );
}
