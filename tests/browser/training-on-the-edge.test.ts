/**
 * The "Training on the edge" pages: the federated-learning playground (one Web Worker per
 * simulated device) and "How fast is your device?" (timings beside the reference, copied as text).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseURL, launchBrowser, openPage } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('federated playground', () => {
  it('trains devices in their own workers and shows uneven data hurting when devices go far alone', async () => {
    const { page, problems, context } = await openPage(browser);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.goto(`${baseURL()}/lessons/training-on-the-edge`, { waitUntil: 'networkidle' });
    const playground = page.getByRole('region', { name: 'Federated learning playground' });
    const status = playground.locator('p[aria-live]');
    const finalAccuracies = async () => {
      await expect.poll(() => status.textContent(), { timeout: 60_000 }).toMatch(/^Round 30 of 30/);
      const [, federated, central] = (await status.textContent())!.match(/federated ([\d.]+)%, central ([\d.]+)%/)!;
      return { federated: Number(federated), central: Number(central) };
    };
    await playground.getByLabel(/Learning rate/).fill('4'); // the fifth step: 3
    await playground.getByLabel(/Local epochs/).fill('20');
    await playground.getByLabel(/How uneven/).fill('0');
    await playground.getByRole('button', { name: 'Train' }).click();
    const even = await finalAccuracies();
    // Four devices and the central model, each in its own worker.
    expect(workers.filter((url) => !/runner/.test(url)).length).toBeGreaterThanOrEqual(5);
    await playground.getByLabel(/How uneven/).fill('1');
    await playground.getByRole('button', { name: 'Train' }).click();
    const uneven = await finalAccuracies();
    expect(even.federated).toBeGreaterThan(95);
    expect(uneven.central).toBeGreaterThan(95);
    expect(uneven.federated).toBeLessThan(uneven.central - 5);
    // Only weights travelled: the table counts them.
    await expect.poll(() => playground.getByRole('row', { name: /Federated, so far/ }).textContent()).toMatch(/[1-9][\d.]* KB/);
    // A device that misses rounds: the run still finishes, with fewer devices answering some rounds.
    await playground.getByLabel(/misses a round/).fill('0.5');
    await playground.getByRole('button', { name: 'Train' }).click();
    await finalAccuracies();
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.externalRequests).toEqual([]);
    await context.close();
  });
});

describe('how fast is your device?', () => {
  it('times the training runs beside the reference and copies the result as text', async () => {
    const { page, problems, context } = await openPage(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`${baseURL()}/lessons/training-on-the-edge/how-fast-is-your-device`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Time my device' }).click();
    const copy = page.getByRole('button', { name: 'Copy the result as text' });
    await expect.poll(() => copy.isEnabled(), { timeout: 90_000 }).toBe(true);
    await copy.click();
    await expect.poll(() => page.getByText('Copied: paste it into your process log.').count()).toBe(1);
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toMatch(/^ML on the Edge: how fast is my device\? \(\d{4}-\d\d-\d\d\)/);
    expect(text).toMatch(/Reference: npm run bench on .+, \d+ cores, .+, Node v[\d.]+, \d{4}-\d\d-\d\d/);
    const rows = text.split('\n').filter((line) => /\(reference [\d.]+ (ms|s); [\d.]+× (slower|faster)\)$/.test(line));
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) expect(row).not.toMatch(/not run/);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('a worker that fails', () => {
  /** Replaces Worker with one that fails as it starts, as a blocked or broken script would. */
  const brokenWorkers = () => {
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
  };

  it('ends the run with a message on both pages instead of hanging', async () => {
    const { page, context } = await openPage(browser);
    await page.addInitScript(brokenWorkers);
    await page.goto(`${baseURL()}/lessons/training-on-the-edge/how-fast-is-your-device`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Time my device' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Timing stopped: simulated crash/);
    expect(await page.getByRole('button', { name: 'Time my device' }).isEnabled()).toBe(true);

    await page.goto(`${baseURL()}/lessons/training-on-the-edge`, { waitUntil: 'networkidle' });
    const playground = page.getByRole('region', { name: 'Federated learning playground' });
    await playground.getByRole('button', { name: 'Train' }).click();
    await expect
      .poll(() => playground.getByRole('alert').textContent())
      .toMatch(/Training stopped: (device \d+|the central model) stopped: simulated crash/);
    expect(await playground.getByRole('button', { name: 'Train' }).isEnabled()).toBe(true);
    await context.close();
  });
});
