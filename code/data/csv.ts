// SPDX-License-Identifier: MIT
/**
 * Reading CSV files into examples, with errors that point at the line to fix.
 * Papa Parse does the tokenising (quotes, commas in quotes, line endings); this
 * file checks shape and numbers. Line numbers count from 1 and include the
 * header line, as an editor shows them.
 */
import Papa from 'papaparse';
import type { Example } from '../knn/knn';

export type Csv = { header: string[]; rows: string[][] };

/**
 * Split CSV text into a header and rows of strings. Every row must have as many
 * fields as the header.
 */
export function parseCsv(text: string): Csv {
  if (text.trim() === '')
    throw new Error(
      'CSV is empty: expected a header line and at least one row',
    );
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    skipEmptyLines: true,
  });
  for (const error of result.errors) {
    if (error.code === 'MissingQuotes') {
      const line = lineOfRow(text, error.row ?? 0);
      throw new Error(
        `CSV line ${line}: a quoted field is never closed (unterminated quote)`,
      );
    }
  }
  const [header, ...rows] = result.data;
  if (!header || header.every((h) => h.trim() === ''))
    throw new Error(
      'CSV is empty: expected a header line and at least one row',
    );
  const names = header.map((h) => h.trim());
  names.forEach((name, column) => {
    if (name === '')
      throw new Error(
        `CSV line 1, column ${column + 1}: the header has an empty column name`,
      );
  });
  rows.forEach((row, i) => {
    if (row.length !== names.length) {
      throw new Error(
        `CSV line ${lineOfRow(text, i + 1)}: expected ${names.length} fields ` +
          `(like the header), got ${row.length}`,
      );
    }
  });
  return { header: names, rows };
}

/**
 * The 1-based line number of data row `row` (0 = header), skipping blank lines
 * as Papa Parse does.
 */
function lineOfRow(text: string, row: number): number {
  const lines = text.split(/\r\n|\n|\r/);
  let seen = -1;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '') seen++;
    if (seen === row) return i + 1;
  }
  return lines.length;
}

/**
 * Turn CSV text into examples: the `label` column becomes each example's label;
 * every other column must hold numbers and becomes a feature, in file order.
 * @returns the examples and the names of the feature columns.
 */
export function loadExamples(
  text: string,
  options: { label: string },
): Example[] {
  return loadExamplesWithColumns(text, options).examples;
}

export function loadExamplesWithColumns(
  text: string,
  options: { label: string },
): { examples: Example[]; featureNames: string[] } {
  const { header, rows } = parseCsv(text);
  const labelColumn = header.indexOf(options.label);
  if (labelColumn < 0) {
    throw new Error(
      `CSV has no column "${options.label}" for the label; its columns are: ` +
        `${header.join(', ')}`,
    );
  }
  if (rows.length === 0)
    throw new Error(
      'CSV has a header but no rows: expected at least one example',
    );
  const featureNames = header.filter((_, c) => c !== labelColumn);
  const examples = rows.map((row, i) => {
    const features: number[] = [];
    row.forEach((field, column) => {
      if (column === labelColumn) return;
      const value = Number(field.trim());
      if (field.trim() === '' || !Number.isFinite(value)) {
        throw new Error(
          `CSV line ${lineOfRow(text, i + 1)}, column ${column + 1} ` +
            `("${header[column]}"): expected a number, got "${field}"`,
        );
      }
      features.push(value);
    });
    const label = row[labelColumn].trim();
    if (label === '')
      throw new Error(
        `CSV line ${lineOfRow(text, i + 1)}, column ${labelColumn + 1} ` +
          `("${options.label}"): the label is empty`,
      );
    return { features, label };
  });
  return { examples, featureNames };
}
