/**
 * The course's quizzes (`<Quiz>` in the lessons' MDX, read by ./quiz-mdx.ts): each section opens
 * with a "what do you already know?" quiz and ends with one, every question is well formed and
 * explains itself with a link that leads somewhere, and quiz ids, the keys of a reader's
 * progress, are unique. Each failure names the file and the quiz.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentPages, type ContentPage } from '../../src/plugins/content-index';
import { courseQuizzes, quizzesIn, type QuizSpec } from './quiz-mdx';
import { termProblems } from './glossary-usage';

const ROOT = path.resolve(__dirname, '../..');
const pages = readContentPages(ROOT);
const quizzes = courseQuizzes(ROOT);
const MIN_QUESTIONS = 5;

/**
 * Sections whose end quiz is not on their last page in sidebar order, with the reason.
 * "Going faster" comes last in "Training ML algorithms" but is optional (no later page needs
 * it): the section ends, for every reader, with the neural network.
 */
const END_PAGE: Record<string, { file: string; why: string }> = {
  training: { file: 'docs/training/neural-network.mdx', why: '"Going faster", after it, is optional' },
};

type Section = { dir: string; index: ContentPage; pages: ContentPage[] };

/** Each folder of docs/ with an index page is a section; its pages in sidebar order, index first. */
function sections(): Section[] {
  const position = (p: ContentPage) => Number(p.frontMatter.sidebar_position ?? Infinity);
  return pages
    .filter((p) => /^docs\/[^/]+\/index\.mdx?$/.test(p.file))
    .map((index) => {
      const dir = index.file.split('/')[1];
      const rest = pages
        .filter((p) => p.file.startsWith(`docs/${dir}/`) && p !== index)
        .sort((a, b) => position(a) - position(b) || a.file.localeCompare(b.file));
      return { dir, index, pages: [index, ...rest] };
    });
}

/** Where each quiz starts in its page's body, so "near the top" and "at the end" can be checked. */
const offsetOf = (page: ContentPage, quiz: QuizSpec) => page.body.search(new RegExp(`<Quiz\\s[^>]*\\bid="${quiz.id}"`));

