/**
 * The gesture lab itself (loaded by ./index.tsx when the reader nears it): name gestures, record
 * examples, see their features, train kNN and the network on them, read the held-out accuracy
 * and confusion matrices, then draw and watch both models answer, with the time each takes.
 * Examples are saved in this browser and can be downloaded, imported and cleared.
 *
 * The machine learning is code/gesture/*.ts, the same files the page shows and the unit tests
 * check; this file is only the stage. kNN "trains" here (it keeps the examples); the network
 * trains in a Web Worker (./train.worker.ts): 120 examples take about 0.3 s under Node on the
 * course's build machine, several times that on a slow phone, too long to freeze the page.
 */
import React, { useEffect, useRef, useState } from 'react';
import { translate } from '@docusaurus/Translate';
import { usePluralForm } from '@docusaurus/theme-common';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { strokeFeatures, type Point } from '@site/code/gesture/features';
import {
  HOLD_OUT_EVERY,
  MIN_EXAMPLES_PER_GESTURE,
  checkEnough,
  countByLabel,
  fromCsv,
  stratifiedSplit,
  toCsv,
} from '@site/code/gesture/examples';
import { evaluateModel, predictLabel, timePerCall, trainKnn, type GestureModel, type NetworkModel } from '@site/code/gesture/models';
import type { Example } from '@site/code/knn/knn';
import { createRng } from '@site/code/shared/random';
import { formatDuration } from '@site/code/shared/time';
import { localDecimals } from '@site/src/i18n/numbers';
import DrawingPad, { type StrokeSource } from './DrawingPad';
import FeaturePlot from './FeaturePlot';
import ConfusionTable from './ConfusionTable';
import { loadState, saveState, type LabState } from './storage';
import type { TrainRequest } from './train.worker';
import styles from './styles.module.css';

const TEST = 'test';
const MAX_GESTURES = 6;
const SPLIT_SEED = 13;
const NETWORK_SEED = 7;

type ModelResult = { name: string; detail: string; model: GestureModel; accuracy: number; matrix: number[][] };
type Results = {
  labels: string[];
  trainCount: number;
  testCount: number;
  exampleCount: number;
  models: ModelResult[];
};
type Prediction = { name: string; label: string; ms: number; runs: number };

/** "83%" in English, "83 %" in French: the page's language formats it. */
const percent = (x: number, lang: string) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(x);

/**
 * The reader's words for the messages of code/gesture/*.ts (which stays in English: it is the
 * code the page shows): the ones a reader can meet here, in the page's language; any other as it is.
 */
function readerReason(error: Error): string {
  const m = error.message;
  let match = /^a stroke needs at least 2 points to have a shape, got (\d+): draw a line or a curve, not a dot$/.exec(m);
  if (match) {
    return translate(
      {
        id: 'gesture.reason.tooShort',
        message: 'a stroke needs at least 2 points to have a shape, got {count}: draw a line or a curve, not a dot',
      },
      { count: match[1] },
    );
  }
  if (m === 'the stroke has zero length (every point is in the same place): move while you draw') {
    return translate({
      id: 'gesture.reason.zeroLength',
      message: 'the stroke has zero length (every point is in the same place): move while you draw',
    });
  }
  if (m === 'every point is at the centroid: the shape has no size') {
    return translate({ id: 'gesture.reason.noSize', message: 'every point is at the centroid: the shape has no size' });
  }
  match = /^a classifier needs at least 2 gestures to tell apart, got (\d+)$/.exec(m);
  if (match) {
    return translate(
      { id: 'gesture.reason.tooFewGestures', message: 'a classifier needs at least 2 gestures to tell apart, got {count}' },
      { count: match[1] },
    );
  }
  return m;
}

/** What `fn` returns, and how long it took in ms. */
function timed<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const value = fn();
  return [value, performance.now() - t0];
}

