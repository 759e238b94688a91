/**
 * "My progress": every section's exercises and quizzes (from the build, src/plugins/course-progress.ts)
 * with what this browser recorded (src/progress/store.ts): passes with their date, quiz scores.
 * The student can print it as a report with their name, download it as a file, import a file
 * (merged with what is here) and clear it. Nothing leaves the browser.
 *
 * Progress is empty while the server renders and while React hydrates; the results appear after.
 */
import React, { useState, useSyncExternalStore, type ChangeEvent } from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import Translate, { translate } from '@docusaurus/Translate';
import { usePluralForm } from '@docusaurus/theme-common';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import type { PracticeItem, PracticeSection } from '@site/src/plugins/course-progress';
import { completion, completionState, isDone } from '@site/src/progress/practice';
import { usePractice } from '@site/src/progress/hooks';
import {
  clearProgress,
  exportProgress,
  importProgress,
  saveStudentName,
  useProgress,
  useStudentName,
  type Progress,
} from '@site/src/progress/store';
import '@site/src/progress/marks.css';
import styles from './progress.module.css';

/** A progress file is a few kilobytes; a much larger file is something else. */
const MAX_IMPORT_BYTES = 1_000_000;

const formatDate = (iso: string, lang: string) =>
  new Date(iso).toLocaleDateString(lang, { year: 'numeric', month: 'long', day: 'numeric' });

/** The page's language as a BCP 47 tag for Intl ('fr-CA' on the French edition). */
function useLang(): string {
  const { i18n } = useDocusaurusContext();
  return i18n.localeConfigs[i18n.currentLocale]?.htmlLang ?? i18n.currentLocale;
}

/** Today's date, known only in the browser (empty in the server's HTML and while hydrating). */
function useToday(lang: string): string {
  return useSyncExternalStore(
    () => () => {},
    () => formatDate(new Date().toISOString(), lang),
    () => '',
  );
}

function Mark({ done }: { done: boolean }) {
  return <span className="progress-mark" data-progress={done ? 'done' : undefined} aria-hidden="true" />;
}

function ItemResult({ item, progress }: { item: PracticeItem; progress: Progress }) {
  const lang = useLang();
  if (item.kind === 'exercise') {
    const record = progress.exercises[item.id];
    return record ? (
      <Translate
        id="progress.exercise.passedOn"
        values={{ date: <time dateTime={record.passedAt}>{formatDate(record.passedAt, lang)}</time> }}
      >
        {'Passed on {date}'}
      </Translate>
    ) : (
      <>{translate({ id: 'progress.exercise.notPassed', message: 'Not passed yet' })}</>
    );
  }
  const record = progress.quizzes[item.id];
  if (!record) return <>{translate({ id: 'progress.quiz.notTaken', message: 'Not taken yet' })}</>;
  return (
    <>
      {translate({ id: 'progress.quiz.score', message: 'Score {score} of {total}' }, { score: record.score, total: record.total })}
      {record.best > record.score && translate({ id: 'progress.quiz.best', message: ', best {best}' }, { best: record.best })} (
      <time dateTime={record.completedAt}>{formatDate(record.completedAt, lang)}</time>)
    </>
  );
}

