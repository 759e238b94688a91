/**
 * Print: a lesson in print media after the reader ran two embeds (one with the editor open),
 * at about the width of A4 paper. No site chrome or buttons; each embed prints its whole file,
 * wrapped, and its output (a chart too); answers and other `data-print="hide"` elements are left
 * out; the licence notice gives the page's address.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { ROOT, baseURL, hydrated, launchBrowser, openPage, saveScreenshotPath } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const LESSON = '/lessons/training/k-nearest-neighbours';
/** Long enough (103 lines) that the editor draws only part of it in a short window. */
const EDITED = 'knn/demo-scaling.ts';
/** Draws a chart. */
const CHARTED = 'knn/demo-choosing-k.ts';

const lineCount = (entry: string) =>
  fs
    .readFileSync(path.join(ROOT, 'code', entry), 'utf8')
    .replace(/\n$/, '')
    .split('\n').length;

async function runEmbed(embed: Locator): Promise<void> {
  await embed.scrollIntoViewIfNeeded();
  await embed.getByRole('button', { name: 'Run', exact: true }).click();
  await embed.getByRole('log', { name: 'Output' }).locator('pre').first().waitFor({ timeout: 60_000 });
  await embed.and(embed.page().locator('[data-state="idle"]')).waitFor({ timeout: 60_000 });
}

/** Whether the element takes up room on the page (not display: none, not zero-sized). */
const shown = (locator: Locator) =>
  locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return getComputedStyle(el).visibility !== 'hidden' && box.width > 0 && box.height > 0;
  });

/** Code lines an embed shows, counted where they are visible. */
const visibleCodeLines = (embed: Locator) =>
  embed.evaluate(
    (el) =>
      [...el.querySelectorAll('[class*="codeLine_"]')].filter((line) => {
        const box = line.getBoundingClientRect();
        return box.height > 0 && box.width > 0;
      }).length,
  );

describe('print', () => {
  let page: Page;
  let edited: Locator;
  let charted: Locator;

  beforeAll(async () => {
    // About A4's printable width at 96 dpi, and a short window: the editor draws fewer lines.
    ({ page } = await openPage(browser, { viewport: { width: 720, height: 500 } }));
    await page.goto(baseURL() + LESSON, { waitUntil: 'load' });
    await hydrated(page);
    edited = page.locator(`[data-runnable-entry="${EDITED}"]`);
    charted = page.locator(`[data-runnable-entry="${CHARTED}"]`);
    await runEmbed(charted);
    await charted.locator('canvas').first().waitFor({ timeout: 30_000 });
    await runEmbed(edited);
    // The reader opens the editor: Sandpack's CodeMirror replaces the highlighted code.
    await edited.locator('[data-code-area] pre').first().click();
    await edited.locator('.cm-content').waitFor({ timeout: 30_000 });
    await page.evaluate(() => {
      // The convention the quiz and other components follow, on two elements of our own.
      const hide = Object.assign(document.createElement('p'), { textContent: 'hidden on paper' });
      hide.dataset.print = 'hide';
      hide.id = 'print-test-hide';
      const only = Object.assign(document.createElement('p'), { textContent: 'only on paper' });
      only.dataset.print = 'only';
      only.id = 'print-test-only';
      document.querySelector('.markdown')!.append(hide, only);
    });
    expect(await shown(page.locator('#print-test-hide'))).toBe(true);
    expect(await shown(page.locator('#print-test-only'))).toBe(false);
    await page.emulateMedia({ media: 'print' });
  }, 240_000);

  afterAll(async () => {
    await page?.context().close();
  });

  it('leaves out the navbar, sidebars, table of contents, breadcrumbs, pagination, edit link and every button', async () => {
    for (const selector of [
      '.navbar',
      '.theme-doc-sidebar-container',
      '.theme-doc-toc-desktop',
      '.theme-doc-toc-mobile',
      '.theme-doc-breadcrumbs',
      '.pagination-nav',
      '.theme-edit-this-page',
      '.footer',
      '[role="tablist"]',
    ]) {
      const all = page.locator(selector);
      for (let i = 0; i < (await all.count()); i++) expect(await shown(all.nth(i)), selector).toBe(false);
    }
    const buttons = await page
      .locator('button')
      .evaluateAll((els) => els.filter((b) => b.getBoundingClientRect().height > 0).map((b) => b.textContent));
    expect(buttons).toEqual([]);
    await page.pdf({ path: saveScreenshotPath('print-knn').replace(/\.png$/, '.pdf') });
  });

  it('prints the whole file of an embed whose editor is open, and of one that is not', async () => {
    const editorLines = await edited.locator('.cm-line').count();
    // The editor is hidden on paper; the highlighted copy printed instead has every line.
    expect(await shown(edited.locator('.sp-wrapper').first())).toBe(false);
    expect(await visibleCodeLines(edited)).toBe(lineCount(EDITED));
    expect(await visibleCodeLines(charted)).toBe(lineCount(CHARTED));
    // Where it is in the repository, and the other files the example uses.
    await expect.poll(() => edited.locator('[data-print="only"]').first().innerText()).toContain(`code/${EDITED}`);
    console.log(`[print] editor drew ${editorLines} of ${lineCount(EDITED)} lines of ${EDITED}; the print shows all`);
  });

  it('wraps long code lines instead of clipping them at the edge of the paper', async () => {
    const clipped = await page
      .locator('article pre')
      .evaluateAll((els) => els.filter((el) => el.getBoundingClientRect().height > 0 && el.scrollWidth > el.clientWidth + 1).length);
    expect(clipped).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });

  it('prints what the reader ran: the output under each embed, the chart included', async () => {
    for (const embed of [edited, charted]) {
      const log = embed.getByRole('log', { name: 'Output' });
      expect(await shown(log)).toBe(true);
      // Not a scroll box on paper: all of it is laid out.
      expect(await log.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
    }
    expect(await edited.getByRole('log', { name: 'Output' }).innerText()).toMatch(/\w/);
    expect(await shown(charted.locator('canvas').first())).toBe(true);
    // An embed nobody ran prints no empty output box.
    // (CSS, not getByRole: a role query skips hidden elements and would wait for it.)
    const idle = page.locator('[data-runnable-entry="knn/demo-iris.ts"] [role="log"]');
    expect(await shown(idle)).toBe(false);
  });

  it('hides data-print="hide" (answers included) and shows data-print="only"', async () => {
    expect(await shown(page.locator('#print-test-hide'))).toBe(false);
    expect(await shown(page.locator('#print-test-only'))).toBe(true);
    const answers = page.locator('details[data-print="hide"]');
    expect(await answers.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await answers.count()); i++) expect(await shown(answers.nth(i))).toBe(false);
  });

  it("ends with the page's licence and its address", async () => {
    const notice = page.locator('[data-license]');
    expect(await shown(notice)).toBe(true);
    const text = await notice.innerText();
    expect(text).toContain('Creative Commons Attribution-ShareAlike 4.0');
    // The build the tests serve is made with SITE_URL=http://127.0.0.1.
    expect(text).toContain(`This page: http://127.0.0.1${LESSON}`);
  });
});