/** Trains the network in a worker; the promise fails with a message if the worker does. */
function trainInWorker(request: TrainRequest, started: (worker: Worker) => void): Promise<{ model: NetworkModel; ms: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./train.worker.ts', import.meta.url), { name: 'gesture-training' });
    started(worker);
    worker.onmessage = (event: MessageEvent<{ model: NetworkModel; ms: number } | { error: string }>) => {
      worker.terminate();
      if ('error' in event.data) reject(new Error(event.data.error));
      else resolve(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      reject(new Error(event.message || 'the training worker could not start'));
    };
    worker.postMessage(request);
  });
}

export default function Lab() {
  const { i18n } = useDocusaurusContext();
  const lang = i18n.localeConfigs[i18n.currentLocale]?.htmlLang ?? i18n.currentLocale;
  const { selectMessage } = usePluralForm();
  /** "1 example", "5 examples". */
  /** A duration as code/shared/time.ts writes it, with the page's decimal separator. */
  const duration = (ms: number) => localDecimals(formatDuration(ms), lang);
  const decimal = (x: number, digits: number) => x.toLocaleString(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const examplesText = (count: number) =>
    selectMessage(count, translate({ id: 'gesture.count.examples', message: '{count} example|{count} examples' }, { count }));
  // This component renders only in the browser (./index.tsx loads it after hydration), so the
  // saved state can be read while it first renders.
  const [initial] = useState(loadState);
  const [state, setState] = useState<LabState>(initial.state);
  const [drafts, setDrafts] = useState<string[]>(initial.state.gestures);
  const [mode, setMode] = useState('0');
  const [last, setLast] = useState<number[] | null>(null);
  const [status, setStatus] = useState(
    initial.state.examples.length > 0
      ? translate(
          { id: 'gesture.status.loaded', message: 'Loaded {examples} saved in this browser.' },
          { examples: examplesText(initial.state.examples.length) },
        )
      : '',
  );
  const [alert, setAlert] = useState<string | null>(initial.problem ?? null);
  const [results, setResults] = useState<Results | null>(null);
  const [training, setTraining] = useState(false);
  const [predictions, setPredictions] = useState<Prediction[] | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const worker = useRef<Worker | null>(null);
  useEffect(() => () => worker.current?.terminate(), []);

  const { gestures, examples } = state;
  const counts = countByLabel(examples, gestures);
  const modeIndex = mode === TEST ? -1 : Number(mode);
  const purpose =
    mode === TEST
      ? translate({ id: 'gesture.purpose.test', message: 'the models guess your next gesture' })
      : translate({ id: 'gesture.purpose.record', message: 'your next gesture is saved as "{name}"' }, { name: gestures[modeIndex] ?? '' });

  /** Every change goes through here: saved in this browser at once. */
  const update = (next: LabState, forgetModels = false) => {
    setState(next);
    const problem = saveState(next);
    if (problem) setAlert(problem);
    if (forgetModels) {
      setResults(null);
      setPredictions(null);
    }
  };

  // ---- Gestures: names ---------------------------------------------------------------------

  const nameProblem = (names: string[], i: number): string | null => {
    const name = names[i].trim();
    if (name === '') return translate({ id: 'gesture.name.empty', message: 'Give the gesture a name.' });
    if (names.some((other, j) => j !== i && other.trim() === name)) {
      return translate({ id: 'gesture.name.taken', message: 'Another gesture is already called "{name}".' }, { name });
    }
    return null;
  };

  const rename = (i: number, value: string) => {
    const next = drafts.map((d, j) => (j === i ? value : d));
    setDrafts(next);
    if (nameProblem(next, i)) return;
    const before = gestures[i];
    const after = value.trim();
    if (before === after) return;
    update(
      {
        gestures: gestures.map((g, j) => (j === i ? after : g)),
        examples: examples.map((e) => (e.label === before ? { ...e, label: after } : e)),
      },
      true,
    );
  };

  const addGesture = () => {
    let n = gestures.length + 1;
    const defaultName = (k: number) => translate({ id: 'gesture.name.default', message: 'gesture {n}' }, { n: k });
    while (gestures.includes(defaultName(n))) n++;
    const name = defaultName(n);
    update({ gestures: [...gestures, name], examples }, true);
    setDrafts([...drafts, name]);
    setStatus(
      translate({ id: 'gesture.status.added', message: 'Added a gesture called "{name}": rename it, then record its examples.' }, { name }),
    );
  };

  const removeGesture = (i: number) => {
    const name = gestures[i];
    const mine = counts[i];
    if (
      mine > 0 &&
      !window.confirm(
        translate(
          { id: 'gesture.remove.confirm', message: 'Remove "{name}" and its {examples} from this browser?' },
          { name, examples: examplesText(mine) },
        ),
      )
    )
      return;
    update({ gestures: gestures.filter((_, j) => j !== i), examples: examples.filter((e) => e.label !== name) }, true);
    setDrafts(drafts.filter((_, j) => j !== i));
    setMode('0');
    setStatus(
      mine > 0
        ? translate(
            { id: 'gesture.status.removedWithExamples', message: 'Removed "{name}" and its {examples}.' },
            { name, examples: examplesText(mine) },
          )
        : translate({ id: 'gesture.status.removed', message: 'Removed "{name}".' }, { name }),
    );
  };

  // ---- A gesture arrives -------------------------------------------------------------------

  const onStroke = (points: Point[], source: StrokeSource) => {
    setAlert(null);
    let features: number[];
    try {
      features = strokeFeatures(points);
    } catch (error) {
      setStatus('');
      setAlert(translate({ id: 'gesture.alert.notUsed', message: 'Not used: {reason}.' }, { reason: readerReason(error as Error) }));
      return;
    }
    setLast(features);
    const from = source === 'motion' ? translate({ id: 'gesture.status.fromMotion', message: ' (from the motion sensor)' }) : '';
    if (mode === TEST) {
      const trained = results?.models;
      if (!trained) {
        setAlert(
          translate({
            id: 'gesture.alert.trainFirst',
            message: 'Train the models first (below), or choose a gesture to record an example of.',
          }),
        );
        return;
      }
      const answers = trained.map(({ name, model }) => {
        const label = predictLabel(model, features);
        const { ms, runs } = timePerCall(
          () => predictLabel(model, features),
          () => performance.now(),
        );
        return { name, label, ms, runs };
      });
      setPredictions(answers);
      setStatus(
        `${answers
          .map((a) =>
            translate(
              { id: 'gesture.status.says', message: '{model} says "{label}" ({time})' },
              { model: a.name, label: a.label, time: duration(a.ms) },
            ),
          )
          .join('; ')}${from}.`,
      );
      return;
    }
    const label = gestures[modeIndex];
    update({ gestures, examples: [...examples, { label, features }] });
    setStatus(
      translate(
        { id: 'gesture.status.saved', message: 'Saved example {n} of "{label}"{from}.' },
        { n: counts[modeIndex] + 1, label, from },
      ),
    );
  };

  const deleteLast = () => {
    const removed = examples.at(-1);
    if (!removed) return;
    update({ gestures, examples: examples.slice(0, -1) });
    setStatus(
      translate({ id: 'gesture.status.deletedLast', message: 'Deleted the last example (a "{label}").' }, { label: removed.label }),
    );
  };

  // ---- Training ----------------------------------------------------------------------------

  const trainModels = () => {
    setAlert(null);
    try {
      // The lab's own words for too few examples (checkEnough's are English, and it stays the judge).
      const short = gestures.length >= 2 ? gestures.filter((_, i) => counts[i] < MIN_EXAMPLES_PER_GESTURE) : [];
      if (short.length > 0) {
        throw new Error(
          translate(
            { id: 'gesture.reason.tooFewExamples', message: 'record at least {min} examples of every gesture: {list}' },
            {
              min: MIN_EXAMPLES_PER_GESTURE,
              list: short
                .map((g) =>
                  translate(
                    { id: 'gesture.reason.tooFewExamples.item', message: '"{name}" has {count}' },
                    { name: g, count: counts[gestures.indexOf(g)] },
                  ),
                )
                .join(', '),
            },
          ),
        );
      }
      checkEnough(examples, gestures);
    } catch (error) {
      setAlert(
        translate({ id: 'gesture.alert.notTrained', message: 'Not trained yet: {reason}.' }, { reason: readerReason(error as Error) }),
      );
      return;
    }
    setTraining(true);
    setStatus(translate({ id: 'gesture.training', message: 'Training…' }));
    const labels = [...gestures];
    const { train, test } = stratifiedSplit(examples, labels, createRng(SPLIT_SEED));
    const [knn, knnMs] = timed(() => trainKnn(train));
    trainInWorker({ training: train, labels, seed: NETWORK_SEED }, (w) => {
      worker.current?.terminate();
      worker.current = w;
    })
      .then(({ model: network, ms }) => {
        const models: ModelResult[] = [
          {
            name: translate({ id: 'gesture.model.knn', message: 'kNN' }),
            detail: translate(
              { id: 'gesture.model.knn.detail', message: 'k = {k}, training: {time} (it only keeps the examples)' },
              { k: knn.k, time: duration(knnMs) },
            ),
            model: knn,
          },
          {
            name: translate({ id: 'gesture.model.network', message: 'Network' }),
            detail: translate(
              {
                id: 'gesture.model.network.detail',
                message: '{layers}, 300 epochs, training: {time} in a background thread, loss {first} → {last}',
              },
              {
                layers: network.network.layerSizes.join('-'),
                time: duration(ms),
                first: decimal(network.losses[0], 3),
                last: decimal(network.losses.at(-1)!, 4),
              },
            ),
            model: network,
          },
        ].map((m) => ({ ...m, ...evaluateModel(m.model, test, labels) }));
        setResults({ labels, trainCount: train.length, testCount: test.length, exampleCount: examples.length, models });
        setPredictions(null);
        setMode(TEST);
        setStatus(
          translate(
            {
              id: 'gesture.status.trained',
              message: 'Trained on {train} and tested on {test} held out: {scores}. Your next gesture goes to the models.',
            },
            {
              train: examplesText(train.length),
              test: test.length,
              scores: models
                .map((m) =>
                  translate(
                    { id: 'gesture.status.trained.score', message: '{model} {percent} correct' },
                    { model: m.name, percent: percent(m.accuracy, lang) },
                  ),
                )
                .join(', '),
            },
          ),
        );
      })
      .catch((error: Error) => {
        setStatus('');
        setAlert(
          translate({ id: 'gesture.alert.trainingStopped', message: 'Training stopped: {reason}' }, { reason: readerReason(error) }),
        );
      })
      .finally(() => {
        worker.current = null;
        setTraining(false);
      });
  };

  // ---- Download, import, clear -------------------------------------------------------------

  const download = () => {
    const blob = new Blob([toCsv(examples)], { type: 'text/csv' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'gesture-examples.csv';
    document.body.appendChild(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
    setStatus(
      translate(
        { id: 'gesture.status.downloaded', message: 'Downloaded {examples} as {file}.' },
        { examples: examplesText(examples.length), file: a.download },
      ),
    );
  };

  const importFile = async (file: File) => {
    setAlert(null);
    try {
      const imported: Example[] = fromCsv(await file.text());
      const names = [...gestures];
      for (const e of imported) if (!names.includes(e.label)) names.push(e.label);
      update({ gestures: names, examples: [...examples, ...imported] }, names.length !== gestures.length);
      setDrafts(names);
      const added = countByLabel(imported, names)
        .map((n, i) => (n > 0 ? `${n} ${names[i]}` : ''))
        .filter(Boolean)
        .join(', ');
      setStatus(
        translate(
          { id: 'gesture.status.imported', message: 'Imported {examples} from {file} ({added}), added to the {had} you had.' },
          { examples: examplesText(imported.length), file: file.name, added, had: examples.length },
        ),
      );
    } catch (error) {
      setStatus('');
      setAlert(
        translate(
          { id: 'gesture.alert.importFailed', message: 'Nothing imported from {file}: {reason}. Your saved examples are unchanged.' },
          { file: file.name, reason: readerReason(error as Error) },
        ),
      );
    }
  };

  const clearAll = () => {
    const question = translate(
      {
        id: 'gesture.clear.confirm',
        message: 'Delete all {count} examples saved in this browser? Download them first if you want to keep them.',
      },
      { count: examples.length },
    );
    if (!window.confirm(question)) return;
    update({ gestures, examples: [] }, true);
    setLast(null);
    setMode('0');
    setStatus(translate({ id: 'gesture.status.cleared', message: 'All examples deleted.' }));
  };

  const stale = results && results.exampleCount !== examples.length;
  return (
    <div className={styles.lab}>
      <p className={styles.privacy}>
        {translate({
          id: 'gesture.privacy',
          message:
            'Everything below runs in this browser: your drawings, their features and the trained models never leave this device. Your examples are saved in this browser only.',
        })}
      </p>

      <fieldset className={styles.group}>
        <legend>{translate({ id: 'gesture.step.gestures', message: '1. Your gestures' })}</legend>
        <ul className={styles.gestures}>
          {gestures.map((g, i) => {
            const problem = drafts[i] !== undefined ? nameProblem(drafts, i) : null;
            return (
              <li key={i}>
                <label>
                  <span>{translate({ id: 'gesture.name.label', message: 'Name of gesture {n}' }, { n: i + 1 })}</span>
                  <input
                    type="text"
                    value={drafts[i] ?? g}
                    onChange={(e) => rename(i, e.target.value)}
                    aria-invalid={problem ? true : undefined}
                    aria-describedby={problem ? `gesture-problem-${i}` : undefined}
                    maxLength={40}
                  />
                </label>
                <span className={styles.count}>{examplesText(counts[i])}</span>
                {gestures.length > 2 && (
                  <button type="button" className="button button--link button--sm" onClick={() => removeGesture(i)}>
                    {translate({ id: 'gesture.remove', message: 'Remove' })}
                    <span className="sr-only"> {g}</span>
                  </button>
                )}
                {problem && (
                  <span id={`gesture-problem-${i}`} className={styles.error}>
                    {problem} {translate({ id: 'gesture.name.kept', message: 'The name "{name}" is kept.' }, { name: g })}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
        <button
          type="button"
          className="button button--secondary button--sm"
          onClick={addGesture}
          disabled={gestures.length >= MAX_GESTURES}
        >
          {translate({ id: 'gesture.add', message: 'Add a gesture' })}
        </button>
      </fieldset>

      <fieldset className={styles.group}>
        <legend>{translate({ id: 'gesture.step.draw', message: '2. Draw' })}</legend>
        <fieldset className={styles.modes}>
          <legend>{translate({ id: 'gesture.mode.legend', message: 'Your next gesture is:' })}</legend>
          {gestures.map((g, i) => (
            <label key={i} className={styles.mode}>
              <input type="radio" name="gesture-mode" value={String(i)} checked={mode === String(i)} onChange={() => setMode(String(i))} />
              {translate({ id: 'gesture.mode.example', message: 'an example of “{name}”' }, { name: g })}
            </label>
          ))}
          <label className={styles.mode}>
            <input type="radio" name="gesture-mode" value={TEST} checked={mode === TEST} onChange={() => setMode(TEST)} />
            {translate({ id: 'gesture.mode.test', message: 'a test: the models guess' })}
          </label>
        </fieldset>
        <div className={styles.drawRow}>
          <DrawingPad onStroke={onStroke} onMessage={(m) => setStatus(m)} purpose={purpose} />
          <div className={styles.side}>
            <p aria-live="polite" className={styles.status}>
              {status}
            </p>
            {alert && (
              <p role="alert" className={styles.error}>
                {alert}
              </p>
            )}
            {predictions && mode === TEST && (
              <dl className={styles.predictions} aria-label={translate({ id: 'gesture.predictions', message: 'What the models say' })}>
                {predictions.map((p) => (
                  <div key={p.name}>
                    <dt>{p.name}</dt>
                    <dd>
                      <strong>{p.label}</strong>{' '}
                      <span className={styles.time}>
                        {translate(
                          { id: 'gesture.prediction.time', message: '{time} per prediction (mean of {runs})' },
                          { time: duration(p.ms), runs: p.runs.toLocaleString(lang) },
                        )}
                      </span>
                    </dd>
                  </div>
                ))}
              </dl>
            )}
            {last && <FeaturePlot features={last} />}
            <button type="button" className="button button--secondary button--sm" onClick={deleteLast} disabled={examples.length === 0}>
              {translate({ id: 'gesture.deleteLast', message: 'Delete the last example' })}
            </button>
          </div>
        </div>
      </fieldset>

      <fieldset className={styles.group}>
        <legend>{translate({ id: 'gesture.step.train', message: '3. Train and test' })}</legend>
        <p className={styles.note}>
          {translate(
            {
              id: 'gesture.train.note',
              message:
                '{examples} in all ({byGesture}). Each gesture needs at least {min}. One in {every} examples of each gesture, chosen at random, is held out for testing.',
            },
            {
              examples: examplesText(examples.length),
              byGesture: gestures.map((g, i) => `${counts[i]} ${g}`).join(', '),
              min: MIN_EXAMPLES_PER_GESTURE,
              every: HOLD_OUT_EVERY,
            },
          )}
        </p>
        <button type="button" className="button button--primary" onClick={trainModels} disabled={training}>
          {training
            ? translate({ id: 'gesture.training', message: 'Training…' })
            : translate({ id: 'gesture.train', message: 'Train both models' })}
        </button>
        {stale && (
          <p className={styles.note}>
            {translate({ id: 'gesture.train.stale', message: 'Your examples have changed since training: train again to use them all.' })}
          </p>
        )}
        {results && (
          <div className={styles.results} aria-label={translate({ id: 'gesture.results', message: 'Training results' })} role="group">
            <p>
              {translate(
                { id: 'gesture.results.split', message: 'Trained on {train}; tested on {test} held-out examples.' },
                { train: examplesText(results.trainCount), test: results.testCount },
              )}
            </p>
            {results.models.map((m) => (
              <div key={m.name} className={styles.model}>
                <p>
                  <strong>{m.name}</strong>
                  {translate(
                    { id: 'gesture.results.accuracy', message: ': {percent} of the held-out examples right ({right} of {total}).' },
                    { percent: percent(m.accuracy, lang), right: Math.round(m.accuracy * results.testCount), total: results.testCount },
                  )}{' '}
                  <span className={styles.time}>{m.detail}</span>
                </p>
                <ConfusionTable
                  caption={translate(
                    { id: 'gesture.results.confusionCaption', message: '{model}: confusion matrix on the held-out examples' },
                    { model: m.name },
                  )}
                  labels={results.labels}
                  matrix={m.matrix}
                />
              </div>
            ))}
          </div>
        )}
      </fieldset>

      <fieldset className={styles.group}>
        <legend>{translate({ id: 'gesture.step.data', message: '4. Your data' })}</legend>
        <div className={styles.buttons}>
          <button type="button" className="button button--secondary button--sm" onClick={download} disabled={examples.length === 0}>
            {translate({ id: 'gesture.download', message: 'Download as CSV' })}
          </button>
          <button type="button" className="button button--secondary button--sm" onClick={() => fileInput.current?.click()}>
            {translate({ id: 'gesture.import', message: 'Import a CSV file' })}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".csv,text/csv"
            className={styles.file}
            tabIndex={-1}
            aria-hidden="true"
            data-testid="gesture-import"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void importFile(file);
            }}
          />
          <button type="button" className="button button--secondary button--sm" onClick={clearAll} disabled={examples.length === 0}>
            {translate({ id: 'gesture.clear', message: 'Delete all examples' })}
          </button>
        </div>
      </fieldset>
    </div>
  );
}
