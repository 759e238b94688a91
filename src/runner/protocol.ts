/** Messages between the page's embeds and a runner worker (every message of a run carries its runId). */
import type { ChartSpec } from '@site/code/shared/plot';
import type { Location } from './modules';
import type { TestResult } from './expect';

export type Files = Record<string, string>;

export type ToWorker =
  | { type: 'run'; runId: number; files: Files; entry: string; aliases?: Record<string, string> }
  | { type: 'test'; runId: number; files: Files; testFile: string; aliases?: Record<string, string> }
  | { type: 'warm-up'; packages: string[]; files: Files };

export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error';

export type FromWorker =
  | { type: 'console'; runId: number; level: ConsoleLevel; text: string }
  | { type: 'plot'; runId: number; id: number; spec: ChartSpec }
  | { type: 'error'; runId: number; message: string; location?: Location; kind: 'syntax' | 'runtime' }
  | { type: 'tests'; runId: number; results: TestResult[] }
  | { type: 'done'; runId: number; milliseconds: number; ok: boolean };
