#!/usr/bin/env node
/**
 * Lighthouse (mobile) on the production build served gzip-compressed, as static hosts do.
 * Not part of `npm test` (about 20 s a page); run it before a release or after layout changes:
 *
 *   npm run build && node tests/perf/lighthouse.mjs [/route …]
 *
 * Needs lighthouse 12 (Node 20): `npx -y lighthouse@12.2.3 --version` once, or LIGHTHOUSE=path/to/cli.
 * Prints performance, accessibility, best-practices and SEO per page and writes JSON reports to
 * .lighthouse/ (git-ignored).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import { startServer } from '../browser/serve.mjs';

const routes = process.argv.slice(2).length
  ? process.argv.slice(2)
  : [
      '/',
      '/lessons/training/k-nearest-neighbours',
      '/glossary/latency',
      '/labs/raspberry-pi-edge-impulse',
      // The French edition: its home, a lesson with embeds, a glossary page.
      '/fr/',
      '/fr/lessons/training/k-nearest-neighbours',
      '/fr/glossary/latency',
    ];
const out = path.resolve('.lighthouse');
fs.mkdirSync(out, { recursive: true });
const server = await startServer({ dir: 'build' });
const cli = process.env.LIGHTHOUSE ? ['node', [process.env.LIGHTHOUSE]] : ['npx', ['-y', 'lighthouse@12.2.3']];
const flags =
  '--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync';
const rows = [];
try {
  for (const route of routes) {
    const file = path.join(out, `${route.replace(/\W+/g, '_') || 'home'}.json`);
    // Asynchronously: the server answering Lighthouse lives in this very process.
    await promisify(execFile)(
      cli[0],
      [
        ...cli[1],
        server.url + route,
        '--quiet',
        '--output=json',
        `--output-path=${file}`,
        `--chrome-flags=${flags}`,
        '--only-categories=performance,accessibility,best-practices,seo',
      ],
      {
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
      },
    );
    const report = JSON.parse(fs.readFileSync(file, 'utf8'));
    const score = (k) => Math.round(report.categories[k].score * 100);
    const failing = Object.values(report.audits)
      .filter(
        (a) =>
          a.score !== null &&
          a.score < 1 &&
          ['accessibility', 'best-practices'].some((c) => report.categories[c].auditRefs.some((r) => r.id === a.id && r.weight > 0)),
      )
      .map((a) => a.id);
    rows.push({
      route,
      performance: score('performance'),
      accessibility: score('accessibility'),
      'best-practices': score('best-practices'),
      seo: score('seo'),
      LCP: report.audits['largest-contentful-paint'].displayValue,
      TBT: report.audits['total-blocking-time'].displayValue,
      CLS: report.audits['cumulative-layout-shift'].displayValue,
      failing: failing.join(' '),
    });
  }
} finally {
  await server.close();
}
console.table(rows);
