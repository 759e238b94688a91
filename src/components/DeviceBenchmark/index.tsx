/**
 * "How fast is your device?": times the course's training runs in a Web Worker and shows them
 * beside the reference figures that `npm run bench` stored (bench/results.json), with a button
 * that copies the result as text for a process log.
 */
import React, { useRef, useState } from 'react';
import { DEVICE_TASKS } from '@site/bench/tasks';
import results from '@site/bench/results.json';
import { formatDuration } from '@site/code/shared/time';
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
function ratioText(mine: number | undefined, ref: number | null): string {
  if (mine === undefined || ref === null) return '';
  return mine >= ref ? `${(mine / ref).toFixed(1)}× slower` : `${(ref / mine).toFixed(1)}× faster`;
}

export default function DeviceBenchmark() {
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
      if (event.data.error) finish(`Timing stopped: ${event.data.error}`);
      else if (event.data.done) finish(null);
      else setTimes((t) => ({ ...t, [event.data.id!]: event.data.milliseconds! }));
    };
    // A worker that cannot load (or crashes) ends the run with a message instead of "Timing…" forever.
    w.onerror = (event) => {
      event.preventDefault();
      finish(`Timing stopped: ${event.message || 'the timing worker could not start'}. Reload the page and try again.`);
    };
    w.postMessage({ repeats: 3 });
  };

  const report = () =>
    [
      `ML on the Edge: how fast is my device? (${new Date().toISOString().slice(0, 10)})`,
      `Browser: ${navigator.userAgent}`,
      `Logical processors: ${navigator.hardwareConcurrency ?? 'unknown'}`,
      ...DEVICE_TASKS.map((task) => {
        const mine = times[task.id];
        const ref = referenceMs(task.reference.task, task.reference.row);
        const ratio = ratioText(mine, ref);
        return `${task.title}: ${mine === undefined ? 'not run' : formatDuration(mine)} (reference ${ref === null ? 'n/a' : formatDuration(ref)}${ratio ? `; ${ratio}` : ''})`;
      }),
      `Reference: npm run bench on ${reference.machine.cpu}, ${reference.machine.cores} cores, ${reference.machine.os}, Node ${reference.machine.node}, ${reference.date}`,
    ].join('\n');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(report());
      setCopied(true);
    } catch {
      setCopied(false);
      window.prompt('Copy this text:', report());
    }
  };

  const done = Object.keys(times).length === DEVICE_TASKS.length && !running;
  return (
    <section className={styles.box} aria-label="Device benchmark">
      <table>
        <thead>
          <tr>
            <th scope="col">Training run</th>
            <th scope="col">Your device</th>
            <th scope="col">Reference machine</th>
            <th scope="col" className={styles.ratioColumn}>
              Ratio
            </th>
          </tr>
        </thead>
        <tbody>
          {DEVICE_TASKS.map((task) => {
            const mine = times[task.id];
            const ref = referenceMs(task.reference.task, task.reference.row);
            const ratio = ratioText(mine, ref);
            return (
              <tr key={task.id}>
                <th scope="row">{task.title}</th>
                <td>
                  {mine === undefined ? (running ? '…' : '–') : formatDuration(mine)}
                  {ratio && <span className={styles.ratioInline}>{ratio}</span>}
                </td>
                <td>{ref === null ? 'n/a' : formatDuration(ref)}</td>
                <td className={styles.ratioColumn}>{ratio}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className={styles.caption}>
        Reference: <code>npm run bench</code> on {reference.machine.cpu} ({reference.machine.cores} cores, {reference.machine.os}, Node{' '}
        {reference.machine.node}), {reference.date}. Your figures are medians of 3 runs after a warm-up, measured in a background thread of
        this page.
      </p>
      <div className={styles.buttons}>
        <button type="button" className="button button--primary" onClick={start} disabled={running}>
          {running ? 'Timing…' : 'Time my device'}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void copy()} disabled={!done}>
          Copy the result as text
        </button>
        <span aria-live="polite">{copied ? 'Copied: paste it into your process log.' : ''}</span>
      </div>
      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}
    </section>
  );
}
