// SPDX-License-Identifier: MIT
export type Example = { features: number[]; label: string };

/**
 * Read CSV text into examples. The first line is the header: the column names.
 * The column named `labelColumn` holds each example's label; every other column
 * holds a number and becomes a feature, in the order of the file.
 *
 * Blank lines are skipped. A row that cannot become an example throws an Error
 * whose message names its line, counted from 1 as an editor does (the header
 * is line 1, blank lines count): a row with the wrong number of fields, a
 * feature that is not a number (the message quotes it; an empty field is not
 * a number either), an empty label. A `labelColumn` that the header does not
 * have throws an Error that names it. Lines end with \n, or with \r\n in
 * files saved on Windows. No quoted fields: every comma separates two fields.
 */
export function readExamples(text: string, labelColumn: string): Example[] {
  // '\r?\n': files saved on Windows end their lines with \r\n
  const lines = text.split(/\r?\n/);
  const header = lines[0].split(',').map((name) => name.trim());
  const labelAt = header.indexOf(labelColumn);
  if (labelAt < 0) {
    throw new Error(
      `no column "${labelColumn}" in the header; its columns are ` +
        header.join(', '),
    );
  }
  const examples: Example[] = [];
  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    if (index === 0 || line.trim() === '') return;
    const fields = line.split(',').map((field) => field.trim());
    if (fields.length !== header.length) {
      throw new Error(
        `line ${lineNumber}: expected ${header.length} fields like the ` +
          `header, got ${fields.length}`,
      );
    }
    const features: number[] = [];
    fields.forEach((field, column) => {
      if (column === labelAt) return;
      const value = Number(field);
      if (field === '' || !Number.isFinite(value)) {
        throw new Error(
          `line ${lineNumber}, column "${header[column]}": expected a ` +
            `number, got "${field}"`,
        );
      }
      features.push(value);
    });
    const label = fields[labelAt];
    if (label === '') throw new Error(`line ${lineNumber}: the label is empty`);
    examples.push({ features, label });
  });
  return examples;
}
