/**
 * The in-page runner in Chromium, offline: every embed on every page prints its expected output;
 * edits run, survive a reload and reset; Stop and the time limit end an endless loop while the
 * page stays responsive; errors point at the reader's file and line; exercises check code.
 * Timings are printed (never asserted) for the closing notes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { ROOT, baseURL, codePath, embedsInBuild, inParallel, launchBrowser, networkQuiet, openPage } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const EDITOR_PAGE = '/lessons/how-the-code-editor-works';
/** Pages of the embed sweep loaded at a time (each page runs its embeds one after another). */
const EMBED_PAGES_AT_ONCE = 2;

/**
 * Click Run and wait for the run to finish; returns the output and the time to the first line.
 * With `stopAfterFirstLine`, Stop is clicked once the first line shows (a timing run).
 */
async function run(
  page: Page,
  embed: Locator,
  timeout = 30_000,
  { stopAfterFirstLine = false } = {},
): Promise<{ text: string; firstLineMs: number; totalMs: number }> {
  const log = embed.getByRole('log', { name: 'Output' });
  await embed.getByRole('button', { name: 'Run', exact: true }).click();
  const started = Date.now();
  await log.locator('pre').first().waitFor({ timeout });
  const firstLineMs = Date.now() - started;
  if (stopAfterFirstLine && (await embed.getAttribute('data-state')) === 'running') {
    await embed
      .getByRole('button', { name: 'Stop', exact: true })
      .click({ timeout: 1000 })
      .catch(() => undefined); // the run ended meanwhile
  }
  await expect.poll(() => embed.getAttribute('data-state'), { timeout }).toBe('idle');
  return { text: await log.innerText(), firstLineMs, totalMs: Date.now() - started };
}

function expectedLines(entry: string): string[] {
  const file = path.join(ROOT, 'code', `${codePath(entry).replace(/\.ts$/, '')}.expected.txt`);
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
}

function checkOutput(text: string, expected: string[]): string[] {
  const lines = text.split('\n').map((l) => l.trim());
  return expected.filter((want) => {
    if (want.startsWith('/') && want.endsWith('/')) return !lines.some((l) => new RegExp(want.slice(1, -1)).test(l));
    return !lines.some((l) => l.includes(want.trim())) && !text.includes(want.trim());
  });
}

/** The editor mounts when the reader reaches for the code: click the highlighted code. */
async function openEditor(embed: Locator): Promise<void> {
  if ((await embed.locator('.cm-content').count()) === 0) await embed.locator('[data-code-area] pre').first().click();
}

async function setEditorText(embed: Locator, text: string): Promise<void> {
  await openEditor(embed);
  const content = embed.locator('.cm-content').first();
  await content.waitFor({ timeout: 20_000 });
  await content.click();
  await content.press('ControlOrMeta+a');
  await embed.page().keyboard.insertText(text);
}

