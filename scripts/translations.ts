/**
 * `npm run translations`: the state of every translation, for translators and reviewers.
 *
 *   npm run translations                       every locale in i18n/
 *   npm run translations -- --locale fr        one locale
 *   npm run translations -- --site ../my-fork  another checkout
 *   npm run translations -- docs/training      only pages whose English path starts with this
 *
 * Lists pages not translated yet, translations whose English page changed since they were made
 * (with the `git diff` command that shows what changed), and translations that lost a component,
 * heading id, glossary term, link or number of the English page. Exits with 1 when any page
 * needs work, 0 when every page is translated, current and complete.
 */
import path from 'node:path';
import { checkTranslations, orphanTranslations, translatedLocales } from '../src/plugins/translations';

/** What the command prints for these locales (pages filtered by path prefix), and how many pages need work. */
export async function translationsReport(
  siteDir: string,
  locales: string[],
  filters: string[] = [],
): Promise<{ lines: string[]; needsWork: number }> {
  const lines: string[] = [];
  let needsWork = 0;
  for (const locale of locales) {
    const reports = (await checkTranslations(siteDir, locale)).filter(
      (r) => filters.length === 0 || filters.some((f) => r.status.source.startsWith(f) || r.status.file.startsWith(f)),
    );
    const by = (state: string) => reports.filter((r) => r.status.state === state);
    const broken = reports.filter((r) => r.problems.length > 0);
    const orphans = filters.length ? [] : orphanTranslations(siteDir, locale);
    lines.push(
      `\n[${locale}] ${reports.length} pages: ${by('current').length} current, ${by('stale').length} stale, ${by('missing').length} not translated, ${by('unrecorded').length} without source_version; ${broken.length} with differences`,
    );
    for (const r of by('missing')) lines.push(`  not translated  ${r.status.source} -> ${r.status.file}`);
    for (const r of by('unrecorded'))
      lines.push(
        `  no version      ${r.status.file}: add "source_version: ${r.status.actual}" to its front matter once it translates ${r.status.source}`,
      );
    for (const r of by('stale'))
      lines.push(
        `  stale           ${r.status.file}: ${r.status.source} changed. What changed: git diff ${r.status.recorded} ${r.status.actual}; then set source_version: ${r.status.actual}`,
      );
    for (const r of broken) {
      lines.push(`  differs         ${r.status.file}:`);
      for (const problem of r.problems) lines.push(`                    - ${problem}`);
    }
    for (const file of orphans) lines.push(`  no English page ${file}: its English page was renamed or deleted`);
    needsWork += reports.length - by('current').length + broken.length + orphans.length;
  }
  return { lines, needsWork };
}

async function main() {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const at = args.indexOf(name);
    if (at === -1) return undefined;
    const value = args[at + 1];
    args.splice(at, 2);
    return value;
  };
  const siteDir = path.resolve(option('--site') ?? path.join(__dirname, '..'));
  const only = option('--locale');
  const filters = args.filter((a) => !a.startsWith('--'));
  const locales = only ? [only] : translatedLocales(siteDir);
  if (locales.length === 0) {
    console.log(`No translations in ${path.join(siteDir, 'i18n')}.`);
    process.exit(0);
  }
  const { lines, needsWork } = await translationsReport(siteDir, locales, filters);
  for (const line of lines) console.log(line);
  process.exit(needsWork > 0 ? 1 : 0);
}

if (typeof require !== 'undefined' && require.main === module) void main();
