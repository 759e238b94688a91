/**
 * Progress a student can hand in, in Chromium on the built site: passing an exercise in the page
 * puts a tick in the sidebar and on the section's index page (after a reload too), and a line on
 * /progress; a quiz result in localStorage shows there; a downloaded file restores the progress
 * after Clear; a malformed file is refused with a message and changes nothing. At 1280 and 360 px,
 * in light and dark mode and in print, with no console error and no request to another origin.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { ROOT, SCREENSHOTS, axeViolations, baseURL, builtFile, embedsInBuild, hydrated, launchBrowser, openPage } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const STORAGE_KEY = 'ml-edge:progress:v1';
/** The one exercise of this page is majority-vote, which the kNN lesson holds too (with manhattan-distance). */
const EDITOR_PAGE = '/lessons/how-the-code-editor-works';
const KNN_PAGE = '/lessons/training/k-nearest-neighbours';
const SECTION_PAGE = '/lessons/training';

async function setEditorText(embed: Locator, text: string): Promise<void> {
  if ((await embed.locator('.cm-content').count()) === 0) await embed.locator('[data-code-area] pre').first().click();
  const content = embed.locator('.cm-content').first();
  await content.waitFor({ timeout: 20_000 });
  await content.click();
  await content.press('ControlOrMeta+a');
  await embed.page().keyboard.insertText(text);
}

const sidebarLink = (page: Page, route: string) => page.locator(`.theme-doc-sidebar-container a.menu__link[href="${route}"]`);
const progressItem = (page: Page, key: string) => page.locator(`[data-progress-item="${key}"]`);

async function noSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
}

/**
 * The layout shift so far of what is inside `scope` (entries with a moved element in it): the
 * page's other parts (an exercise restoring the reader's edits) may move for their own reasons.
 */
