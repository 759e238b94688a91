// SPDX-License-Identifier: MIT
/**
 * Read a data file that ships with the course, by its path under `code/` (e.g. '/data/iris.csv').
 *
 * - In the page, the runner hands the embed's files to the code as `globalThis.__mlEdgeFiles`.
 * - Under Node (tests, the command line, a Raspberry Pi), the file is read from disk.
 */
type FileTable = Record<string, string>;

export async function readTextFile(path: string): Promise<string> {
  const normalised = path.startsWith('/') ? path : `/${path}`;
  const files = (globalThis as { __mlEdgeFiles?: FileTable }).__mlEdgeFiles;
  if (files) {
    if (normalised in files) return files[normalised];
    throw new Error(`No file ${normalised} in this example; it has: ${Object.keys(files).join(', ') || 'no data files'}`);
  }
  // Node only: loaded when needed, so this module also runs in a browser worker.
  const fs = await import('node:fs/promises');
  const nodePath = await import('node:path');
  return fs.readFile(nodePath.join(__dirname, '..', normalised), 'utf8');
}
