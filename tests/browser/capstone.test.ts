/**
 * The capstone, "Teach your device a gesture": the gesture lab driven like a reader would, with
 * synthetic pointer strokes at 1280 px (record, train, read the results, predict live, download,
 * import a broken and a good CSV, reload, clear) and with the keyboard alone at 360 px in dark
 * mode (draw, train, predict), plus the motion sensor's messages. The strokes come from
 * code/gesture/synthetic.ts, the made-up hand the unit tests use.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, it, type ExpectStatic } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { ROOT, axeViolations, baseURL, hydrated, launchBrowser, networkQuiet, openPage, saveScreenshotPath } from './harness';
import { drawShape, type Shape } from '../../code/gesture/synthetic';
import { strokeFeatures } from '../../code/gesture/features';
import { toCsv } from '../../code/gesture/examples';
import type { Point } from '../../code/gesture/features';
import { createRng } from '../../code/shared/random';

const ROUTE = '/lessons/capstone-gesture';
const GESTURES: Shape[] = ['circle', 'zigzag', 'line'];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The build's chunks that hold the lab's code (its download's file name is in them). */
const labChunks = fs
  .readdirSync(path.join(ROOT, 'build/assets/js'))
  .filter((f) => f.endsWith('.js') && fs.readFileSync(path.join(ROOT, 'build/assets/js', f), 'utf8').includes('gesture-examples.csv'));
/** The script files the page has loaded so far. */
const scripts = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((r) => r.name.endsWith('.js'))
      .map((r) => r.name.split('/').pop()!),
  );

/** Opens the page, checks the lab has not loaded, scrolls to it and waits for its controls. */
async function openLab(expect: ExpectStatic, page: Page, { checkLazy = false } = {}): Promise<Locator> {
  await page.goto(baseURL() + ROUTE, { waitUntil: 'networkidle' });
  await hydrated(page);
  const lab = page.getByRole('region', { name: 'Gesture lab' });
  if (checkLazy) {
    // Until the reader nears it, the lab is a placeholder: its code has not been fetched.
    await networkQuiet(page);
    expect(await lab.getAttribute('data-gesture-lab')).toBe('waiting');
    expect(await lab.getByRole('button', { name: 'Train both models' }).count()).toBe(0);
    expect(labChunks.length).toBeGreaterThan(0);
    expect((await scripts(page)).filter((f) => labChunks.includes(f))).toEqual([]);
  }
  await lab.scrollIntoViewIfNeeded();
  await expect.poll(() => lab.getByRole('button', { name: 'Train both models' }).count(), { timeout: 30_000 }).toBe(1);
  if (checkLazy) expect((await scripts(page)).filter((f) => labChunks.includes(f)).length).toBeGreaterThan(0);
  return lab;
}

/** Draws a stroke with the mouse; the made-up strokes live in a 400 × 400 square, mapped onto the canvas. */
async function drawWithMouse(page: Page, canvas: Locator, stroke: Point[]): Promise<void> {
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const at = (p: Point) => ({
    x: box.x + Math.min(box.width - 2, Math.max(2, (p.x / 400) * box.width)),
    y: box.y + Math.min(box.height - 2, Math.max(2, (p.y / 400) * box.height)),
  });
  const first = at(stroke[0]);
  await page.mouse.move(first.x, first.y);
  await page.mouse.down();
  for (const p of stroke.slice(1)) {
    const q = at(p);
    await page.mouse.move(q.x, q.y);
  }
  await page.mouse.up();
}

/** The lab's announcements (the drawing area has its own, screen-reader-only one for the pen). */
const status = (lab: Locator) => lab.locator('p[aria-live="polite"]:not(.sr-only)');
/** The examples of each gesture, from the lab's list ("4 examples"). */
const counts = async (lab: Locator) =>
  (await lab.locator('ul li span', { hasText: /^\d+ examples?$/ }).allTextContents()).map((t) => parseInt(t, 10));

