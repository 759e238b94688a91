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
  const lines = text.split('\n');
  const header = lines[0].split(',');
  const labelAt = header.indexOf(labelColumn);
  // Your code here: go through the other lines, check each row, and build
  // its features (numbers) and its label.
  return lines.slice(1).map((line) => {
    const fields = line.split(',');
    return {
      features: fields.filter((_, i) => i !== labelAt).map(Number),
      label: fields[labelAt],
    };
  });
}