describe('every embed on every page', () => {
  // The pages with embeds, read from the built HTML (routes.test.ts checks each page shows exactly
  // these): only those pages are loaded, a few at a time, each in its own context.
  it('runs and prints its expected output; every exercise checks its starter', { timeout: 600_000 }, async () => {
    const pages = embedsInBuild();
    const entries = pages.flatMap((p) => p.entries);
    expect(entries.length).toBeGreaterThanOrEqual(13);
    expect(pages.flatMap((p) => p.exercises).length).toBeGreaterThan(0);
    const failures: string[] = [];
    const timings: string[] = [];
    let ran = 0;
    await inParallel(pages, EMBED_PAGES_AT_ONCE, async ({ route, entries, exercises }) => {
      const { page, problems, context } = await openPage(browser);
      try {
        await page.goto(baseURL() + route, { waitUntil: 'networkidle' });
        const embeds = page.locator('[data-runnable-entry]');
        expect(await embeds.count(), route).toBe(entries.length);
        for (let i = 0; i < entries.length; i++) {
          const embed = embeds.nth(i);
          const entry = codePath(entries[i]);
          expect(codePath((await embed.getAttribute('data-runnable-entry'))!), route).toBe(entry);
          await embed.scrollIntoViewIfNeeded();
          // Generous limits: on two cores this file shares the machine with every other browser file.
          const attempt = async (which: 'first' | 'second') => {
            try {
              // The second run is timed to its first line only: its output was checked on the first.
              return await run(page, embed, 120_000, { stopAfterFirstLine: which === 'second' });
            } catch (error) {
              throw new Error(`${route} ${entry} (${which} run): ${(error as Error).message}`);
            }
          };
          const first = await attempt('first');
          const missing = checkOutput(first.text, expectedLines(entry));
          if (missing.length) failures.push(`${route} ${entry}: missing ${JSON.stringify(missing)} in:\n${first.text}`);
          const second = await attempt('second');
          timings.push(
            `${route} ${entry}: first output ${first.firstLineMs} ms (first run), ${second.firstLineMs} ms (second run); whole first run ${first.totalMs} ms`,
          );
          ran++;
        }
        for (const name of exercises) {
          const exercise = page.locator(`[data-exercise="${name}"]`);
          await exercise.scrollIntoViewIfNeeded();
          await exercise.getByRole('button', { name: 'Check my code' }).click();
          const results = exercise.getByRole('list', { name: 'Test results' });
          await expect.poll(() => results.count(), { timeout: 120_000, message: `${route} exercise ${name}: test results` }).toBe(1);
          await expect.poll(() => exercise.locator('[data-state]').first().getAttribute('data-state'), { timeout: 120_000 }).toBe('idle');
          const text = await results.innerText();
          // The starter is unfinished: its tests run and at least one fails (the unit tests check the solution passes).
          if (!/✗/.test(text)) failures.push(`${route} exercise ${name}: the starter's test results show no failing test:\n${text}`);
          ran++;
        }
        for (const x of problems.externalRequests) failures.push(`${route}: request to another origin ${x}`);
        for (const e of problems.consoleErrors) failures.push(`${route}: console error ${e}`);
        for (const f of problems.failedRequests) failures.push(`${route}: failed request ${f}`);
      } finally {
        await context.close();
      }
    });
    console.log(`[timings] click → first output line (${EMBED_PAGES_AT_ONCE} pages at a time):\n  ${timings.sort().join('\n  ')}`);
    expect(ran).toBe(entries.length + pages.flatMap((p) => p.exercises).length);
    expect(failures).toEqual([]);
  });
});

describe('editing', () => {
  it('runs the edit, keeps it after a reload, and Reset restores the original', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(baseURL() + EDITOR_PAGE, { waitUntil: 'networkidle' });
    const embed = page.locator('[data-runnable-entry]').first();
    await embed.scrollIntoViewIfNeeded();
    await setEditorText(embed, "console.log('my own code ran');\n");
    expect((await run(page, embed)).text).toContain('my own code ran');
    await expect.poll(() => embed.getByText('edited', { exact: true }).isVisible()).toBe(true);

    await page.reload({ waitUntil: 'networkidle' });
    const again = page.locator('[data-runnable-entry]').first();
    await again.scrollIntoViewIfNeeded();
    await expect.poll(() => again.getByText('edited', { exact: true }).isVisible()).toBe(true);
    expect((await run(page, again)).text).toContain('my own code ran');

    page.once('dialog', (dialog) => void dialog.accept());
    await again.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => again.getByText('edited', { exact: true }).count()).toBe(0);
    const restored = await run(page, again);
    expect(restored.text).not.toContain('my own code ran');
    expect(restored.text).toContain('Read 150 flowers');
    await context.close();
  });
});