const anchors = new Map<ContentPage, Set<string>>();
/** The anchor ids a page has: `{#id}` headings, and each quiz's own heading. */
function anchorsOf(page: ContentPage): Set<string> {
  if (!anchors.has(page))
    anchors.set(
      page,
      new Set([...page.body.matchAll(/\{#([\w-]+)\}/g)].map((m) => m[1]).concat(quizzesIn(page.body).map((q) => `quiz-${q.id}`))),
    );
  return anchors.get(page)!;
}

/** Why a link in an explanation leads nowhere, or undefined when it resolves. */
function brokenLink(from: ContentPage, url: string): string | undefined {
  if (/^https?:\/\//.test(url)) return 'links outside the site: quizzes link to the lesson or the glossary';
  const [target, anchor] = url.split('#');
  let page: ContentPage | undefined = from;
  if (target.startsWith('/')) page = pages.find((p) => p.route === target.replace(/\/$/, ''));
  else if (target) {
    const file = path.posix.normalize(path.posix.join(path.posix.dirname(from.file), target));
    page = pages.find((p) => p.file === file);
  }
  if (!page) return 'no such page';
  if (anchor && !anchorsOf(page).has(anchor)) return `${page.file} has no {#${anchor}}`;
  return undefined;
}

/** What is wrong with one quiz, each problem naming the file, the quiz and the question. */
export function problemsOf(quiz: QuizSpec, page?: ContentPage): string[] {
  const where = `${quiz.file} <Quiz id="${quiz.id}">`;
  const out: string[] = [];
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(quiz.id)) out.push(`${where}: the id must be lowercase words joined by hyphens`);
  if (!quiz.title.trim()) out.push(`${where}: no title`);
  if (quiz.questions.length < MIN_QUESTIONS) out.push(`${where}: ${quiz.questions.length} questions, at least ${MIN_QUESTIONS} wanted`);
  quiz.questions.forEach((q, i) => {
    const at = `${where}, question ${i + 1}`;
    const right = q.choices.filter((c) => c.correct).length;
    if (!q.prompt) out.push(`${at}: no prompt`);
    if (q.strays.length) out.push(`${at}: ${q.strays.join(', ')} is not a Prompt, Choice or Explanation`);
    if (q.type === 'single') {
      if (q.choices.length < 2) out.push(`${at}: fewer than two choices`);
      if (right !== 1) out.push(`${at}: single choice with ${right} correct choices, exactly one wanted`);
    } else if (q.type === 'multiple') {
      if (q.choices.length < 2) out.push(`${at}: fewer than two choices`);
      if (right < 1) out.push(`${at}: multiple choice with no correct choice`);
    } else if (q.type === 'numeric') {
      if (q.choices.length) out.push(`${at}: a numeric question with choices`);
      if (q.answer === undefined || !Number.isFinite(q.answer)) out.push(`${at}: answer={…} is not a finite number`);
      if (q.tolerance !== undefined && !(q.tolerance >= 0)) out.push(`${at}: tolerance={…} is not a number >= 0`);
    } else out.push(`${at}: type="${q.type}", not single, multiple or numeric`);
    if (!q.explanation) out.push(`${at}: no <Explanation>`);
    else if (q.links.length === 0) out.push(`${at}: the explanation links to no paragraph or glossary term`);
    if (page)
      for (const url of q.links) {
        const broken = brokenLink(page, url);
        if (broken) out.push(`${at}: link ${url}: ${broken}`);
      }
  });
  return out;
}

describe('quizzes in the course', () => {
  it('are found, at least ten of them with fifty questions of all three kinds', () => {
    expect(quizzes.length).toBeGreaterThanOrEqual(10);
    const questions = quizzes.flatMap((q) => q.questions);
    expect(questions.length).toBeGreaterThanOrEqual(50);
    for (const type of ['single', 'multiple', 'numeric'])
      expect(
        questions.some((q) => q.type === type),
        type,
      ).toBe(true);
  });

  it('have ids unique across the course (they key the reader progress)', () => {
    const seen = new Map<string, string>();
    const problems: string[] = [];
    for (const q of quizzes) {
      const other = seen.get(q.id);
      if (other) problems.push(`<Quiz id="${q.id}"> is in ${other} and in ${q.file}`);
      seen.set(q.id, q.file);
    }
    expect(problems).toEqual([]);
  });

  it('are well formed: prompts, one right single choice, at least one right multiple choice, finite numeric answers, an explanation with a working link', () => {
    const problems = quizzes.flatMap((q) =>
      problemsOf(
        q,
        pages.find((p) => p.file === q.file),
      ),
    );
    expect(problems).toEqual([]);
  });

  it('give every choice words, not a formula alone (a label of maths only has no accessible name: axe and Lighthouse fail it)', () => {
    const mathOnly = quizzes.flatMap((q) =>
      q.questions.flatMap((question) => question.choices.filter((c) => c.mathOnly).map((c) => `${q.file}: <Quiz id="${q.id}">: ${c.text}`)),
    );
    expect(mathOnly).toEqual([]);
  });

  it('open every section on its index page, before its first section heading', () => {
    const problems = sections().flatMap(({ dir, index }) => {
      const first = quizzes.find((q) => q.file === index.file);
      if (!first) return [`${index.file}: no quiz at the start of section ${dir}`];
      const firstHeading = index.body.search(/^## /m);
      return offsetOf(index, first) < firstHeading ? [] : [`${index.file}: the first quiz, ${first.id}, comes after the first ## heading`];
    });
    expect(problems).toEqual([]);
  });

  it('close every section after the last section heading of its last page', () => {
    const problems = sections().flatMap(({ dir, pages: sectionPages }) => {
      const end = sectionPages.find((p) => p.file === END_PAGE[dir]?.file) ?? sectionPages[sectionPages.length - 1];
      const onPage = quizzes.filter((q) => q.file === end.file);
      const last = onPage[onPage.length - 1];
      const lastHeading = Math.max(...[...end.body.matchAll(/^## /gm)].map((m) => m.index ?? 0));
      if (!last || offsetOf(end, last) < lastHeading) return [`${end.file}: no quiz after its last ## heading, to close section ${dir}`];
      if (end === sectionPages[0] && onPage.length < 2) return [`${end.file}: one-page section ${dir} needs a start and an end quiz`];
      return [];
    });
    expect(problems).toEqual([]);
  });

  it('names end pages for existing sections only', () => {
    for (const [dir, { file }] of Object.entries(END_PAGE)) expect(fs.existsSync(path.join(ROOT, file)), `${dir}: ${file}`).toBe(true);
  });
});

describe('the quiz checks themselves', () => {
  const page = pages.find((p) => p.file === 'docs/edge-computing/index.mdx')!;
  const one = (questions: string) =>
    quizzesIn(`<Quiz id="t-quiz" title="T">\n${questions}\n</Quiz>`, page.file, page.route).map((q) => ({
      ...q,
      // Pad to the minimum with well-formed questions, so only the question under test can fail.
      questions: [
        ...q.questions,
        ...quizzesIn(
          `<Quiz id="pad" title="P">\n${'<QuizQuestion type="numeric" prompt="p" answer={1}>\n<Explanation>[l](/glossary/latency)</Explanation>\n</QuizQuestion>\n'.repeat(5)}</Quiz>`,
        )[0].questions,
      ],
    }))[0];
  const explained = '<Explanation>See [latency](/glossary/latency).</Explanation>';

  it('read prompts, choices, answers and links from the MDX', () => {
    const quiz = one(
      `<QuizQuestion type="single">\n<Prompt>Is $x$ **big**?</Prompt>\n  <Choice>No</Choice>\n  <Choice correct>Yes</Choice>\n  ${explained}\n</QuizQuestion>`,
    );
    expect(quiz.questions[0]).toMatchObject({
      type: 'single',
      prompt: 'Is x big?',
      choices: [
        { text: 'No', correct: false },
        { text: 'Yes', correct: true },
      ],
      links: ['/glossary/latency'],
    });
    const numeric = one(
      `<QuizQuestion type="numeric" prompt="p" answer={-2.5e-1} tolerance={0.01} unit="s">\n${explained}\n</QuizQuestion>`,
    );
    expect(numeric.questions[0]).toMatchObject({ answer: -0.25, tolerance: 0.01, unit: 's' });
    expect(problemsOf(quiz, page)).toEqual([]);
  });

  it('catch two right answers to a single choice, none to a multiple, a missing explanation or link, a broken anchor', () => {
    const cases: [string, RegExp][] = [
      [
        `<QuizQuestion type="single" prompt="p">\n<Choice correct>a</Choice>\n<Choice correct>b</Choice>\n${explained}\n</QuizQuestion>`,
        /2 correct choices/,
      ],
      [
        `<QuizQuestion type="multiple" prompt="p">\n<Choice>a</Choice>\n<Choice>b</Choice>\n${explained}\n</QuizQuestion>`,
        /no correct choice/,
      ],
      [`<QuizQuestion type="numeric" prompt="p" answer={x}>\n${explained}\n</QuizQuestion>`, /not a finite number/],
      [`<QuizQuestion type="numeric" prompt="p" answer={1} tolerance={-1}>\n${explained}\n</QuizQuestion>`, /tolerance/],
      [`<QuizQuestion type="numeric" prompt="p" answer={1}>\n</QuizQuestion>`, /no <Explanation>/],
      [`<QuizQuestion type="numeric" prompt="p" answer={1}>\n<Explanation>No link.</Explanation>\n</QuizQuestion>`, /links to no/],
      [
        `<QuizQuestion type="numeric" prompt="p" answer={1}>\n<Explanation>[a](#no-such-anchor)</Explanation>\n</QuizQuestion>`,
        /has no \{#no-such-anchor\}/,
      ],
      [
        `<QuizQuestion type="numeric" prompt="p" answer={1}>\n<Explanation>[a](/glossary/no-such-term)</Explanation>\n</QuizQuestion>`,
        /no such page/,
      ],
      [`<QuizQuestion type="numeric" answer={1}>\n${explained}\n</QuizQuestion>`, /no prompt/],
      [`<QuizQuestion type="short" prompt="p">\n${explained}\n</QuizQuestion>`, /not single, multiple or numeric/],
      [
        `<QuizQuestion type="numeric" prompt="p" answer={1}>\nStray text.\n${explained}\n</QuizQuestion>`,
        /is not a Prompt, Choice or Explanation/,
      ],
    ];
    for (const [mdx, expected] of cases) expect(problemsOf(one(mdx), page).join('\n'), mdx).toMatch(expected);
    expect(problemsOf(one(''), page)).toEqual([]);
    expect(problemsOf({ ...one(''), questions: one('').questions.slice(2) }, page).join()).toMatch(/3 questions, at least 5/);
  });

  it('are not held to the glossary-link rule: a start quiz asks about terms before the lesson links them', () => {
    const terms = [{ id: 'model', names: ['model'] }];
    const quiz =
      '<Quiz id="q" title="T">\n<QuizQuestion type="single" prompt="p">\n  <Choice correct>A model</Choice>\n</QuizQuestion>\n</Quiz>';
    expect(termProblems(`${quiz}\n\nThe <Term id="model">model</Term> is here.`, terms)).toEqual([]);
    expect(termProblems(`${quiz}\n\nThe model is here.`, terms).map((p) => p.kind)).toEqual(['unlinked']);
  });
});
