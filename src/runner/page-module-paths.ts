/**
 * The modules of code/ that the in-page runner answers with its own versions (see
 * ./page-modules.ts): under Node, code/shared/plot.ts prints a summary of a chart and
 * code/shared/files.ts reads a file from disk; in the page, the runner draws the chart under the
 * output and reads the embed's own copy of the data file. Paths are under code/.
 */
export const PAGE_MODULES: readonly string[] = ['shared/plot.ts', 'shared/files.ts'];
