/**
 * `npm start`, the README's first command: the development server renders pages in the browser
 * only (no server HTML), a path the production-build tests never take. A lesson's code must show
 * and run there too, with nothing requested from another origin.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ROOT, isOtherOrigin, launchBrowser } from './harness';

let server: ChildProcess;
let browser: Browser;
let url: string;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

beforeAll(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  // NODE_ENV: vitest sets it to "test", which is not what `npm start` sees.
  server = spawn('npx', ['docusaurus', 'start', '--no-open', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'development' },
  });
  let log = '';
  server.stdout!.on('data', (chunk) => (log = (log + chunk).slice(-4000)));
  server.stderr!.on('data', (chunk) => (log = (log + chunk).slice(-4000)));
  const started = Date.now();
  for (;;) {
    if (server.exitCode !== null) throw new Error(`npm start: the development server exited (${server.exitCode}):\n${log}`);
    if (Date.now() - started > 240_000) throw new Error(`npm start: the development server did not answer within 4 minutes:\n${log}`);
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (server?.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
});

describe('npm start (development server)', () => {
  it('shows a lesson whose code is visible, opens in the editor and runs', { timeout: 240_000 }, async () => {
    const context = await browser.newContext();
    // Other origins fail (launchBrowser): record each attempt.
    const outside: string[] = [];
    context.on('requestfailed', (req) => {
      if (isOtherOrigin(req.url(), url)) outside.push(req.url());
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    // The first visit compiles the page's code: give it time.
    await page.goto(`${url}/lessons/training/k-nearest-neighbours`, { waitUntil: 'networkidle', timeout: 200_000 });
    const code = page.locator('[data-code-area]').first();
    await expect.poll(() => code.textContent(), { timeout: 30_000 }).toMatch(/loadExamples/);
    // The English site in English: no translation notice (a plain `npm start` is the default locale).
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('[data-translation]').count()).toBe(0);
    await code.locator('pre').first().click();
    await expect.poll(() => page.locator('.cm-content').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Run', exact: true }).first().click();
    await expect
      .poll(() => page.getByRole('log', { name: 'Output' }).first().textContent(), { timeout: 60_000 })
      .toMatch(/Accuracy with k = 5/);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await context.close();
  });
});
