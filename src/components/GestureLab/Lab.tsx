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

const percent = (x: number) => `${(100 * x).toFixed(0)}%`;

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
  // This component renders only in the browser (./index.tsx loads it after hydration), so the
  // saved state can be read while it first renders.
  const [initial] = useState(loadState);
  const [state, setState] = useState<LabState>(initial.state);
  const [drafts, setDrafts] = useState<string[]>(initial.state.gestures);
  const [mode, setMode] = useState('0');
  const [last, setLast] = useState<number[] | null>(null);
  const [status, setStatus] = useState(
    initial.state.examples.length > 0 ? `Loaded ${initial.state.examples.length} examples saved in this browser.` : '',
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
  const purpose = mode === TEST ? 'the models guess your next gesture' : `your next gesture is saved as "${gestures[modeIndex] ?? ''}"`;

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
    if (name === '') return 'Give the gesture a name.';
    if (names.some((other, j) => j !== i && other.trim() === name)) return `Another gesture is already called "${name}".`;
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
    while (gestures.includes(`gesture ${n}`)) n++;
    const name = `gesture ${n}`;
    update({ gestures: [...gestures, name], examples }, true);
    setDrafts([...drafts, name]);
    setStatus(`Added a gesture called "${name}": rename it, then record its examples.`);
  };

  const removeGesture = (i: number) => {
    const name = gestures[i];
    const mine = counts[i];
    if (mine > 0 && !window.confirm(`Remove "${name}" and its ${mine} examples from this browser?`)) return;
    update({ gestures: gestures.filter((_, j) => j !== i), examples: examples.filter((e) => e.label !== name) }, true);
    setDrafts(drafts.filter((_, j) => j !== i));
    setMode('0');
    setStatus(`Removed "${name}"${mine > 0 ? ` and its ${mine} examples` : ''}.`);
  };

  // ---- A gesture arrives -------------------------------------------------------------------

  const onStroke = (points: Point[], source: StrokeSource) => {
    setAlert(null);
    let features: number[];
    try {
      features = strokeFeatures(points);
    } catch (error) {
      setStatus('');
      setAlert(`Not used: ${(error as Error).message}.`);
      return;
    }
    setLast(features);
    const from = source === 'motion' ? ' (from the motion sensor)' : '';
    if (mode === TEST) {
      const trained = results?.models;
      if (!trained) {
        setAlert('Train the models first (below), or choose a gesture to record an example of.');
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
      setStatus(`${answers.map((a) => `${a.name} says "${a.label}" (${formatDuration(a.ms)})`).join('; ')}${from}.`);
      return;
    }
    const label = gestures[modeIndex];
    update({ gestures, examples: [...examples, { label, features }] });
    setStatus(`Saved example ${counts[modeIndex] + 1} of "${label}"${from}.`);
  };

  const deleteLast = () => {
    const removed = examples.at(-1);
    if (!removed) return;
    update({ gestures, examples: examples.slice(0, -1) });
    setStatus(`Deleted the last example (a "${removed.label}").`);
  };

  // ---- Training ----------------------------------------------------------------------------

  const trainModels = () => {
    setAlert(null);
    try {
      checkEnough(examples, gestures);
    } catch (error) {
      setAlert(`Not trained yet: ${(error as Error).message}.`);
      return;
    }
    setTraining(true);
    setStatus('Training…');
    const labels = [...gestures];
    const { train, test } = stratifiedSplit(examples, labels, createRng(SPLIT_SEED));
    const t0 = performance.now();
    const knn = trainKnn(train);
    const knnMs = performance.now() - t0;
    trainInWorker({ training: train, labels, seed: NETWORK_SEED }, (w) => {
      worker.current?.terminate();
      worker.current = w;
    })
      .then(({ model: network, ms }) => {
        const models: ModelResult[] = [
          { name: 'kNN', detail: `k = ${knn.k}, training: ${formatDuration(knnMs)} (it only keeps the examples)`, model: knn },
          {
            name: 'Network',
            detail: `${network.network.layerSizes.join('-')}, 300 epochs, training: ${formatDuration(ms)} in a background thread, loss ${network.losses[0].toFixed(3)} → ${network.losses.at(-1)!.toFixed(4)}`,
            model: network,
          },
        ].map((m) => ({ ...m, ...evaluateModel(m.model, test, labels) }));
        setResults({ labels, trainCount: train.length, testCount: test.length, exampleCount: examples.length, models });
        setPredictions(null);
        setMode(TEST);
        setStatus(
          `Trained on ${train.length} examples and tested on ${test.length} held out: ` +
            `${models.map((m) => `${m.name} ${percent(m.accuracy)} correct`).join(', ')}. Your next gesture goes to the models.`,
        );
      })
      .catch((error: Error) => {
        setStatus('');
        setAlert(`Training stopped: ${error.message}`);
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
    setStatus(`Downloaded ${examples.length} examples as gesture-examples.csv.`);
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
      setStatus(`Imported ${imported.length} examples from ${file.name} (${added}), added to the ${examples.length} you had.`);
    } catch (error) {
      setStatus('');
      setAlert(`Nothing imported from ${file.name}: ${(error as Error).message}. Your saved examples are unchanged.`);
    }
  };

  const clearAll = () => {
    if (!window.confirm(`Delete all ${examples.length} examples saved in this browser? Download them first if you want to keep them.`))
      return;
    update({ gestures, examples: [] }, true);
    setLast(null);
    setMode('0');
    setStatus('All examples deleted.');
  };

  const stale = results && results.exampleCount !== examples.length;
  return (
    <div className={styles.lab}>
      <p className={styles.privacy}>
        Everything below runs in this browser: your drawings, their features and the trained models never leave this device. Your examples
        are saved in this browser only.
      </p>

      <fieldset className={styles.group}>
        <legend>1. Your gestures</legend>
        <ul className={styles.gestures}>
          {gestures.map((g, i) => {
            const problem = drafts[i] !== undefined ? nameProblem(drafts, i) : null;
            return (
              <li key={i}>
                <label>
                  <span>Name of gesture {i + 1}</span>
                  <input
                    type="text"
                    value={drafts[i] ?? g}
                    onChange={(e) => rename(i, e.target.value)}
                    aria-invalid={problem ? true : undefined}
                    aria-describedby={problem ? `gesture-problem-${i}` : undefined}
                    maxLength={40}
                  />
                </label>
                <span className={styles.count}>
                  {counts[i]} example{counts[i] === 1 ? '' : 's'}
                </span>
                {gestures.length > 2 && (
                  <button type="button" className="button button--link button--sm" onClick={() => removeGesture(i)}>
                    Remove<span className="sr-only"> {g}</span>
                  </button>
                )}
                {problem && (
                  <span id={`gesture-problem-${i}`} className={styles.error}>
                    {problem} The name "{g}" is kept.
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
          Add a gesture
        </button>
      </fieldset>

      <fieldset className={styles.group}>
        <legend>2. Draw</legend>
        <fieldset className={styles.modes}>
          <legend>Your next gesture is:</legend>
          {gestures.map((g, i) => (
            <label key={i} className={styles.mode}>
              <input type="radio" name="gesture-mode" value={String(i)} checked={mode === String(i)} onChange={() => setMode(String(i))} />
              an example of “{g}”
            </label>
          ))}
          <label className={styles.mode}>
            <input type="radio" name="gesture-mode" value={TEST} checked={mode === TEST} onChange={() => setMode(TEST)} />a test: the models
            guess
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
              <dl className={styles.predictions} aria-label="What the models say">
                {predictions.map((p) => (
                  <div key={p.name}>
                    <dt>{p.name}</dt>
                    <dd>
                      <strong>{p.label}</strong>{' '}
                      <span className={styles.time}>
                        {formatDuration(p.ms)} per prediction (mean of {p.runs})
                      </span>
                    </dd>
                  </div>
                ))}
              </dl>
            )}
            {last && <FeaturePlot features={last} />}
            <button type="button" className="button button--secondary button--sm" onClick={deleteLast} disabled={examples.length === 0}>
              Delete the last example
            </button>
          </div>
        </div>
      </fieldset>

      <fieldset className={styles.group}>
        <legend>3. Train and test</legend>
        <p className={styles.note}>
          {examples.length} examples in all ({gestures.map((g, i) => `${counts[i]} ${g}`).join(', ')}). Each gesture needs at least{' '}
          {MIN_EXAMPLES_PER_GESTURE}. One in {HOLD_OUT_EVERY} examples of each gesture, chosen at random, is held out for testing.
        </p>
        <button type="button" className="button button--primary" onClick={trainModels} disabled={training}>
          {training ? 'Training…' : 'Train both models'}
        </button>
        {stale && <p className={styles.note}>Your examples have changed since training: train again to use them all.</p>}
        {results && (
          <div className={styles.results} aria-label="Training results" role="group">
            <p>
              Trained on {results.trainCount} examples; tested on {results.testCount} held-out examples.
            </p>
            {results.models.map((m) => (
              <div key={m.name} className={styles.model}>
                <p>
                  <strong>{m.name}</strong>: {percent(m.accuracy)} of the held-out examples right (
                  {Math.round(m.accuracy * results.testCount)} of {results.testCount}). <span className={styles.time}>{m.detail}</span>
                </p>
                <ConfusionTable
                  caption={`${m.name}: confusion matrix on the held-out examples`}
                  labels={results.labels}
                  matrix={m.matrix}
                />
              </div>
            ))}
          </div>
        )}
      </fieldset>

      <fieldset className={styles.group}>
        <legend>4. Your data</legend>
        <div className={styles.buttons}>
          <button type="button" className="button button--secondary button--sm" onClick={download} disabled={examples.length === 0}>
            Download as CSV
          </button>
          <button type="button" className="button button--secondary button--sm" onClick={() => fileInput.current?.click()}>
            Import a CSV file
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
            Delete all examples
          </button>
        </div>
      </fieldset>
    </div>
  );
}
