/**
 * Once per browser-test run: build the site if its inputs changed since the last build
 * (tests/build-site.ts), then serve build/ gzip-compressed on 127.0.0.1. Tests read the address
 * with `inject('baseURL')`.
 */
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../build-site';
import { startServer } from './serve.mjs';

const ROOT = path.resolve(__dirname, '../..');

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

export default async function setup(project: TestProject) {
  console.log('[browser tests] building the site unless build/ is up to date…');
  const { built, seconds } = await buildSite();
  console.log(built ? `[browser tests] build took ${seconds.toFixed(1)} s` : '[browser tests] reusing build/ (inputs unchanged)');
  const server = await startServer({ dir: path.join(ROOT, 'build') });
  project.provide('baseURL', server.url);
  return async () => server.close();
}