describe('endless loops', () => {
  it('Stop ends `while (true) {}` within a second, and the page answers clicks meanwhile', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(baseURL() + EDITOR_PAGE, { waitUntil: 'networkidle' });
    const embed = page.locator('[data-runnable-entry]').first();
    await embed.scrollIntoViewIfNeeded();
    await setEditorText(embed, 'while (true) {}\n');
    await embed.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => embed.getAttribute('data-state')).toBe('running');
    // The main thread is free: a click elsewhere is handled at once.
    const clickStarted = Date.now();
    await page.locator('.theme-doc-toc-desktop a, nav a').first().hover();
    const answered = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const t = performance.now();
          requestAnimationFrame(() => resolve(performance.now() - t));
        }),
    );
    console.log(
      `[timings] page answered during an endless loop: hover ${Date.now() - clickStarted} ms, next frame ${answered.toFixed(0)} ms`,
    );
    expect(answered).toBeLessThan(1000);
    // Timed in the page, from the Stop click to data-state="idle": the test files run side by
    // side, and a busy machine's delay between Playwright and the page is not the runner's.
    await embed.evaluate((root) => {
      const w = window as unknown as { stopTiming?: Promise<number> };
      const stop = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Stop')!;
      w.stopTiming = new Promise<number>((resolve) => {
        stop.addEventListener(
          'click',
          () => {
            const clickedAt = performance.now();
            const observer = new MutationObserver(() => {
              if (root.getAttribute('data-state') !== 'idle') return;
              observer.disconnect();
              resolve(performance.now() - clickedAt);
            });
            observer.observe(root, { attributes: true, attributeFilter: ['data-state'] });
          },
          { capture: true, once: true },
        );
      });
    });
    await embed.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => embed.getAttribute('data-state'), { timeout: 5000 }).toBe('idle');
    const stopMs = await page.evaluate(() => (window as unknown as { stopTiming: Promise<number> }).stopTiming);
    console.log(`[timings] Stop → idle: ${stopMs.toFixed(0)} ms (in the page)`);
    expect(stopMs).toBeLessThan(1000);
    await expect.poll(() => embed.getByRole('log').innerText()).toContain('Stopped.');
    // A new run works straight after.
    await setEditorText(embed, "console.log('after stop');\n");
    expect((await run(page, embed)).text).toContain('after stop');
    await context.close();
  });

  it('the time limit stops a run that never ends, with a message', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(baseURL() + EDITOR_PAGE, { waitUntil: 'networkidle' });
    const embed = page.locator('[data-runnable-entry]').first();
    await embed.scrollIntoViewIfNeeded();
    // A run that never ends without keeping a core busy for the 10 s (the test files share two
    // cores): it waits forever. Stop, above, ends a busy `while (true) {}` the same way.
    await setEditorText(embed, 'while (true) await new Promise((wake) => setTimeout(wake, 200));\n');
    const { text, totalMs } = await run(page, embed, 20_000);
    expect(text).toMatch(/Stopped: the run took longer than its time limit of 10 s/);
    expect(totalMs).toBeGreaterThanOrEqual(9_000);
    await context.close();
  });
});

describe('errors', () => {
  it('a syntax error shows the file and line', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(baseURL() + EDITOR_PAGE, { waitUntil: 'networkidle' });
    const embed = page.locator('[data-runnable-entry]').first();
    await embed.scrollIntoViewIfNeeded();
    await setEditorText(embed, "console.log('line 1');\n\nconst broken = ;\n");
    const { text } = await run(page, embed);
    expect(text).toMatch(/\/knn\/demo-iris\.ts:3(:\d+)? SyntaxError/);
    await context.close();
  });

  it('a runtime error shows the file and line, also inside an imported file', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(baseURL() + EDITOR_PAGE, { waitUntil: 'networkidle' });
    const embed = page.locator('[data-runnable-entry]').first();
    await embed.scrollIntoViewIfNeeded();
    await setEditorText(embed, "import { classify } from './knn';\n\nconsole.log('before');\nclassify([], [1], 1);\n");
    const { text } = await run(page, embed);
    expect(text).toContain('before');
    // The error is thrown in knn.ts (checkTraining), reached from line 4 of the entry.
    expect(text).toMatch(/\/knn\/knn\.ts:\d+(:\d+)? Error: training set is empty/);
    await setEditorText(embed, "console.log('ok');\nconst list: number[] = [];\nlist.nope.push(1);\n");
    expect((await run(page, embed)).text).toMatch(/\/knn\/demo-iris\.ts:3(:\d+)? TypeError/);
    await context.close();
  });
});

