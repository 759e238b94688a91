/**
 * Federated learning you can play with. Several simulated devices, each a Web Worker holding
 * its own slice of a dataset, train the shared network locally and send back only their
 * weights; the "server" (this page) averages them, weighted by example count, round after round.
 * Beside it, the same network trained centrally on all the data with the same number of epochs.
 *
 * Controls: number of devices, how uneven their slices are, local epochs, rounds, the chance a
 * device misses a round. The chart shows test accuracy per round for both; the table shows what
 * travelled over the network compared with uploading the raw data.
 * The algorithm is code/federated/fedavg.ts (tested under Node); this file is only the stage.
 */
import React, { useEffect, useMemo, useRef, useState } from 'react';
import { translate } from '@docusaurus/Translate';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { createRng } from '@site/code/shared/random';
import { createNetwork } from '@site/code/neural-network/network';
import {
  checkRun,
  chooseDevices,
  evaluate,
  finishRound,
  parameterCount,
  rawDataBytes,
  toTrainingExamples,
  validateSettings,
  type DeviceUpdate,
  type FederatedSettings,
  type Network,
  type TrainingExample,
} from '@site/code/federated/fedavg';
import Chart from '@site/src/components/Chart';
import { DEFAULTS, POSITIVE, dropoutRng, initialNetwork, playgroundData } from './experiment';
import styles from './styles.module.css';

type Point = { round: number; federated: number; central: number; participating: number; bytes: number };

/** Learning rates the slider offers (a log scale: each about three times the last). */
const LEARNING_RATES = [0.03, 0.1, 0.3, 1, 3];

/** A pool of device workers that answers one training request at a time per device. */
class DevicePool {
  private workers: Worker[] = [];
  private pending = new Map<number, { resolve: (update: DeviceUpdate) => void; reject: (error: Error) => void }>();
  private nextId = 0;

  /** @param names what each worker stands for, in error messages ("device 1", …) */
  constructor(names: string[]) {
    for (let i = 0; i < names.length; i++) {
      const worker = new Worker(new URL('./device.worker.ts', import.meta.url));
      worker.onmessage = (event: MessageEvent<(DeviceUpdate | { error: string }) & { id: number }>) => {
        const { id } = event.data;
        const job = this.pending.get(id);
        this.pending.delete(id);
        if ('error' in event.data) job?.reject(new Error(`${names[i]}: ${event.data.error}`));
        else job?.resolve({ network: event.data.network, exampleCount: event.data.exampleCount });
      };
      // A worker that cannot load or crashes fails every job still waiting, so the page never hangs.
      worker.onerror = (event) => {
        event.preventDefault();
        this.failAll(
          new Error(
            translate(
              { id: 'federated.error.workerStopped', message: '{device} stopped: {reason}' },
              {
                device: names[i],
                reason: event.message || translate({ id: 'federated.error.workerStart', message: 'its worker could not start' }),
              },
            ),
          ),
        );
      };
      this.workers.push(worker);
    }
  }

  train(device: number, network: Network, examples: TrainingExample[], settings: FederatedSettings): Promise<DeviceUpdate> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[device].postMessage({ id, network, examples, localEpochs: settings.localEpochs, learningRate: settings.learningRate });
    });
  }

  private failAll(error: Error): void {
    this.pending.forEach((job) => job.reject(error));
    this.pending.clear();
  }

  terminate(): void {
    this.workers.forEach((w) => w.terminate());
    this.workers = [];
    this.failAll(new Error('stopped'));
  }
}

/** "512 B", "1.5 KB", "2.25 MB" (in French "512 o", "1,5 ko", "2,25 Mo"). */
function formatBytes(bytes: number, lang: string): string {
  const number = (x: number, digits: number) =>
    x.toLocaleString(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false });
  if (bytes < 1024) return translate({ id: 'federated.bytes.b', message: '{n} B' }, { n: number(bytes, 0) });
  if (bytes < 1024 * 1024) return translate({ id: 'federated.bytes.kb', message: '{n} KB' }, { n: number(bytes / 1024, 1) });
  return translate({ id: 'federated.bytes.mb', message: '{n} MB' }, { n: number(bytes / 1024 / 1024, 2) });
}

/** The moons' labels ("upper", "lower") as the reader reads them. */
function moonName(label: string): string {
  if (label === 'upper') return translate({ id: 'federated.moon.upper', message: 'upper' });
  if (label === 'lower') return translate({ id: 'federated.moon.lower', message: 'lower' });
  return label;
}

