/**
 * "How fast is your device?": times the course's training runs in a Web Worker and shows them
 * beside the reference figures that `npm run bench` stored (bench/results.json), with a button
 * that copies the result as text for a process log.
 */
import React, { useRef, useState } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { DEVICE_TASKS } from '@site/bench/tasks';
import results from '@site/bench/results.json';
import { formatDuration } from '@site/code/shared/time';
import { localDecimals } from '@site/src/i18n/numbers';
import styles from './styles.module.css';

type Reference = {
  date: string;
  machine: { os: string; cpu: string; cores: number; node: string };
  tasks: { id: string; rows: { name: string; ms: number | null }[] }[];
};
const reference = results as Reference;

function referenceMs(task: string, row: string): number | null {
  return reference.tasks.find((t) => t.id === task)?.rows.find((r) => r.name === row)?.ms ?? null;
}

/** "2.3× slower" or "1.5× faster" than the reference, or '' when either figure is missing. */
function ratioText(mine: number | undefined, ref: number | null, lang: string): string {
  if (mine === undefined || ref === null) return '';
  const times = (x: number) => x.toLocaleString(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return mine >= ref
    ? translate({ id: 'benchmark.ratio.slower', message: '{times}× slower' }, { times: times(mine / ref) })
    : translate({ id: 'benchmark.ratio.faster', message: '{times}× faster' }, { times: times(ref / mine) });
}

/** A training run's name in the page's language (bench/tasks.ts has the English). */
function taskTitle(task: { id: string; title: string }): string {
  switch (task.id) {
    case 'knn-k-best':
      return translate({ id: 'benchmark.task.knn-k-best', message: 'kNN, keep the k best (1,000 queries, n = 10,000)' });
    case 'knn-kd-tree':
      return translate({ id: 'benchmark.task.knn-kd-tree', message: 'kNN, k-d tree (1,000 queries, n = 10,000)' });
    case 'line':
      return translate({ id: 'benchmark.task.line', message: 'Line fit, 1,000,000 points (typed arrays)' });
    case 'network':
      return translate({
        id: 'benchmark.task.network',
        message: 'Neural network 2-16-1, 1,000 examples, 2,000 epochs (network-fast.ts)',
      });
    default:
      return task.title;
  }
}

export default function DeviceBenchmark() {
  const { i18n } = useDocusaurusContext();
  const lang = i18n.localeConfigs[i18n.currentLocale]?.htmlLang ?? i18n.currentLocale;
  const duration = (ms: number) => localDecimals(formatDuration(ms), lang);
  const notAvailable = translate({ id: 'benchmark.notAvailable', message: 'n/a', description: 'No reference figure' });
  const [times, setTimes] = useState<Record<string, number>>({});
  const [running, setRunning] = useState(false);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const worker = useRef<Worker | null>(null);

  const start = () => {
    worker.current?.terminate();
    setTimes({});
    setCopied(false);
    setError(null);
    setRunning(true);
    const w = new Worker(new URL('./device.worker.ts', import.meta.url), { name: 'device-benchmark' });
    worker.current = w;
    const finish = (message: string | null) => {
      setError(message);
      setRunning(false);
      w.terminate();
    };
    w.onmessage = (event: MessageEvent<{ id?: string; milliseconds?: number; done?: boolean; error?: string }>) => {
      if (event.data.error)
        finish(translate({ id: 'benchmark.error.stopped', message: 'Timing stopped: {reason}' }, { reason: event.data.error }));
      else if (event.data.done) finish(null);
      else setTimes((t) => ({ ...t, [event.data.id!]: event.data.milliseconds! }));
    };
    // A worker that cannot load (or crashes) ends the run with a message instead of "Timing…" forever.
    w.onerror = (event) => {
      event.preventDefault();
      finish(
        translate(
          { id: 'benchmark.error.worker', message: 'Timing stopped: {reason}. Reload the page and try again.' },
          { reason: event.message || translate({ id: 'benchmark.error.workerStart', message: 'the timing worker could not start' }) },
        ),
      );
    };
    w.postMessage({ repeats: 3 });
  };

  const report = () =>
    [
      translate(
        { id: 'benchmark.report.title', message: 'ML on the Edge: how fast is my device? ({date})' },
        { date: new Date().toISOString().slice(0, 10) },
      ),
      translate({ id: 'benchmark.report.browser', message: 'Browser: {browser}' }, { browser: navigator.userAgent }),
      translate(
        { id: 'benchmark.report.processors', message: 'Logical processors: {count}' },
        { count: navigator.hardwareConcurrency ?? translate({ id: 'benchmark.report.unknown', message: 'unknown' }) },
      ),
      ...DEVICE_TASKS.map((task) => {
        const mine = times[task.id];
        const ref = referenceMs(task.reference.task, task.reference.row);
        const ratio = ratioText(mine, ref, lang);
        return translate(
          { id: 'benchmark.report.task', message: '{task}: {mine} (reference {reference}{ratio})' },
          {
            task: taskTitle(task),
            mine: mine === undefined ? translate({ id: 'benchmark.report.notRun', message: 'not run' }) : duration(mine),
            reference: ref === null ? notAvailable : duration(ref),
            ratio: ratio ? `; ${ratio}` : '',
          },
        );
      }),
      translate(
        { id: 'benchmark.report.reference', message: 'Reference: npm run bench on {cpu}, {cores} cores, {os}, Node {node}, {date}' },
        {
          cpu: reference.machine.cpu,
          cores: reference.machine.cores,
          os: reference.machine.os,
          node: reference.machine.node,
          date: reference.date,
        },
      ),
    ].join('\n');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(report());
      setCopied(true);
    } catch {
      setCopied(false);
      window.prompt(translate({ id: 'benchmark.copy.prompt', message: 'Copy this text:' }), report());
    }
  };

  const done = Object.keys(times).length === DEVICE_TASKS.length && !running;
  return (
    <section className={styles.box} aria-label={translate({ id: 'benchmark.label', message: 'Device benchmark' })}>
      <table>
        <thead>
          <tr>
            <th scope="col">{translate({ id: 'benchmark.column.run', message: 'Training run' })}</th>
            <th scope="col">{translate({ id: 'benchmark.column.mine', message: 'Your device' })}</th>
            <th scope="col">{translate({ id: 'benchmark.column.reference', message: 'Reference machine' })}</th>
            <th scope="col" className={styles.ratioColumn}>
              {translate({ id: 'benchmark.column.ratio', message: 'Ratio' })}
            </th>
          </tr>
        </thead>
        <tbody>
          {DEVICE_TASKS.map((task) => {
            const mine = times[task.id];
            const ref = referenceMs(task.reference.task, task.reference.row);
            const ratio = ratioText(mine, ref, lang);
            return (
              <tr key={task.id}>
                <th scope="row">{taskTitle(task)}</th>
                <td>
                  {mine === undefined ? (running ? '…' : '–') : duration(mine)}
                  {ratio && <span className={styles.ratioInline}>{ratio}</span>}
                </td>
                <td>{ref === null ? notAvailable : duration(ref)}</td>
                <td className={styles.ratioColumn}>{ratio}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className={styles.caption}>
        <Translate
          id="benchmark.caption"
          values={{
            command: <code>npm run bench</code>,
            cpu: reference.machine.cpu,
            cores: reference.machine.cores,
            os: reference.machine.os,
            node: reference.machine.node,
            date: reference.date,
          }}
        >
          {
            'Reference: {command} on {cpu} ({cores} cores, {os}, Node {node}), {date}. Your figures are medians of 3 runs after a warm-up, measured in a background thread of this page.'
          }
        </Translate>
      </p>
      <div className={styles.buttons}>
        <button type="button" className="button button--primary" onClick={start} disabled={running}>
          {running
            ? translate({ id: 'benchmark.timing', message: 'Timing…' })
            : translate({ id: 'benchmark.start', message: 'Time my device' })}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void copy()} disabled={!done}>
          {translate({ id: 'benchmark.copy', message: 'Copy the result as text' })}
        </button>
        <span aria-live="polite">
          {copied ? translate({ id: 'benchmark.copied', message: 'Copied: paste it into your process log.' }) : ''}
        </span>
      </div>
      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}
    </section>
  );
}