function Section({ section, progress }: { section: PracticeSection; progress: Progress }) {
  const items = section.pages.flatMap((p) => p.items);
  const { done, total } = completion(items, progress);
  return (
    <section className={styles.section}>
      <Heading as="h2" className={styles.sectionTitle}>
        <Link to={section.to}>{section.title}</Link>
      </Heading>
      {total === 0 ? (
        <p className={styles.muted}>
          {translate({ id: 'progress.section.empty', message: 'No exercises or quizzes in this section yet.' })}
        </p>
      ) : (
        <p className={styles.muted}>{translate({ id: 'progress.section.done', message: '{done} of {total} done' }, { done, total })}</p>
      )}
      {section.pages.map((page) => (
        <div key={page.to} className={styles.page} data-progress-page={page.to}>
          {page.to !== section.to || section.pages.length > 1 ? (
            <Heading as="h3" className={styles.pageTitle}>
              <Link to={page.to}>{page.title}</Link>
            </Heading>
          ) : null}
          <ul className={styles.items}>
            {page.items.map((item) => (
              <li key={`${item.kind}:${item.id}`} className={styles.item} data-progress-item={`${item.kind}:${item.id}`}>
                <Mark done={isDone(item, progress)} />
                <span className={styles.itemTitle}>
                  {item.kind === 'exercise'
                    ? translate({ id: 'progress.item.exercise', message: 'Exercise: {title}' }, { title: item.title })
                    : translate({ id: 'progress.item.quiz', message: 'Quiz: {title}' }, { title: item.title })}
                </span>
                <span className={styles.result}>
                  <ItemResult item={item} progress={progress} />
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** Results kept in this browser (or imported) for exercises and quizzes this site does not hold. */
function OtherResults({ known, progress }: { known: Map<string, PracticeItem>; progress: Progress }) {
  const exercises = Object.values(progress.exercises).filter((e) => !known.has(`exercise:${e.id}`));
  const quizzes = Object.values(progress.quizzes).filter((q) => !known.has(`quiz:${q.id}`));
  if (exercises.length + quizzes.length === 0) return null;
  return (
    <section className={styles.section}>
      <Heading as="h2" className={styles.sectionTitle}>
        {translate({ id: 'progress.other.title', message: 'Other results' })}
      </Heading>
      <p className={styles.muted}>
        {translate({
          id: 'progress.other.description',
          message: "Kept in this browser for exercises and quizzes that are not on this site's pages now.",
        })}
      </p>
      <ul className={styles.items}>
        {exercises.map((e) => (
          <li key={`exercise:${e.id}`} className={styles.item}>
            <Mark done />
            <span className={styles.itemTitle}>
              {translate(
                { id: 'progress.item.exercise.elsewhere', message: 'Exercise: {title} ({page})' },
                { title: e.title, page: e.page },
              )}
            </span>
            <span className={styles.result}>
              <ItemResult item={{ kind: 'exercise', id: e.id, title: e.title }} progress={progress} />
            </span>
          </li>
        ))}
        {quizzes.map((q) => (
          <li key={`quiz:${q.id}`} className={styles.item}>
            <Mark done />
            <span className={styles.itemTitle}>
              {translate({ id: 'progress.item.quiz.elsewhere', message: 'Quiz: {title} ({page})' }, { title: q.title, page: q.page })}
            </span>
            <span className={styles.result}>
              <ItemResult item={{ kind: 'quiz', id: q.id, title: q.title }} progress={progress} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

type Message = { kind: 'success' | 'error'; text: string };

function Tools({ courseTitle, onMessage }: { courseTitle: string; onMessage: (m: Message) => void }) {
  const { i18n } = useDocusaurusContext();
  const { selectMessage } = usePluralForm();
  const exercisesText = (n: number) =>
    selectMessage(n, translate({ id: 'progress.count.exercises', message: '{count} exercise|{count} exercises' }, { count: n }));
  const quizzesText = (n: number) =>
    selectMessage(n, translate({ id: 'progress.count.quizzes', message: '{count} quiz|{count} quizzes' }, { count: n }));
  const download = () => {
    const file = exportProgress();
    const blob = new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const slug =
      courseTitle
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'course';
    const link = document.createElement('a');
    link.href = url;
    link.download = translate(
      { id: 'progress.download.fileName', message: '{course}-progress-{date}.json', description: 'The name of a downloaded progress file' },
      { course: slug, date: file.exportedAt.slice(0, 10) },
    );
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    onMessage({
      kind: 'success',
      text: translate(
        { id: 'progress.download.done', message: 'Downloaded {file}. Keep it, hand it in, or import it in another browser.' },
        { file: link.download },
      ),
    });
  };

  const onImport = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    try {
      if (file.size > MAX_IMPORT_BYTES) {
        throw new Error(
          translate(
            { id: 'progress.import.tooBig', message: 'It is {size} kB; a progress file is a few kB.' },
            { size: Math.round(file.size / 1000).toLocaleString(i18n.localeConfigs[i18n.currentLocale]?.htmlLang) },
          ),
        );
      }
      const counts = importProgress(await file.text(), i18n.currentLocale);
      onMessage({
        kind: 'success',
        text:
          counts.exercises + counts.quizzes === 0
            ? translate(
                { id: 'progress.import.nothing', message: '{file} holds no exercise or quiz results. Your progress has not changed.' },
                { file: file.name },
              )
            : translate(
                {
                  id: 'progress.import.done',
                  message:
                    'Imported {exercises} and {quizzes} from {file}. Where this browser already had a result, the earlier pass and the better score were kept.',
                },
                { exercises: exercisesText(counts.exercises), quizzes: quizzesText(counts.quizzes), file: file.name },
              ),
      });
    } catch (error) {
      onMessage({
        kind: 'error',
        text: translate(
          { id: 'progress.import.failed', message: 'Could not import {file}: {reason} Your progress has not changed.' },
          { file: file.name, reason: (error as Error).message },
        ),
      });
    } finally {
      input.value = '';
    }
  };

  const clear = () => {
    const question = translate({
      id: 'progress.clear.confirm',
      message: 'Clear all your progress in this browser? Download a progress file first if you want to keep it.',
    });
    if (!window.confirm(question)) return;
    clearProgress();
    onMessage({ kind: 'success', text: translate({ id: 'progress.clear.done', message: 'Your progress in this browser was cleared.' }) });
  };

  return (
    <div className={clsx(styles.tools, styles.noPrint)}>
      <div className={styles.buttons}>
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {translate({ id: 'progress.print', message: 'Print the report' })}
        </button>
        <button type="button" className="button button--secondary" onClick={download}>
          {translate({ id: 'progress.download', message: 'Download a progress file' })}
        </button>
        <button type="button" className="button button--secondary" onClick={clear}>
          {translate({ id: 'progress.clear', message: 'Clear my progress…' })}
        </button>
      </div>
      <div className={styles.import}>
        <label htmlFor="progress-import">
          {translate({ id: 'progress.import.label', message: 'Import a progress file (.json) from another browser:' })}
        </label>
        <input id="progress-import" type="file" accept=".json,application/json" onChange={(e) => void onImport(e)} />
      </div>
    </div>
  );
}

export default function ProgressPage(): React.JSX.Element {
  const { siteConfig } = useDocusaurusContext();
  const { sections } = usePractice();
  const progress = useProgress();
  const name = useStudentName();
  const today = useToday(useLang());
  const [message, setMessage] = useState<Message | null>(null);

  // An exercise shown on two pages counts once.
  const known = new Map(sections.flatMap((s) => s.pages.flatMap((p) => p.items.map((i) => [`${i.kind}:${i.id}`, i] as const))));
  const all = [...known.values()];
  const exercises = all.filter((i) => i.kind === 'exercise');
  const quizzes = all.filter((i) => i.kind === 'quiz');
  const exercisesDone = completion(exercises, progress).done;
  const quizzesDone = completion(quizzes, progress).done;
  const state = completionState(completion(all, progress));

  return (
    <Layout
      title={translate({ id: 'progress.title', message: 'My progress' })}
      description={translate({
        id: 'progress.description',
        message: 'The exercises you passed and the quizzes you took, kept in this browser only.',
      })}
    >
      <main className={clsx('container margin-vert--lg', styles.main)}>
        <Heading as="h1">{translate({ id: 'progress.title', message: 'My progress' })}</Heading>
        <p className={styles.printOnly}>
          {translate({ id: 'progress.report.title', message: '{course}: progress report' }, { course: siteConfig.title })}
          {name && translate({ id: 'progress.report.for', message: ' for {name}' }, { name })}
          {today && translate({ id: 'progress.report.printedOn', message: ', printed on {date}' }, { date: today })}
          {translate(
            { id: 'progress.report.from', message: ', from {address}.' },
            {
              address: `${siteConfig.url}${siteConfig.baseUrl}progress`,
            },
          )}
        </p>
        <p className={styles.privacy}>
          <Translate
            id="progress.privacy"
            values={{ kept: <strong>{translate({ id: 'progress.privacy.kept', message: 'Kept in this browser only.' })}</strong> }}
          >
            {
              '{kept} This page reads what this browser saved as you worked: nothing is sent anywhere, and the site has no account or server that could receive it. Another browser or device starts empty. To hand your progress in or move it, print this page or download a file below.'
            }
          </Translate>
        </p>

        <div className={styles.noPrint}>
          <label htmlFor="progress-name" className={styles.nameLabel}>
            {translate({
              id: 'progress.name.label',
              message: 'Your name, printed on the report and written in the file (kept in this browser):',
            })}
          </label>
          <input
            id="progress-name"
            className={styles.nameInput}
            type="text"
            autoComplete="name"
            value={name}
            onChange={(e) => saveStudentName(e.currentTarget.value)}
          />
        </div>

        <p className={styles.totals} data-progress-totals={state ?? 'none'}>
          {translate(
            { id: 'progress.totals.exercises', message: 'Exercises passed: {done} of {total}.' },
            { done: exercisesDone, total: exercises.length },
          )}
          {quizzes.length > 0 &&
            translate(
              { id: 'progress.totals.quizzes', message: ' Quizzes taken: {done} of {total}.' },
              { done: quizzesDone, total: quizzes.length },
            )}
        </p>

        <Tools courseTitle={siteConfig.title} onMessage={setMessage} />
        <div className={styles.noPrint} aria-live="polite">
          {message && (
            <p className={clsx(styles.message, message.kind === 'error' ? styles.error : styles.success)} data-message={message.kind}>
              {message.kind === 'error' && <strong>{translate({ id: 'progress.import.failedTitle', message: 'Import failed. ' })}</strong>}
              {message.text}
            </p>
          )}
        </div>

        {sections.map((section) => (
          <Section key={section.to} section={section} progress={progress} />
        ))}
        <OtherResults known={known} progress={progress} />
      </main>
    </Layout>
  );
}