export default function FederatedPlayground() {
  const { i18n } = useDocusaurusContext();
  const lang = i18n.localeConfigs[i18n.currentLocale]?.htmlLang ?? i18n.currentLocale;
  /** 0.5 → "50%" ("50 %" in French). */
  const percent = (x: number, digits = 0) =>
    new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
  const bytes = (n: number) => formatBytes(n, lang);
  const [settings, setSettings] = useState(DEFAULTS);
  const [history, setHistory] = useState<Point[]>([]);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const stopRequested = useRef(false);
  const pool = useRef<DevicePool | null>(null);

  // The data: two interleaving half-moons, split into train/test, then shared out to devices.
  const data = useMemo(() => playgroundData(settings.devices, settings.skew), [settings.devices, settings.skew]);

  useEffect(() => () => pool.current?.terminate(), []);

  const update = (key: keyof FederatedSettings) => (event: React.ChangeEvent<HTMLInputElement>) => {
    setSettings((s) => ({ ...s, [key]: Number(event.target.value) }));
    setHistory([]);
  };

  async function run() {
    const initial = initialNetwork(settings.hidden);
    const slices = data.slices.map((s) => toTrainingExamples(s, POSITIVE));
    try {
      validateSettings(settings);
      checkRun(initial, slices, data.test, settings);
    } catch (e) {
      setError((e as Error).message);
      return;
    }
    setError(null);
    setHistory([]);
    setRunning(true);
    stopRequested.current = false;
    pool.current?.terminate();
    // One worker per device, plus one for the central model.
    const devices = new DevicePool([
      ...slices.map((_, i) => translate({ id: 'federated.error.device', message: 'device {n}' }, { n: i + 1 })),
      translate({ id: 'federated.error.central', message: 'the central model' }),
    ]);
    pool.current = devices;
    const rng = dropoutRng();
    const all = toTrainingExamples(data.train, POSITIVE);
    const devicesWithData = slices.filter((s) => s.length > 0).length;
    let shared = initial;
    let central = initial;
    try {
      for (let round = 1; round <= settings.rounds && !stopRequested.current; round++) {
        // The same steps as runFederated in code/federated/fedavg.ts, with each device in a worker.
        const chosen = chooseDevices(slices, settings.dropout, rng);
        const [updates, centralUpdate] = await Promise.all([
          Promise.all(chosen.map((device) => devices.train(device, shared, slices[device], settings))),
          devices.train(settings.devices, central, all, settings),
        ]);
        if (stopRequested.current) break;
        const { network, report } = finishRound(shared, updates, data.test, round, devicesWithData);
        shared = network;
        central = centralUpdate.network;
        const point = {
          round,
          federated: report.accuracy,
          central: evaluate(central, data.test).accuracy,
          participating: report.participating,
          bytes: report.bytes,
        };
        setHistory((h) => [...h, point]);
      }
    } catch (e) {
      if (!stopRequested.current) {
        setError(translate({ id: 'federated.error.stopped', message: 'Training stopped: {reason}' }, { reason: (e as Error).message }));
      }
    } finally {
      devices.terminate();
      if (pool.current === devices) pool.current = null;
      setRunning(false);
    }
  }

  function stop() {
    stopRequested.current = true;
    pool.current?.terminate();
    pool.current = null;
    setRunning(false);
  }

  const labels = [...new Set(data.train.map((e) => e.label))].sort();
  const modelBytes = parameterCount(createNetwork([2, ...settings.hidden, 1], createRng(1))) * 4;
  const sentBytes = history.reduce((sum, p) => sum + p.bytes, 0);
  const rawBytes = rawDataBytes(toTrainingExamples(data.train, POSITIVE));
  const last = history.at(-1);

  return (
    <section className={styles.playground} aria-label={translate({ id: 'federated.label', message: 'Federated learning playground' })}>
      <div className={styles.controls}>
        <Slider
          label={translate({ id: 'federated.slider.devices', message: 'Devices' })}
          value={settings.devices}
          min={1}
          max={8}
          step={1}
          onChange={update('devices')}
          disabled={running}
        />
        <Slider
          label={translate({ id: 'federated.slider.skew', message: 'How uneven the slices are' })}
          value={settings.skew}
          min={0}
          max={1}
          step={0.1}
          onChange={update('skew')}
          disabled={running}
          display={percent(settings.skew)}
        />
        <Slider
          label={translate({ id: 'federated.slider.localEpochs', message: 'Local epochs per round' })}
          value={settings.localEpochs}
          min={1}
          max={20}
          step={1}
          onChange={update('localEpochs')}
          disabled={running}
        />
        <Slider
          label={translate({ id: 'federated.slider.learningRate', message: 'Learning rate (step size on each device)' })}
          value={Math.max(0, LEARNING_RATES.indexOf(settings.learningRate))}
          min={0}
          max={LEARNING_RATES.length - 1}
          step={1}
          onChange={(event) => {
            setSettings((s) => ({ ...s, learningRate: LEARNING_RATES[Number(event.target.value)] }));
            setHistory([]);
          }}
          disabled={running}
          display={settings.learningRate.toLocaleString(lang)}
          valueText={settings.learningRate.toLocaleString(lang)}
        />
        <Slider
          label={translate({ id: 'federated.slider.rounds', message: 'Rounds' })}
          value={settings.rounds}
          min={1}
          max={60}
          step={1}
          onChange={update('rounds')}
          disabled={running}
        />
        <Slider
          label={translate({ id: 'federated.slider.dropout', message: 'Chance a device misses a round' })}
          value={settings.dropout}
          min={0}
          max={0.9}
          step={0.1}
          onChange={update('dropout')}
          disabled={running}
          display={percent(settings.dropout)}
        />
        <div className={styles.buttons}>
          {running ? (
            <button type="button" className="button button--secondary" onClick={stop}>
              {translate({ id: 'federated.stop', message: 'Stop' })}
            </button>
          ) : (
            <button type="button" className="button button--primary" onClick={() => void run()}>
              {translate({ id: 'federated.train', message: 'Train' })}
            </button>
          )}
        </div>
      </div>

      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}

      <div className={styles.devices} aria-label={translate({ id: 'federated.devices.label', message: 'What each device holds' })}>
        {data.slices.map((slice, i) => (
          <div key={i} className={styles.device}>
            <span className={styles.deviceName}>{translate({ id: 'federated.device', message: 'Device {n}' }, { n: i + 1 })}</span>
            <div
              className={styles.bar}
              role="img"
              aria-label={labels
                .map((l) =>
                  translate(
                    { id: 'federated.device.holds', message: '{count} {moon}' },
                    { count: slice.filter((e) => e.label === l).length, moon: moonName(l) },
                  ),
                )
                .join(', ')}
            >
              {labels.map((l, li) => {
                const count = slice.filter((e) => e.label === l).length;
                return <span key={l} className={styles[`label${li}`]} style={{ flexGrow: count }} />;
              })}
            </div>
            <span className={styles.count}>
              {slice.length === 1
                ? translate({ id: 'federated.device.examples.one', message: '1 example' })
                : translate({ id: 'federated.device.examples', message: '{count} examples' }, { count: slice.length })}
            </span>
          </div>
        ))}
        <p className={styles.legend}>
          <span className={styles.label0} />{' '}
          {translate({ id: 'federated.legend.moon', message: '{moon} moon' }, { moon: moonName(labels[0]) })}{' '}
          <span className={styles.label1} />{' '}
          {translate({ id: 'federated.legend.moon', message: '{moon} moon' }, { moon: moonName(labels[1]) })}
        </p>
      </div>

      <Chart
        spec={{
          title: translate({ id: 'federated.chart.title', message: 'Test accuracy after each round' }),
          xLabel: translate({ id: 'federated.chart.x', message: 'round' }),
          yLabel: translate({ id: 'federated.chart.y', message: 'accuracy' }),
          yRange: [0, 1],
          series: [
            {
              name: translate({ id: 'federated.chart.federated', message: 'Federated (devices + averaging)' }),
              x: history.map((p) => p.round),
              y: history.map((p) => p.federated),
            },
            {
              name: translate({ id: 'federated.chart.central', message: 'Central (all data in one place)' }),
              x: history.map((p) => p.round),
              y: history.map((p) => p.central),
            },
          ],
        }}
      />

      <p aria-live="polite" className={styles.status}>
        {last
          ? translate(
              {
                id: 'federated.status.round',
                message: 'Round {round} of {rounds}: federated {federated}, central {central} ({answered} of {devices} devices answered).',
              },
              {
                round: last.round,
                rounds: settings.rounds,
                federated: percent(last.federated, 1),
                central: percent(last.central, 1),
                answered: last.participating,
                devices: settings.devices,
              },
            )
          : running
            ? translate({ id: 'federated.status.training', message: 'Training…' })
            : translate({ id: 'federated.status.ready', message: 'Press Train to start.' })}
      </p>

      <table className={styles.traffic}>
        <caption>{translate({ id: 'federated.traffic.caption', message: 'What travelled over the network' })}</caption>
        <tbody>
          <tr>
            <th scope="row">
              {translate(
                { id: 'federated.traffic.model', message: 'One copy of the model ({count} numbers, float32)' },
                { count: modelBytes / 4 },
              )}
            </th>
            <td>{bytes(modelBytes)}</td>
          </tr>
          <tr>
            <th scope="row">
              {translate({
                id: 'federated.traffic.federated',
                message: 'Federated, so far (model down to every device, back from each that answered)',
              })}
            </th>
            <td>{bytes(sentBytes)}</td>
          </tr>
          <tr>
            <th scope="row">{translate({ id: 'federated.traffic.raw', message: "Uploading every device's raw examples once instead" })}</th>
            <td>{bytes(rawBytes)}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}

type SliderProps = {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  disabled: boolean;
  display?: string;
  /** What a screen reader announces when the position is not the value itself. */
  valueText?: string;
  onChange: (event: React.ChangeEvent<HTMLInputElement>) => void;
};

function Slider({ label, value, min, max, step, disabled, display, valueText, onChange }: SliderProps) {
  return (
    <label className={styles.slider}>
      <span>
        {translate({ id: 'federated.slider.label', message: '{label}:' }, { label })} <strong>{display ?? value}</strong>
      </span>
      <input
        type="range"
        value={value}
        min={min}
        max={max}
        step={step}
        onChange={onChange}
        disabled={disabled}
        aria-valuetext={valueText ?? display}
      />
    </label>
  );
}
