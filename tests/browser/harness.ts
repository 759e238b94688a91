/**
 * Shared helpers for the browser tests: Debian's Chromium through playwright-core, every request
 * outside 127.0.0.1 blocked and recorded, console errors and failed requests collected per page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.join(ROOT, 'screenshots');

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function baseURL(): string {
  return inject('baseURL');
}

/** Debian's Chromium, headless, with a fresh temporary profile (playwright makes one per launch). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

export type PageProblems = {
  consoleErrors: string[];
  failedRequests: string[];
  externalRequests: string[];
};

export type OpenPageOptions = {
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
};

/**
 * A new page in its own browser context (fresh storage) that blocks every request outside
 * 127.0.0.1 and records what went wrong.
 */
export async function openPage(
  browser: Browser,
  options: OpenPageOptions = {},
): Promise<{ page: Page; problems: PageProblems; context: BrowserContext }> {
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  const problems: PageProblems = { consoleErrors: [], failedRequests: [], externalRequests: [] };
  const local = new URL(baseURL()).host;
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.host === local) return route.continue();
    problems.externalRequests.push(url.href);
    return route.abort('blockedbyclient');
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => problems.consoleErrors.push(`pageerror: ${err.message}`));
  page.on('requestfailed', (req) => {
    // ERR_ABORTED is a request the page cancelled itself (a prefetch cut short by the next navigation).
    const reason = req.failure()?.errorText ?? '';
    if (new URL(req.url()).host === local && !reason.includes('ERR_ABORTED')) problems.failedRequests.push(`${req.url()} (${reason})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && new URL(res.url()).host === local) problems.failedRequests.push(`${res.url()} (${res.status()})`);
  });
  return { page, problems, context };
}

/** Every route of the built site, from its sitemap, as paths ("/lessons/edge-computing"). */
export function sitemapRoutes(): string[] {
  const xml = fs.readFileSync(path.join(ROOT, 'build', 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
}

/** Run axe-core in the page; returns the serious and critical violations. */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string; help: string; targets: string[] }[]> {
  const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

export function saveScreenshotPath(name: string): string {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, `${name}.png`);
}
