/**
 * Checks course.config.ts when the site builds, so a teacher's typo fails with a message that
 * names the file and the field, not deep inside page rendering.
 */
import type { CourseConfig } from '../../course.config';
import { LICENSES } from './licenses';

const SPDX = /^[A-Za-z0-9.+-]+$/;

/** Every problem found, one line each (empty when the config is fine). */
export function courseConfigProblems(course: CourseConfig, env: Record<string, string | undefined> = {}): string[] {
  const problems: string[] = [];
  const text = (value: unknown, field: string) => {
    if (typeof value !== 'string' || value.trim() === '') problems.push(`${field} must be a non-empty text, got ${JSON.stringify(value)}`);
  };
  text(course.title, 'title');
  text(course.tagline, 'tagline');
  text(course.organisation, 'organisation');
  text(course.license?.attribution, 'license.attribution');
  const url = env.SITE_URL ?? course.url;
  if (!/^https?:\/\/[^/\s]+$/.test(url ?? ''))
    problems.push(
      `url${env.SITE_URL ? ' (from SITE_URL)' : ''} must be like https://example.github.io, with no path or trailing slash, got ${JSON.stringify(url)}`,
    );
  const base = env.BASE_URL ?? course.baseUrl;
  if (!/^\/([^\s]*\/)?$/.test(base ?? ''))
    problems.push(
      `baseUrl${env.BASE_URL ? ' (from BASE_URL)' : ''} must start and end with "/", e.g. "/" or "/ml-on-the-edge/", got ${JSON.stringify(base)}`,
    );
  if (course.repository?.url && !/^https?:\/\/\S+$/.test(course.repository.url))
    problems.push(`repository.url must be a web address (or empty to hide "Edit this page"), got ${JSON.stringify(course.repository.url)}`);
  for (const [id, info] of Object.entries(course.license?.extra ?? {})) {
    if (!SPDX.test(id)) problems.push(`license.extra: "${id}" is not an SPDX id (letters, digits, ".", "-", "+")`);
    if (!info || typeof info.name !== 'string' || !info.name || typeof info.url !== 'string' || !/^https?:\/\//.test(info.url)) {
      problems.push(`license.extra["${id}"] needs a name and a web address: { name: '…', url: 'https://…' }`);
    }
  }
  for (const field of ['content', 'code'] as const) {
    const id = course.license?.[field];
    if (typeof id !== 'string' || !Object.prototype.hasOwnProperty.call(LICENSES, id)) {
      problems.push(
        `license.${field} "${String(id)}" is not a licence the site knows: use one of ${Object.keys(LICENSES).join(', ')}, or add it to license.extra`,
      );
    }
  }
  if (typeof course.showSolutions !== 'boolean')
    problems.push(`showSolutions must be true or false, got ${JSON.stringify(course.showSolutions)}`);
  if (env.SHOW_SOLUTIONS !== undefined && !/^(true|false)$/.test(env.SHOW_SOLUTIONS))
    problems.push(`SHOW_SOLUTIONS must be "true" or "false", got ${JSON.stringify(env.SHOW_SOLUTIONS)}`);
  return problems;
}

/** Throws one error listing every problem, each prefixed with the file's name. */
export function checkCourseConfig(course: CourseConfig, env: Record<string, string | undefined> = {}): void {
  const problems = courseConfigProblems(course, env);
  if (problems.length > 0)
    throw new Error(
      `course.config.ts has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${problems.map((p) => `  course.config.ts: ${p}`).join('\n')}`,
    );
}

/** Whether this build shows exercise solutions: SHOW_SOLUTIONS=true|false, else the config. */
export function showSolutions(course: CourseConfig, env: Record<string, string | undefined> = {}): boolean {
  return env.SHOW_SOLUTIONS === undefined ? course.showSolutions : env.SHOW_SOLUTIONS === 'true';
}