/** Accuracy figures as the results show them: "kNN: 100% of the held-out examples right (3 of 3)". */
async function results(expect: ExpectStatic, lab: Locator) {
  const group = lab.getByRole('group', { name: 'Training results' });
  await expect.poll(() => group.count(), { timeout: 30_000 }).toBe(1);
  const text = (await group.textContent())!;
  const parse = (name: string) => {
    const m = text.match(new RegExp(`${name}: (\\d+)% of the held-out examples right \\((\\d+) of (\\d+)\\)`));
    expect(m, `${name} in: ${text}`).not.toBeNull();
    return { percent: Number(m![1]), right: Number(m![2]), of: Number(m![3]) };
  };
  const matrix = async (name: string) => {
    const table = group.getByRole('table', { name: new RegExp(`^${name}: confusion matrix`) });
    const rows = await table.locator('tbody tr').all();
    return Promise.all(rows.map(async (r) => (await r.locator('td').allTextContents()).map(Number)));
  };
  return { text, knn: parse('kNN'), network: parse('Network'), knnMatrix: await matrix('kNN'), networkMatrix: await matrix('Network') };
}

const diagonal = (m: number[][]) => m.reduce((sum, row, i) => sum + row[i], 0);

// Independent pages in their own contexts: side by side, the file takes as long as its longest test.
describe.concurrent('the gesture lab', () => {
  it('records pointer strokes, trains both models, shows accuracy and confusion matrices, predicts live with a time, and downloads the examples as CSV', async ({
    expect,
  }) => {
    const { page, problems, context } = await openPage(browser);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    const lab = await openLab(expect, page, { checkLazy: true });
    const canvas = lab.getByRole('application', { name: /Drawing area/ });
    expect(await canvas.evaluate((c) => getComputedStyle(c).touchAction)).toBe('none');
    const rng = createRng(2026);

    // A click is a dot, not a gesture: a clear message, nothing saved.
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect
      .poll(() => lab.getByRole('alert').textContent())
      .toMatch(/^Not used: a stroke needs at least 2 points to have a shape, got 1/);
    expect(await counts(lab)).toEqual([0, 0, 0]);

    // Training too early says what is missing.
    await lab.getByRole('button', { name: 'Train both models' }).click();
    await expect.poll(() => lab.getByRole('alert').textContent()).toMatch(/record at least 4 examples of every gesture: "circle" has 0/);

    for (const shape of GESTURES) {
      await lab.getByRole('radio', { name: `an example of “${shape}”` }).check();
      for (let i = 1; i <= 4; i++) {
        await drawWithMouse(page, canvas, drawShape(shape, rng, { points: 14 + Math.floor(rng() * 8), noise: 0.03 }));
        await expect.poll(() => status(lab).textContent()).toBe(`Saved example ${i} of "${shape}".`);
      }
    }
    expect(await counts(lab)).toEqual([4, 4, 4]);
    // The last drawing's features: the picture and the 64 numbers.
    await expect.poll(() => lab.getByRole('img', { name: /as 32 evenly spaced points/ }).count()).toBe(1);
    expect((await lab.locator('details p').textContent())!.split(', ')).toHaveLength(64);

    await lab.getByRole('button', { name: 'Train both models' }).click();
    const trained = await results(expect, lab);
    expect(trained.text).toContain('Trained on 9 examples; tested on 3 held-out examples.');
    expect(trained.text).toMatch(/64-16-3, 300 epochs, training: [\d.]+ m?s in a background thread/);
    // The network trained in its own worker (named in train.worker's `new Worker` call).
    expect(workers.filter((url) => /\/gesture-training\.[\da-f]+\.js$/.test(url))).toHaveLength(1);
    for (const [model, matrix] of [
      [trained.knn, trained.knnMatrix],
      [trained.network, trained.networkMatrix],
    ] as const) {
      expect(model.of).toBe(3);
      expect(matrix).toHaveLength(3);
      // One held-out example per gesture: each row sums to 1; the diagonal is what the text says.
      for (const row of matrix) expect(row.reduce((a, b) => a + b, 0)).toBe(1);
      expect(diagonal(matrix)).toBe(model.right);
      expect(model.percent).toBe(Math.round((100 * model.right) / 3));
    }
    expect(trained.knn.right).toBe(3);
    expect(trained.network.right).toBe(3);
    // After training, the next gesture goes to the models.
    expect(await lab.getByRole('radio', { name: 'a test: the models guess' }).isChecked()).toBe(true);

    for (const shape of ['zigzag', 'circle', 'line'] as Shape[]) {
      await drawWithMouse(page, canvas, drawShape(shape, rng, { points: 20, noise: 0.03 }));
      const answers = lab.getByRole('definition');
      await expect
        .poll(() => status(lab).textContent())
        .toMatch(new RegExp(`^kNN says "${shape}" \\([\\d.]+ ms\\); Network says "${shape}"`));
      for (const answer of await answers.all())
        expect(await answer.textContent()).toMatch(new RegExp(`^${shape} [\\d.]+ ms per prediction \\(mean of [\\d,]+\\)$`));
    }
    expect(await counts(lab)).toEqual([4, 4, 4]);

    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
    await lab.screenshot({ path: saveScreenshotPath('capstone-lab-1280') });

    // Download: a CSV with the documented header and one line per example.
    const [download] = await Promise.all([page.waitForEvent('download'), lab.getByRole('button', { name: 'Download as CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('gesture-examples.csv');
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe(['label', ...Array.from({ length: 32 }, (_, i) => `x${i},y${i}`)].join(','));
    expect(lines).toHaveLength(13);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(GESTURES.flatMap((g) => [g, g, g, g]));

    expect(problems.consoleErrors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
    expect(problems.externalRequests).toEqual([]);
    await context.close();
  });

  it('imports a CSV (a broken one names its line and changes nothing), keeps the examples through reloads, clears, imports again and renames a gesture', async ({
    expect,
  }) => {
    const { page, problems, context } = await openPage(browser);
    let lab = await openLab(expect, page);
    // Twelve made-up examples, written by the course's own toCsv.
    const rng = createRng(7);
    const examples = GESTURES.flatMap((label) =>
      Array.from({ length: 4 }, () => ({ label, features: strokeFeatures(drawShape(label, rng, { noise: 0.03 })) })),
    );
    const csv = toCsv(examples);
    const lines = csv.split('\n');
    const importInput = () => lab.locator('input[type="file"]');
    await importInput().setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect
      .poll(() => status(lab).textContent())
      .toMatch(/^Imported 12 examples from mine.csv \(4 circle, 4 zigzag, 4 line\), added to the 0/);
    expect(await counts(lab)).toEqual([4, 4, 4]);
    await lab.getByRole('button', { name: 'Train both models' }).click();
    const trained = await results(expect, lab);

    // A broken file names its line and changes nothing.
    const broken = [...lines];
    broken[2] = broken[2].replace(/,[^,]+$/, ',oops');
    await importInput().setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(broken.join('\n')) });
    await expect
      .poll(() => lab.getByRole('alert').textContent())
      .toBe(
        'Nothing imported from broken.csv: CSV line 3, column 65 ("y31"): expected a number, got "oops". Your saved examples are unchanged.',
      );
    expect(await counts(lab)).toEqual([4, 4, 4]);

    // A reload keeps the examples.
    await page.reload({ waitUntil: 'networkidle' });
    lab = await openLab(expect, page);
    expect(await counts(lab)).toEqual([4, 4, 4]);
    expect(await status(lab).textContent()).toBe('Loaded 12 examples saved in this browser.');

    // Clear (after a confirmation), import the same file again: the same examples, the same results.
    page.once('dialog', (dialog) => void dialog.accept());
    await lab.getByRole('button', { name: 'Delete all examples' }).click();
    await expect.poll(() => counts(lab)).toEqual([0, 0, 0]);
    await page.reload({ waitUntil: 'networkidle' });
    lab = await openLab(expect, page);
    expect(await counts(lab)).toEqual([0, 0, 0]);
    await importInput().setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => counts(lab)).toEqual([4, 4, 4]);
    await lab.getByRole('button', { name: 'Train both models' }).click();
    const again = await results(expect, lab);
    expect(again.knnMatrix).toEqual(trained.knnMatrix);
    expect(again.networkMatrix).toEqual(trained.networkMatrix);

    // Renaming a gesture relabels its examples and is saved; an empty name is refused and says so.
    const name = lab.getByRole('textbox', { name: 'Name of gesture 3' });
    await name.fill('');
    await expect.poll(() => lab.getByText('Give the gesture a name. The name "line" is kept.').count()).toBe(1);
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await name.fill('swipe');
    await expect.poll(() => lab.getByRole('radio', { name: 'an example of “swipe”' }).count()).toBe(1);
    await page.reload({ waitUntil: 'networkidle' });
    lab = await openLab(expect, page);
    expect(await lab.getByRole('textbox', { name: 'Name of gesture 3' }).inputValue()).toBe('swipe');
    expect(await counts(lab)).toEqual([4, 4, 4]);

    // A training worker that crashes ends the training with a message instead of "Training…" forever.
    const crashing = await context.newPage();
    await crashing.addInitScript(() => {
      class BrokenWorker extends EventTarget {
        onmessage: ((e: MessageEvent) => void) | null = null;
        onerror: ((e: ErrorEvent) => void) | null = null;
        constructor() {
          super();
          setTimeout(() => this.onerror?.(new ErrorEvent('error', { message: 'simulated crash', cancelable: true })), 20);
        }
        postMessage() {}
        terminate() {}
      }
      (window as unknown as { Worker: unknown }).Worker = BrokenWorker;
    });
    const crashLab = await openLab(expect, crashing);
    await crashLab.getByRole('button', { name: 'Train both models' }).click();
    await expect.poll(() => crashLab.getByRole('alert').textContent()).toBe('Training stopped: simulated crash');
    expect(await crashLab.getByRole('button', { name: 'Train both models' }).isEnabled()).toBe(true);

    expect(problems.consoleErrors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
    expect(problems.externalRequests).toEqual([]);
    await context.close();
  });

  it('works with the keyboard alone on a 360 px phone in dark mode', async ({ expect }) => {
    const { page, problems, context } = await openPage(browser, { viewport: { width: 360, height: 740 }, colorScheme: 'dark' });
    const lab = await openLab(expect, page);
    const canvas = lab.getByRole('application', { name: /Drawing area/ });
    const press = async (keys: string[]) => {
      for (const key of keys) await page.keyboard.press(key);
    };
    const times = (n: number, key: string) => Array<string>(n).fill(key);
    /** Each gesture drawn with the arrow keys, a little differently each time (size, steps). */
    const keyStrokes: Record<Shape, (size: number) => string[]> = {
      circle: (s) => [...times(s, 'ArrowRight'), ...times(s, 'ArrowDown'), ...times(s, 'ArrowLeft'), ...times(s, 'ArrowUp')],
      zigzag: (s) => [0, 1, 2, 3].flatMap((leg) => times(s, leg % 2 === 0 ? 'ArrowUp' : 'ArrowDown').flatMap((k) => [k, 'ArrowRight'])),
      line: (s) => times(3 * s, 'ArrowRight'),
    };
    const drawWithKeys = async (shape: Shape, size: number) => {
      await canvas.focus();
      // Pen up (Space puts it down, Escape discards that), then to the left edge, a third of the way down.
      await press([' ', 'Escape', ...times(11, 'Shift+ArrowLeft'), ...times(6, 'Shift+ArrowUp'), ...times(3, 'Shift+ArrowDown')]);
      await press([' ', ...keyStrokes[shape](size), 'Enter']);
    };
    for (const shape of GESTURES) {
      const radio = lab.getByRole('radio', { name: `an example of “${shape}”` });
      await radio.focus();
      await page.keyboard.press('Space');
      expect(await radio.isChecked()).toBe(true);
      for (let i = 1; i <= 4; i++) {
        await drawWithKeys(shape, 3 + i);
        await expect.poll(() => status(lab).textContent()).toBe(`Saved example ${i} of "${shape}".`);
      }
    }
    expect(await counts(lab)).toEqual([4, 4, 4]);
    await lab.getByRole('button', { name: 'Train both models' }).focus();
    await page.keyboard.press('Enter');
    const trained = await results(expect, lab);
    expect(trained.knn.right).toBe(3);
    for (const shape of GESTURES) {
      await drawWithKeys(shape, 6);
      await expect
        .poll(() => status(lab).textContent())
        .toMatch(new RegExp(`^kNN says "${shape}" \\([\\d.]+ ms\\); Network says "${shape}"`));
    }
    // Fits the phone's width, and passes axe in dark mode with the results on screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
    await lab.screenshot({ path: saveScreenshotPath('capstone-lab-360-dark') });
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.externalRequests).toEqual([]);
    await context.close();
  });

  it('runs the feature code in the page; says when there is no motion sensor, records one when readings arrive; keeps unreadable saved data aside', async ({
    expect,
  }) => {
    const { page, problems, context } = await openPage(browser);
    const lab = await openLab(expect, page);
    // The feature code the page shows runs in the page and prints what the course's tests expect.
    const embed = page.locator('[data-runnable-entry="gesture/demo-features.ts"]');
    await embed.scrollIntoViewIfNeeded();
    await embed.getByRole('button', { name: 'Run', exact: true }).click();
    const log = embed.getByRole('log', { name: 'Output' });
    const expected = fs.readFileSync(path.join(ROOT, 'code/gesture/demo-features.expected.txt'), 'utf8').trim().split('\n');
    await expect.poll(() => log.innerText(), { timeout: 60_000 }).toContain(expected.at(-1));
    const output = await log.innerText();
    for (const line of expected) expect(output).toContain(line);
    await lab.scrollIntoViewIfNeeded();
    const motion = lab.getByRole('button', { name: 'Record with the motion sensor' });
    // Headless Chromium has the API but no sensor: no readings, a clear message.
    await motion.click();
    await expect
      .poll(() => status(lab).textContent(), { timeout: 10_000 })
      .toMatch(/^No motion readings arrived: this device seems to have no motion sensor/);
    // Readings that trace a circle, as a phone moved in a circle would give.
    await motion.click();
    await page.evaluate(() => {
      for (let i = 0; i <= 40; i++) {
        const angle = (2 * Math.PI * i) / 40;
        const init = { acceleration: { x: 3 * Math.cos(angle), y: 3 * Math.sin(angle), z: 0 }, interval: 16 } as DeviceMotionEventInit;
        window.dispatchEvent(new DeviceMotionEvent('devicemotion', init));
      }
    });
    await lab.getByRole('button', { name: 'Stop motion recording' }).click();
    await expect.poll(() => status(lab).textContent()).toBe('Saved example 1 of "circle" (from the motion sensor).');
    expect(await counts(lab)).toEqual([1, 0, 0]);

    // Saved data this version cannot read is kept aside, with a message, and the lab starts empty.
    await page.evaluate(() => localStorage.setItem('ml-edge:gesture-lab', '{"version": 1, "gestures": 7}'));
    await page.reload({ waitUntil: 'networkidle' });
    const fresh = await openLab(expect, page);
    await expect
      .poll(() => fresh.getByRole('alert').textContent())
      .toMatch(/^Your saved examples could not be read \(not in the expected shape\)/);
    expect(await counts(fresh)).toEqual([0, 0, 0]);
    expect(await page.evaluate(() => localStorage.getItem('ml-edge:gesture-lab:unreadable'))).toBe('{"version": 1, "gestures": 7}');
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });
});
