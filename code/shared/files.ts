// SPDX-License-Identifier: MIT
/**
 * Read a data file that ships with the course, by its path under `code/`
 * (e.g. '/data/iris.csv').
 *
 * This is the Node version (tests, the command line, a Raspberry Pi): it reads
 * the file from disk. In the page, the runner answers this import with its own
 * version (src/runner/page-modules.ts), which reads the embed's copy of the
 * file: the build gives each embed the data files its code names.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

export async function readTextFile(file: string): Promise<string> {
  const relative = file.replace(/^\/+/, '');
  return fs.readFile(path.join(__dirname, '..', relative), 'utf8');
}
