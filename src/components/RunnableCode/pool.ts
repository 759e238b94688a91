/**
 * The page's runner workers: at most MAX_WORKERS at any time, however many embeds the page has
 * and however often they run. Each worker loads the TypeScript transpiler (and tfjs when a page
 * needs it) once and serves every embed, one run at a time; every run still starts from fresh
 * module state (the worker evaluates the modules anew).
 *
 * - A run takes an idle worker, or starts one while there are fewer than MAX_WORKERS, or waits
 *   for one (the embed says so) when two other runs are going.
 * - Stop and the time limit end a run at once: its worker is terminated, not asked, so an
 *   endless loop cannot keep it. A fresh worker is started in its place, warmed up with the
 *   page's files, so the next Run is quick.
 * - When the last embed of a page unmounts (the reader left), the workers are terminated.
 */
import type { Files, FromWorker, ToWorker } from '@site/src/runner/protocol';

export const MAX_WORKERS = 2;

type RunMessage = Extract<ToWorker, { type: 'run' | 'test' }>;
export type RunRequest = Omit<Extract<ToWorker, { type: 'run' }>, 'runId'> | Omit<Extract<ToWorker, { type: 'test' }>, 'runId'>;

type Slot = { worker: Worker; runId: number | null };
type Run = {
  runId: number;
  message: RunMessage;
  listener: (message: FromWorker) => void;
  /** Called when the run has a worker and has been sent to it. */
  onStart: () => void;
  slot?: Slot;
};

function createWorker(): Worker {
  return new Worker(new URL('../../runner/runner.worker.ts', import.meta.url), { name: 'ml-edge-runner' });
}

class RunnerPool {
  private slots: Slot[] = [];
  private queue: Run[] = [];
  private runs = new Map<number, Run>();
  private nextRunId = 1;
  private users = 0;
  /** Everything the page's embeds asked to have ready: sent to each new worker. */
  private warm = { packages: new Set<string>(), files: {} as Files };

  constructor(private readonly spawn: () => Worker = createWorker) {}

  /** Number of live workers (for tests and the closing notes). */
  get size(): number {
    return this.slots.length;
  }

  /** An embed mounted: the pool lives while at least one does. */
  retain(): void {
    this.users += 1;
  }

  /** An embed unmounted; the last one out ends every worker. */
  release(): void {
    this.users = Math.max(0, this.users - 1);
    if (this.users > 0) return;
    for (const slot of this.slots) slot.worker.terminate();
    this.slots = [];
    this.queue = [];
    this.runs.clear();
  }

  /** Transpile these files and load these packages ahead of the first Run. */
  warmUp(packages: string[], files: Files): void {
    packages.forEach((p) => this.warm.packages.add(p));
    Object.assign(this.warm.files, files);
    if (this.slots.length === 0) this.startWorker();
    else this.slots.forEach((slot) => this.post(slot, { type: 'warm-up', packages, files }));
  }

  /** Start a run; `listener` hears its messages until it is done or stopped. Returns its id. */
  run(request: RunRequest, listener: (message: FromWorker) => void, onStart: () => void): number {
    const runId = this.nextRunId++;
    const run: Run = { runId, message: { ...request, runId } as RunMessage, listener, onStart };
    this.runs.set(runId, run);
    this.queue.push(run);
    this.dispatch();
    return runId;
  }

  /** True while the run waits for a worker. */
  isWaiting(runId: number): boolean {
    return this.queue.some((r) => r.runId === runId);
  }

  /** End a run now: a waiting run is dropped; a running one's worker is terminated and replaced. */
  stop(runId: number): void {
    const run = this.runs.get(runId);
    if (!run) return;
    this.runs.delete(runId);
    this.queue = this.queue.filter((r) => r !== run);
    if (run.slot) {
      run.slot.worker.terminate();
      this.slots = this.slots.filter((s) => s !== run.slot);
      if (this.queue.length === 0 && this.slots.length === 0 && this.users > 0) this.startWorker();
    }
    this.dispatch();
  }

  private post(slot: Slot, message: ToWorker): void {
    slot.worker.postMessage(message);
  }

  private startWorker(): Slot {
    const slot: Slot = { worker: this.spawn(), runId: null };
    slot.worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(slot, event.data);
    this.slots.push(slot);
    if (this.warm.packages.size > 0 || Object.keys(this.warm.files).length > 0) {
      this.post(slot, { type: 'warm-up', packages: [...this.warm.packages], files: { ...this.warm.files } });
    }
    return slot;
  }

  private receive(slot: Slot, message: FromWorker): void {
    const run = this.runs.get(message.runId);
    if (!run || run.slot !== slot) return; // a run that was stopped
    run.listener(message);
    if (message.type === 'done') {
      this.runs.delete(run.runId);
      slot.runId = null;
      this.dispatch();
    }
  }

  /** Give waiting runs a worker: an idle one, or a new one while there is room. */
  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => s.runId === null) ?? (this.slots.length < MAX_WORKERS ? this.startWorker() : undefined);
      if (!slot) return;
      const run = this.queue.shift()!;
      run.slot = slot;
      slot.runId = run.runId;
      this.post(slot, run.message);
      run.onStart();
    }
  }
}

export { RunnerPool };

let pagePool: RunnerPool | null = null;
/** The page's pool (one per browser tab). */
export function getPool(): RunnerPool {
  pagePool ??= new RunnerPool();
  return pagePool;
}
