// SPDX-License-Identifier: MIT
/**
 * Every figure a page quotes from a run of the course's code is what that code prints today.
 *
 * Each entry of FIGURES ties words on a page to a line the code prints: a driver's
 * .expected.txt (which tests/unit/drivers.test.ts checks against a real run), or a run made
 * here, of a driver with the edit a "Try this" step asks for, of the command line, or of the
 * federated playground's experiment. A code change that moves a figure fails here, naming the
 * page and the words to update. ("Going faster" quotes timings: tests/content/going-faster.test.ts.)
 *
 * And so that a new figure cannot slip in untied: every percentage in the prose of docs/ and
 * labs/ must be covered by an entry here or be listed in NOT_FROM_OUR_CODE with where it comes from.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../code/cli';
import { DEFAULTS, simulate } from '../../src/components/FederatedPlayground/experiment';

const ROOT = path.resolve(__dirname, '../..');

/** A page's prose: no front matter, code blocks, maths, JSX attributes or footnote definitions; one space between words. */
function prose(file: string): string {
  return fs
    .readFileSync(path.join(ROOT, file), 'utf8')
    .replace(/^---[\s\S]*?^---$/m, '')
    .replace(/^(```|~~~)[\s\S]*?^\1/gm, '')
    .replace(/\$\$[\s\S]*?\$\$|\$[^$\n]*\$/g, '')
    .replace(/<Term id="[^"]*">([^<]*)<\/Term>/g, '$1')
    .replace(/\*\*/g, '')
    .replace(/\s+/g, ' ');
}

const expectedLines = (driver: string) =>
  fs.readFileSync(path.join(ROOT, 'code', driver.replace(/\.ts$/, '.expected.txt')), 'utf8').split('\n');

afterEach(() => vi.restoreAllMocks());

/** Captures what `work` prints with console.log. */
async function printed(work: () => unknown): Promise<string[]> {
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...args) => void lines.push(args.map(String).join(' ')));
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  await work();
  vi.restoreAllMocks();
  return lines;
}

/**
 * Runs a driver with a reader's edit applied (each `from` must occur exactly once): a copy beside
 * the original (so its relative imports still resolve), imported and deleted.
 */
async function runEdited(driver: string, edits: [from: string, to: string][]): Promise<string[]> {
  const file = path.join(ROOT, 'code', driver);
  let source = fs.readFileSync(file, 'utf8');
  for (const [from, to] of edits) {
    expect(source.split(from).length - 1, `${driver} holds "${from}" once (the page tells readers to change it)`).toBe(1);
    source = source.replace(from, to);
  }
  const copy = path.join(path.dirname(file), `.edited-${process.pid}-${Date.now()}-${path.basename(file)}`);
  fs.writeFileSync(copy, source);
  try {
    return await printed(() => import(copy));
  } finally {
    fs.rmSync(copy, { force: true });
  }
}

type Figure = {
  page: string;
  /** Words on the page, as in its prose (see `prose`). */
  says: string;
  /** Lines the code prints (all of them must appear). */
  prints: string[];
};

const LEARN_A_RULE = 'what-is-machine-learning/demo-learn-a-rule.ts';
const ML = 'docs/what-is-machine-learning/index.mdx';
const KNN = 'docs/training/k-nearest-neighbours.mdx';
const NET = 'docs/training/neural-network.mdx';
const SMALL = 'docs/training-on-the-edge/making-a-model-small.mdx';
const FED = 'docs/training-on-the-edge/index.mdx';

/** Figures whose lines are in a driver's .expected.txt. */
const FROM_EXPECTED: (Figure & { driver: string })[] = [
  {
    page: ML,
    driver: LEARN_A_RULE,
    says: 'finds 27.10 °C from 30 examples and gets 9 of the 10 test examples right',
    prints: ['learned from 30 examples: fan on when temperature > 27.10 °C', 'right on 90% of the 10 test examples'],
  },
  {
    page: KNN,
    driver: 'knn/demo-confusion.ts',
    says: 'An accuracy of 96.7% says that 29 of the 30 test flowers got the right species',
    prints: ['30 test flowers, k = 5', 'Accuracy: 96.7%'],
  },
  { page: KNN, driver: 'knn/demo-confusion.ts', says: 'accuracy (80.0%) is made of', prints: ['Accuracy: 80.0%'] },
  {
    page: KNN,
    driver: 'knn/demo-choosing-k.ts',
    says: 'With k = 1 the training accuracy is 100%',
    prints: ['1     100.0%       86.7%'],
  },
  { page: KNN, driver: 'knn/demo-choosing-k.ts', says: 'the same k scores 86.7%', prints: ['1     100.0%       86.7%'] },
  { page: KNN, driver: 'knn/demo-choosing-k.ts', says: 'at k = 10 both are 92.0%', prints: ['10     92.0%       92.0%'] },
  {
    page: KNN,
    driver: 'knn/demo-choosing-k.ts',
    says: 'Nine values of k tie for the best validation accuracy, 92.0%: 10, 14, 15, 16, 26, 28, 32, 36 and 37. The code keeps the smallest, 10.',
    prints: ['Best validation accuracy: 92.0%', 'reached with k = 10, 14, 15, 16, 26, 28, 32, 36, 37', 'Chosen: k = 10'],
  },
  {
    page: KNN,
    driver: 'knn/demo-choosing-k.ts',
    says: 'then does it use the test set, once: 87.3%',
    prints: ['Test accuracy, k = 10: 87.3%'],
  },
  {
    page: KNN,
    driver: 'knn/demo-choosing-k.ts',
    says: 'training accuracy 100% at k = 1',
    prints: ['1     100.0%       86.7%'],
  },
  {
    page: KNN,
    driver: 'knn/demo-scaling.ts',
    says: 'Each of the 30 test flowers is 3.3% of the score',
    prints: ['30 test flowers: one flower = 3.3%'],
  },
  {
    page: KNN,
    driver: 'knn/demo-scaling.ts',
    says: 'Sepal length in millimetres, no scaling: 80.0%, five flowers worse than in centimetres',
    prints: ['none      96.7%   80.0%'],
  },
  {
    page: KNN,
    driver: 'knn/demo-scaling.ts',
    says: 'Either scaler gives 93.3%, the same as scaled centimetres',
    prints: ['min-max   93.3%   93.3%', 'z-score   93.3%   93.3%'],
  },
  {
    page: KNN,
    driver: 'knn/demo-scaling.ts',
    says: 'In centimetres, scaling does not help here: 96.7% without, 93.3% with, one flower',
    prints: ['none      96.7%   80.0%', 'min-max   93.3%   93.3%'],
  },
  {
    page: KNN,
    driver: 'knn/demo-scaling.ts',
    says: 'Sepal length now spans 36 mm while no other feature spans more than 5.9',
    prints: ['sepal_length 4.3  7.9    3.6', 'petal_length 1.0  6.9    5.9'],
  },
  {
    page: NET,
    driver: 'neural-network/demo-moons.ts',
    says: 'The network labels 96.3% of its training examples and 99.0% of the 100 test examples correctly',
    prints: ['training accuracy: 96.3%', 'test accuracy: 99.0%'],
  },
  {
    page: NET,
    driver: 'neural-network/demo-overfit.ts',
    says: 'to 0.002 at epoch 500',
    prints: ['epoch 500 (last):', '  training loss 0.002'],
  },
  {
    page: NET,
    driver: 'neural-network/demo-overfit.ts',
    says: 'The validation loss is lowest at epoch 46 (0.085) and then rises, to 0.109 at epoch 500',
    prints: ['epoch 46 (lowest validation loss):', '  validation loss 0.085, acc. 89.0%', '  validation loss 0.109, acc. 86.5%'],
  },
  {
    page: NET,
    driver: 'neural-network/demo-overfit.ts',
    says: 'Validation accuracy tells the same story: 89.0% at epoch 46, 86.5% at epoch 500',
    prints: ['  validation loss 0.085, acc. 89.0%', '  validation loss 0.109, acc. 86.5%'],
  },
  {
    page: NET,
    driver: 'neural-network/demo-overfit.ts',
    says: 'only then measures it on the 200 test examples: 86.5%. That is lower than its 89.0% on the validation set',
    prints: ['200 validation, 200 test', 'test accuracy (epoch 46): 86.5%'],
  },
  {
    page: NET,
    driver: 'neural-network/demo-overfit.ts',
    says: 'as the validation accuracy is in the overfitting demo (89.0% on the validation set, 86.5% on the untouched test set)',
    prints: ['  validation loss 0.085, acc. 89.0%', 'test accuracy (epoch 46): 86.5%'],
  },
  {
    page: SMALL,
    driver: 'quantisation/demo-quantise.ts',
    says: 'Accuracy. 99.3% (298 of 300) for all three. Quantising changed the outputs a little (by at most 0.0084) but did not change the class of a single test example: int8 and float64 agree on all 300.',
    prints: [
      '/^float64  520    99\\.3%     [\\d.]+ µs$/',
      '/^int8     124    99\\.3%     [\\d.]+ µs$/',
      'int8 and float64 give the same class to 300 of 300 test examples',
      'largest output difference 0.0084; the bound allows up to 0.1972 and holds for every example: yes',
    ],
  },
  {
    page: SMALL,
    driver: 'quantisation/demo-quantise.ts',
    says: 'which takes 396,304 bytes as float32 and 99,868 as int8',
    prints: ['a 640-128-128-4 network: float64 792608 bytes, float32 396304, int8 99868'],
  },
  {
    page: SMALL,
    driver: 'quantisation/demo-quantise.ts',
    says: 'int8 took 124 bytes against 520 (float64) and 260 (float32), with the same 99.3% test accuracy and the same class for all 300 test examples',
    prints: ['/^float32  260    99\\.3%     [\\d.]+ µs$/', 'int8 and float64 give the same class to 300 of 300 test examples'],
  },
];

/** Figures from a "Try this" step: the driver run with the step's edit. */
const FROM_EDITS: (Figure & { driver: string; edits: [string, string][] })[] = [
  {
    page: ML,
    driver: LEARN_A_RULE,
    edits: [['length: 40', 'length: 8']],
    says: 'Trained on 6 examples, the rule lands at 30.95 °C, and with only 2 test examples the test score (50%) says almost nothing',
    prints: ['learned from 6 examples: fan on when temperature > 30.95 °C', 'right on 50% of the 2 test examples'],
  },
  {
    page: ML,
    driver: LEARN_A_RULE,
    edits: [['length: 40', 'length: 400']],
    says: 'With 300 training examples the threshold settles at 26.95 °C',
    prints: ['learned from 300 examples: fan on when temperature > 26.95 °C'],
  },
  {
    page: ML,
    driver: LEARN_A_RULE,
    edits: [['1.5 * randomNormal', '4 * randomNormal']],
    says: 'The rule moves to 23.55 °C and the test score drops to 80%',
    prints: ['learned from 30 examples: fan on when temperature > 23.55 °C', 'right on 80% of the 10 test examples'],
  },
];

function matches(lines: string[], want: string): boolean {
  if (want.startsWith('/') && want.endsWith('/')) return lines.some((l) => new RegExp(want.slice(1, -1)).test(l));
  return lines.includes(want);
}

/** `literal`: compare the lines as text (an .expected.txt's /regex/ lines are matched as written). */
function expectFigure(figure: Figure, lines: string[], source: string, { literal = false } = {}) {
  expect(prose(figure.page).includes(figure.says), `${figure.page} no longer says "${figure.says}": update this test with the page`).toBe(
    true,
  );
  for (const want of figure.prints) {
    expect(
      literal ? lines.includes(want) : matches(lines, want),
      `${figure.page} says "${figure.says}", but ${source} no longer prints "${want}"`,
    ).toBe(true);
  }
}

describe('figures quoted from what a driver prints', () => {
  it.each(FROM_EXPECTED.map((f) => [`${f.page}: ${f.says.slice(0, 60)}`, f] as const))('%s', (_, figure) => {
    expectFigure(figure, expectedLines(figure.driver), `code/${figure.driver.replace(/\.ts$/, '.expected.txt')}`, { literal: true });
  });
});

describe('figures quoted from a "Try this" edit', () => {
  it.each(FROM_EDITS.map((f) => [`${f.page}: ${f.says.slice(0, 60)}`, f] as const))(
    '%s',
    async (_, figure) => {
      expectFigure(figure, await runEdited(figure.driver, figure.edits), `code/${figure.driver} with ${JSON.stringify(figure.edits)}`);
    },
    30_000,
  );
  it('check the page still asks for these edits', () => {
    const page = prose(ML);
    expect(page).toContain('Change `length: 40` to `length: 8`');
    expect(page).toContain('Change it to `length: 400`');
    expect(page).toContain('change `1.5` to `4`');
  });
});

describe('federated learning: the playground and the command line', () => {
  const percent = (x: number) => Math.round(x * 100);
  const bigSteps = { ...DEFAULTS, learningRate: 3, localEpochs: 20 };

  it('playground, big local steps, even slices: both curves reach 97–99%', () => {
    expect(prose(FED)).toContain('With even slices both curves reach 97–99%.');
    const last = simulate({ ...bigSteps, skew: 0 }).at(-1)!;
    for (const value of [last.federated, last.central]) expect(percent(value)).toBeGreaterThanOrEqual(97);
    for (const value of [last.federated, last.central]) expect(percent(value)).toBeLessThanOrEqual(99);
  }, 60_000);

  it('playground, big local steps, one moon per device: federated stalls at 87–88%, central climbs to 99%', () => {
    expect(prose(FED)).toContain('the federated curve stalls at 87–88% while the central one climbs to 99%');
    const history = simulate({ ...bigSteps, skew: 1 });
    const lastTen = history.slice(-10).map((p) => percent(p.federated));
    expect(Math.min(...lastTen), `federated accuracy over the last ten rounds: ${lastTen}`).toBeGreaterThanOrEqual(87);
    expect(Math.max(...lastTen), `federated accuracy over the last ten rounds: ${lastTen}`).toBeLessThanOrEqual(88);
    expect(percent(history.at(-1)!.central)).toBe(99);
  }, 60_000);

  it('command line: 99% with even slices, 90% against 99% with one moon per device', async () => {
    const page = prose(FED);
    expect(page).toContain("With even slices (`--skew 0`) the federated model reaches the central model's 99% test accuracy.");
    expect(page).toContain('With one moon per device (`--skew 1`) it stops at 90% while the central model reaches 99%.');
    const lastRound = async (skew: string) => {
      const lines = await printed(() => main(['federated', '--skew', skew, '--local-epochs', '20', '--learning-rate', '3']));
      const rounds = lines.filter((l) => /^ +\d+ +\d+\/\d+ +\d+\.\d% +\d+\.\d%$/.test(l));
      expect(rounds.length, lines.join('\n')).toBeGreaterThan(0);
      const [, , federated, central] = rounds.at(-1)!.trim().split(/ +/);
      return { federated: Math.round(parseFloat(federated)), central: Math.round(parseFloat(central)) };
    };
    expect(await lastRound('0')).toEqual({ federated: 99, central: 99 });
    expect(await lastRound('1')).toEqual({ federated: 90, central: 99 });
  }, 60_000);
});

/** Percentages in prose that no run of the course's code produces, with where each comes from. */
const NOT_FROM_OUR_CODE: { page: string; says: string; why: string }[] = [
  { page: ML, says: '15.3% of the test images, against 26.2%', why: 'ImageNet 2012 results (Krizhevsky et al., cited on the page)' },
  { page: ML, says: 'A model scores 99% on its training data and 60% on the test set', why: 'a made-up case in a question' },
  { page: KNN, says: 'the accuracy is a perfect, meaningless 100%', why: 'k = 1 on its own training points, true by definition' },
  {
    page: KNN,
    says: 'k = 7 had the best validation accuracy, 93%. The test accuracy with k = 7 is 89%',
    why: 'a made-up case in a question',
  },
  { page: FED, says: 'to 100%', why: 'a slider setting the reader is asked to choose' },
  { page: FED, says: '(0%), then uneven (100%)', why: 'slider settings' },
  { page: FED, says: 'to 50%', why: 'a slider setting' },
  {
    page: 'labs/raspberry-pi-edge-impulse.mdx',
    says: 'about 80% for training and 20%',
    why: "Edge Impulse's default split (cited in the lab)",
  },
];

describe('every percentage in the prose', () => {
  it('is tied to the code by an entry above, or is listed with where it comes from', () => {
    const under = (dir: string): string[] =>
      fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
        const rel = path.join(dir, e.name);
        return e.isDirectory() ? under(rel) : /\.mdx?$/.test(e.name) ? [rel] : [];
      });
    const files = ['docs', 'labs'].flatMap(under).filter((f) => f !== 'docs/training/going-faster.mdx');
    const covered = [...FROM_EXPECTED, ...FROM_EDITS, ...NOT_FROM_OUR_CODE.map((n) => ({ page: n.page, says: n.says }))];
    covered.push(
      { page: FED, says: 'With even slices both curves reach 97–99%.' },
      { page: FED, says: 'the federated curve stalls at 87–88% while the central one climbs to 99%' },
      { page: FED, says: "With even slices (`--skew 0`) the federated model reaches the central model's 99% test accuracy." },
      { page: FED, says: 'With one moon per device (`--skew 1`) it stops at 90% while the central model reaches 99%.' },
      { page: FED, says: 'which is why it stops at 90% where the playground stalls at 87–88%' },
    );
    const untied: string[] = [];
    for (const file of files) {
      // Quizzes and exercises state their own made-up cases; only the teaching prose is checked.
      let text = prose(file)
        .replace(/<Quiz\b[\s\S]*?<\/Quiz>/g, '')
        .replace(/<Exercise\b[\s\S]*?<\/Exercise>/g, '');
      for (const { says } of covered.filter((c) => c.page === file)) text = text.split(says).join(' ');
      for (const m of text.matchAll(/(.{0,50})(\d+(?:\.\d+)?(?:–\d+(?:\.\d+)?)?%)/g)) untied.push(`${file}: "…${m[1]}${m[2]}"`);
    }
    expect(untied).toEqual([]);
  });
});