describe('exercises', () => {
  it('fail with the starter code and pass with the solution', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(baseURL() + EDITOR_PAGE, { waitUntil: 'networkidle' });
    const exercise = page.locator('[data-exercise="majority-vote"]');
    await exercise.scrollIntoViewIfNeeded();
    const check = async () => {
      await exercise.getByRole('button', { name: 'Check my code' }).click();
      await expect.poll(() => exercise.getByRole('list', { name: 'Test results' }).count(), { timeout: 20_000 }).toBe(1);
      return exercise.getByRole('list', { name: 'Test results' }).innerText();
    };
    const starter = await check();
    expect(starter).toMatch(/✗/);
    await setEditorText(exercise, fs.readFileSync(path.join(ROOT, 'code/exercises/majority-vote/solution.ts'), 'utf8'));
    const solved = await check();
    expect(solved).not.toMatch(/✗/);
    expect(solved).toMatch(/✓ majorityVote › breaks a tie/);
    await expect.poll(() => exercise.getByText('All tests pass').isVisible()).toBe(true);
    await context.close();
  });
});

describe('page weight', () => {
  /** Chunks of the build that hold the editor (CodeMirror / Sandpack). */
  const editorChunks = fs
    .readdirSync(path.join(ROOT, 'build/assets/js'))
    .filter((f) => f.endsWith('.js') && fs.readFileSync(path.join(ROOT, 'build/assets/js', f), 'utf8').includes('cm-content'));

  const scripts = (page: Page) =>
    page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((r) => r.name.endsWith('.js'))
        .map((r) => ({ file: r.name.split('/').pop()!, bytes: (r as PerformanceResourceTiming).encodedBodySize })),
    );
  const kb = (list: { bytes: number }[]) => `${Math.round(list.reduce((sum, r) => sum + r.bytes, 0) / 1024)} KB`;

  it('loads no editor code until an embed nears the viewport, and reports the JavaScript a page loads', { timeout: 120_000 }, async () => {
    expect(editorChunks.length).toBeGreaterThan(0);
    const { page, context } = await openPage(browser);
    // A page without embeds, read to the bottom: no editor code at all.
    await page.goto(`${baseURL()}/lessons/edge-computing`, { waitUntil: 'networkidle' });
    await page.mouse.wheel(0, 20_000);
    await networkQuiet(page); // whatever the scroll makes the page fetch (prefetching included) has arrived
    const plain = await scripts(page);
    expect(plain.filter((s) => editorChunks.includes(s.file))).toEqual([]);
    // A lesson with embeds, at its top: none yet; then scrolled to its first embed: the editor.
    await page.goto(`${baseURL()}/lessons/training/k-nearest-neighbours`, { waitUntil: 'networkidle' });
    await networkQuiet(page);
    const before = await scripts(page);
    expect(before.filter((s) => editorChunks.includes(s.file))).toEqual([]);
    const embed = page.locator('[data-runnable-entry]').first();
    await embed.scrollIntoViewIfNeeded();
    await expect
      .poll(async () => (await scripts(page)).some((s) => editorChunks.includes(s.file)), {
        message: 'the editor bundle is fetched as the embed nears the viewport',
        timeout: 15_000,
      })
      .toBe(true);
    expect(await embed.locator('.cm-editor').count(), 'the editor mounts only when the reader reaches for the code').toBe(0);
    await openEditor(embed);
    await embed.locator('.cm-editor').waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => document.activeElement?.classList.contains('cm-content')), 'the keyboard focus is in the editor').toBe(
      true,
    );
    await page.waitForLoadState('networkidle');
    const after = await scripts(page);
    expect(after.some((s) => editorChunks.includes(s.file))).toBe(true);
    console.log(
      `[weight] JavaScript (gzip) loaded by the page itself, not counting its workers: plain lesson ${kb(plain)}; kNN lesson ${kb(before)} before its first editor loads, ${kb(after)} after`,
    );
    await context.close();
  });
});