function layoutShift(page: Page, scope: string): Promise<number> {
  return page.evaluate(
    (selector) =>
      new Promise<number>((resolve) => {
        type Shift = { value: number; sources: { node?: Node }[] };
        const within = (entry: Shift) => entry.sources.some((s) => s.node && document.querySelector(selector)?.contains(s.node));
        new PerformanceObserver((list) => {
          resolve((list.getEntries() as unknown as Shift[]).filter(within).reduce((sum, e) => sum + e.value, 0));
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(0), 500);
      }),
    scope,
  );
}

describe('progress', () => {
  it('the server HTML reserves the sidebar slots and lists the section practice, with no progress in it', () => {
    // Minified HTML: attribute values may be unquoted.
    const html = fs.readFileSync(builtFile(KNN_PAGE), 'utf8');
    const links = html.match(/<a [^>]*menu__link[^>]*>/g) ?? [];
    const knn = links.find((a) => /href="?\/lessons\/training\/k-nearest-neighbours[\s">]/.test(a));
    expect(knn).toMatch(/data-practice="?page/);
    expect(links.find((a) => /href="?\/lessons\/training["\s>]/.test(a))).toMatch(/data-practice="?section/);
    // A page with no exercise and no quiz gets no slot.
    const bare = links.find((a) => {
      const route = /href="?([^"\s>]+)/.exec(a)?.[1] ?? '';
      // Category links total their section's pages: only a plain page link can have none.
      if (!route.startsWith('/lessons/') || /categoryLink|menu__link--sublist/.test(a)) return false;
      const page = fs.readFileSync(builtFile(route), 'utf8');
      return !/data-exercise=|data-quiz=/.test(page);
    });
    expect(bare, 'a lesson link with no practice on its page').toBeDefined();
    expect(bare).not.toMatch(/data-practice/);
    expect(html).not.toMatch(/data-progress=/);
    const section = fs.readFileSync(builtFile(SECTION_PAGE), 'utf8');
    expect(section).toContain('data-section-practice');
    expect(section).toMatch(new RegExp(`data-progress-page="?${KNN_PAGE}`));
  });

  it('/progress lists, under each page, exactly the exercises the built page holds', async () => {
    const { page, problems, context } = await openPage(browser);
    await page.goto(baseURL() + '/progress', { waitUntil: 'load' });
    const listed = await page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll<HTMLElement>('[data-progress-page]')].map((el) => [
          el.dataset.progressPage!,
          [...el.querySelectorAll<HTMLElement>('[data-progress-item^="exercise:"]')].map((i) => i.dataset.progressItem!.slice(9)),
        ]),
      ),
    );
    const built = Object.fromEntries(
      embedsInBuild()
        .filter((p) => p.exercises.length > 0)
        .map((p) => [p.route, p.exercises]),
    );
    const withExercises = Object.fromEntries(Object.entries(listed).filter(([, ids]) => ids.length > 0));
    expect(withExercises).toEqual(built);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });

  it('records a passed exercise: ticks in the sidebar and on the section index after a reload, a line on /progress; export, clear, import', async () => {
    const { page, problems, context } = await openPage(browser);
    await page.goto(baseURL() + EDITOR_PAGE, { waitUntil: 'networkidle' });
    const link = sidebarLink(page, EDITOR_PAGE);
    await expect.poll(() => link.getAttribute('data-practice')).toBe('page');
    expect(await link.getAttribute('data-progress')).toBeNull();

    // Pass the exercise in the page.
    const exercise = page.locator('[data-exercise="majority-vote"]');
    await exercise.scrollIntoViewIfNeeded();
    await setEditorText(exercise, fs.readFileSync(path.join(ROOT, 'code/exercises/majority-vote/solution.ts'), 'utf8'));
    await exercise.getByRole('button', { name: 'Check my code' }).click();
    await expect.poll(() => exercise.getByText('All tests pass').isVisible(), { timeout: 30_000 }).toBe(true);

    // The tick, at once and after a reload; its words for screen readers.
    await expect.poll(() => link.getAttribute('data-progress')).toBe('done');
    await page.reload({ waitUntil: 'load' });
    await hydrated(page);
    await expect.poll(() => link.getAttribute('data-progress')).toBe('done');
    expect(await link.getAttribute('aria-label')).toBe('How the code editor works (done)');
    // The sidebar marks fill slots the server HTML reserved: nothing moved when they appeared.
    expect(await layoutShift(page, '.theme-doc-sidebar-container'), 'layout shift in the sidebar after its marks appeared').toBe(0);
    // The tick is drawn (a pseudo-element in the reserved slot), not only an attribute.
    const mark = await link.evaluate((a) => {
      const style = getComputedStyle(a, '::after');
      return { width: style.width, content: style.content, position: style.position };
    });
    expect(mark).toMatchObject({ width: '16px', position: 'absolute' });
    expect(mark.content).toContain('✓');
    // The kNN lesson holds the same exercise and one more: its section is partly done.
    const category = page.locator(`.theme-doc-sidebar-container a.menu__link[href="${SECTION_PAGE}"]`);
    await expect.poll(() => category.getAttribute('data-progress')).toBe('partial');
    expect(await category.getAttribute('aria-label')).toMatch(/^(4\. )?Training ML algorithms \(section: 1 of \d+ done\)$/);

    // The section's index page: the kNN lesson's row is half done, and says so to a screen reader.
    await page.goto(baseURL() + SECTION_PAGE, { waitUntil: 'load' });
    await hydrated(page);
    const row = page.locator(`[data-progress-page="${KNN_PAGE}"]`);
    await expect.poll(() => row.locator('.progress-mark').getAttribute('data-progress')).toBe('partial');
    const knnExercises = embedsInBuild([KNN_PAGE])[0].exercises.length;
    expect(knnExercises).toBeGreaterThanOrEqual(2);
    expect(await row.textContent()).toMatch(new RegExp(`k-nearest neighbours\\s*${knnExercises} exercises, 1 of ${knnExercises} done`));
    expect(await sidebarLink(page, KNN_PAGE).getAttribute('data-progress')).toBe('partial');

    // A quiz result, as the quiz component records it.
    await page.evaluate((key) => {
      const progress = JSON.parse(localStorage.getItem(key)!);
      progress.quizzes['seeded-quiz'] = {
        id: 'seeded-quiz',
        title: 'A seeded quiz',
        page: '/lessons/somewhere',
        score: 3,
        best: 4,
        total: 5,
        completedAt: '2026-11-30T12:00:00.000Z',
      };
      localStorage.setItem(key, JSON.stringify(progress));
    }, STORAGE_KEY);

    // /progress: the pass with its date, the quiz with its score and best.
    await page.goto(baseURL() + '/progress', { waitUntil: 'load' });
    await hydrated(page);
    const passed = progressItem(page, 'exercise:majority-vote').first();
    await expect.poll(() => passed.innerText()).toMatch(/Count the votes\s*Passed on \w+/);
    expect(await progressItem(page, 'exercise:manhattan-distance').innerText()).toMatch(/Not passed yet/);
    await expect.poll(() => page.getByText('Quiz: A seeded quiz (/lessons/somewhere)').isVisible()).toBe(true);
    expect(await page.locator('main').innerText()).toMatch(/Score 3 of 5, best 4/);
    expect(await page.locator('main').innerText()).toMatch(/nothing is sent anywhere/);
    await page.getByLabel(/Your name/).fill('Ada Lovelace');

    // Download the file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download a progress file' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^ml-on-the-edge-progress-\d{4}-\d{2}-\d{2}\.json$/);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'progress-')), download.suggestedFilename());
    await download.saveAs(file);
    const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(saved).toMatchObject({ format: 'ml-on-the-edge-progress', version: 1, student: 'Ada Lovelace' });
    expect(Object.keys(saved.exercises)).toEqual(['majority-vote']);
    expect(saved.quizzes['seeded-quiz']).toMatchObject({ score: 3, best: 4, total: 5 });

    // Clear (after confirming), then import the file: everything is back.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: /Clear my progress/ }).click();
    await expect.poll(() => passed.innerText()).toMatch(/Not passed yet/);
    expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBeNull();
    await page.getByLabel(/Import a progress file/).setInputFiles(file);
    await expect.poll(() => page.locator('[data-message]').innerText()).toMatch(/Imported 1 exercise and 1 quiz from/);
    await expect.poll(() => passed.innerText()).toMatch(/Passed on/);
    expect(await page.locator('main').innerText()).toMatch(/Score 3 of 5, best 4/);

    // A malformed file: a message that says what is wrong, and the progress is kept.
    await page
      .getByLabel(/Import a progress file/)
      .setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"oops') });
    await expect
      .poll(() => page.locator('[data-message="error"]').innerText())
      .toMatch(/Could not import notes\.json: .*not JSON.*Your progress has not changed/);
    expect(await passed.innerText()).toMatch(/Passed on/);
    await page
      .getByLabel(/Import a progress file/)
      .setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"a": 1}') });
    await expect.poll(() => page.locator('[data-message="error"]').innerText()).toMatch(/not an ML on the Edge progress file/);

    // Accessible in light and dark mode, and usable at 360 px.
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    // Switch the theme, then let the colour transitions end before axe reads the colours.
    await page.evaluate(async () => {
      document.documentElement.setAttribute('data-theme', 'dark');
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      await Promise.all(document.getAnimations().map((a) => a.finished));
    });
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'progress-dark-1280.png'), fullPage: true });
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
    await page.setViewportSize({ width: 360, height: 780 });
    await noSidewaysScroll(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'progress-360.png'), fullPage: true });

    // The printed report: course, name and date on top; no buttons, no navbar.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    const report = await page.locator('main').innerText();
    expect(report).toMatch(/ML on the Edge: progress report for Ada Lovelace, printed on \w+/);
    expect(await page.getByRole('button', { name: 'Print the report' }).isVisible()).toBe(false);
    expect(await page.locator('.navbar').isVisible()).toBe(false);
    fs.writeFileSync(path.join(SCREENSHOTS, 'progress-print.pdf'), await page.pdf({ format: 'A4' }));

    expect(problems.consoleErrors).toEqual([]);
    expect(problems.externalRequests).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
    await context.close();
  });

  it('at 360 px, the section index shows the marks without sideways scrolling', async () => {
    const { page, problems, context } = await openPage(browser, { viewport: { width: 360, height: 780 } });
    await page.goto(baseURL() + SECTION_PAGE, { waitUntil: 'load' });
    await hydrated(page);
    await page.evaluate(
      ({ key, names }) => {
        const now = '2026-11-30T12:00:00.000Z';
        const exercise = (id: string) => ({ id, title: id, page: '/lessons/training/k-nearest-neighbours', passedAt: now });
        localStorage.setItem(key, JSON.stringify({ exercises: Object.fromEntries(names.map((n) => [n, exercise(n)])), quizzes: {} }));
      },
      { key: STORAGE_KEY, names: embedsInBuild([KNN_PAGE])[0].exercises },
    );
    await page.reload({ waitUntil: 'load' });
    await hydrated(page);
    const row = page.locator(`[data-progress-page="${KNN_PAGE}"]`);
    await expect.poll(() => row.locator('.progress-mark').getAttribute('data-progress')).toBe('done');
    const all = embedsInBuild([KNN_PAGE])[0].exercises.length;
    expect(await row.textContent()).toMatch(new RegExp(`${all} exercises, all ${all} done`));
    expect(await layoutShift(page, 'main'), 'layout shift after the progress marks appeared').toBe(0);
    await row.scrollIntoViewIfNeeded();
    await noSidewaysScroll(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'progress-section-360.png') });
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });
});
