/**
 * The built site in Chromium: maths renders, search finds glossary terms, glossary terms show
 * their definitions, and screenshots of the home page and a lesson in both themes. (Every route's
 * console, requests, axe and 360 px checks are in routes.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseURL, hydrated, launchBrowser, openPage, saveScreenshotPath } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('maths', () => {
  it('renders KaTeX formulas with the site-bundled fonts', async () => {
    const { page, problems, context } = await openPage(browser);
    await page.goto(`${baseURL()}/lessons/training/linear-regression`, { waitUntil: 'networkidle' });
    const formula = page.locator('.katex-display .katex-html').first();
    await expect.poll(() => formula.isVisible()).toBe(true);
    const box = await formula.boundingBox();
    expect(box!.width).toBeGreaterThan(20);
    const fontsReady = await page.evaluate(async () => {
      await document.fonts.ready;
      return document.fonts.check('16px KaTeX_Main');
    });
    expect(fontsReady).toBe(true);
    expect(problems.externalRequests).toEqual([]);
    await context.close();
  });
});

describe('search', () => {
  it('finds a glossary term from a lesson page, offline', async () => {
    const { page, problems, context } = await openPage(browser);
    await page.goto(`${baseURL()}/lessons/edge-computing`, { waitUntil: 'networkidle' });
    // A slow phone: the real bar swaps in while the reader types, and no keystroke may be lost.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const input = page.getByLabel('Search', { exact: true }).first();
    await input.click();
    await page.keyboard.type('latency');
    const real = page.locator('input[aria-label="Search"]:not([data-stand-in])');
    await expect.poll(() => real.inputValue(), { timeout: 15_000 }).toBe('latency');
    await expect.poll(() => page.evaluate(() => document.activeElement?.matches('input:not([data-stand-in])'))).toBe(true);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const option = page
      .getByRole('option')
      .filter({ hasText: /Latency/ })
      .first();
    await expect.poll(() => option.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await option.click();
    await page.waitForURL(/\/glossary\/latency/);
    expect(problems.externalRequests).toEqual([]);
    await context.close();
  });
});

describe('glossary terms in lessons', () => {
  it('show their definition on keyboard focus', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${baseURL()}/lessons/edge-computing`, { waitUntil: 'networkidle' });
    await hydrated(page);
    const term = page.locator('a[href$="/glossary/latency"]').first();
    await term.focus();
    const tooltip = page.getByRole('tooltip');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    expect(await tooltip.textContent()).toMatch(/Latency/);
    await context.close();
  });
  it('show their definition on the first tap of a touch screen, and follow the link on the second', async () => {
    const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${baseURL()}/lessons/edge-computing`, { waitUntil: 'networkidle' });
    await hydrated(page);
    const term = page.locator('a[href$="/glossary/latency"]').first();
    await term.scrollIntoViewIfNeeded();
    await term.tap();
    const tooltip = page.getByRole('tooltip');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    expect(await tooltip.textContent()).toMatch(/Latency/);
    expect(page.url()).toMatch(/\/lessons\/edge-computing$/);
    await term.tap();
    await page.waitForURL(/\/glossary\/latency/);
    await context.close();
  });
});

describe('screenshots (saved in screenshots/, git-ignored)', () => {
  const shots = [
    { name: 'home', route: '/' },
    { name: 'lesson', route: '/lessons/training/k-nearest-neighbours' },
  ];
  for (const scheme of ['light', 'dark'] as const) {
    for (const viewport of [
      { label: 'desktop', width: 1280, height: 800 },
      { label: 'phone', width: 360, height: 740 },
    ]) {
      it(`${scheme} ${viewport.label}`, async () => {
        const { page, context } = await openPage(browser, { colorScheme: scheme, viewport });
        for (const shot of shots) {
          const response = await page.goto(baseURL() + shot.route, { waitUntil: 'networkidle' });
          const route = response?.status() === 200 ? shot.route : '/lessons/training';
          if (route !== shot.route) await page.goto(baseURL() + route, { waitUntil: 'networkidle' });
          expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme);
          // Nothing may be wider than a phone screen.
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow).toBeLessThanOrEqual(0);
          await page.screenshot({ path: saveScreenshotPath(`${shot.name}-${scheme}-${viewport.label}`), fullPage: false });
        }
        await context.close();
      });
    }
  }
});
