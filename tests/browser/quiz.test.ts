/**
 * Quizzes in the built site (src/components/Quiz). On one lesson, at 1280 px with the mouse and
 * at 360 px with the keyboard: wrong and right answers of each kind, the feedback and its
 * explanation link, the announced score, the reader's progress in localStorage, "Try again", no
 * console error and axe clean (light and dark). Then every question of the course, read from the
 * MDX by the same reader the content test uses (tests/content/quiz-mdx.ts): one answered wrong
 * and the rest right in each quiz, then all of them right after "Try again".
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { axeSource, baseURL, builtFile, hydrated, launchBrowser, openPage, ROOT } from './harness';
import { courseQuizzes, type QuizQuestionSpec, type QuizSpec } from '../content/quiz-mdx';
import { readContentPages } from '../../src/plugins/content-index';

const quizzes = courseQuizzes(ROOT);
const PROGRESS_KEY = 'ml-edge:progress:v1';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Input = 'mouse' | 'keyboard';

/** The question forms of a quiz, in page order: the same order as in the MDX. */
const questionsOf = (page: Page, id: string) => page.locator(`[data-quiz="${id}"] form`);
const feedbackOf = (question: Locator) => question.locator('[role="status"]');

async function chooseAndCheck(page: Page, question: Locator, type: string, picks: number[], input: Input) {
  const boxes = question.locator('input');
  if (input === 'mouse') {
    for (const i of picks) await question.locator('label').nth(i).click();
    await question.getByRole('button', { name: 'Check' }).click();
    return;
  }
  const count = await boxes.count();
  if (type === 'single') {
    // A radio group is one Tab stop: Space selects the focused radio, arrows move and select.
    await boxes.first().focus();
    await page.keyboard.press('Space');
    for (let i = 0; i < picks[0]; i++) await page.keyboard.press('ArrowDown');
  } else {
    await boxes.first().focus();
    for (let i = 0; i < count; i++) {
      if (picks.includes(i)) await page.keyboard.press('Space');
      if (i < count - 1) await page.keyboard.press('Tab');
    }
  }
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Check');
  await page.keyboard.press('Enter');
}

async function typeAndCheck(page: Page, question: Locator, text: string, input: Input) {
  const box = question.getByLabel('Your answer');
  await box.fill('');
  if (input === 'mouse') {
    await box.click();
    await box.fill(text);
    await question.getByRole('button', { name: 'Check' }).click();
  } else {
    await box.focus();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }
}

const pages = readContentPages(ROOT);
/** Where a link written in a page's MDX points in the built site: `./x.mdx#a` becomes the page's route. */
function hrefOf(link: string, file: string): string {
  if (!/\.mdx?(#|$)/.test(link)) return link;
  const [target, anchor] = link.split('#');
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
  const route = pages.find((p) => p.file === resolved)?.route;
  if (!route) throw new Error(`${file}: no page for the link ${link}`);
  return anchor ? `${route}#${anchor}` : route;
}

const rightPicks = (q: QuizQuestionSpec) => q.choices.flatMap((c, i) => (c.correct ? [i] : []));
const wrongPick = (q: QuizQuestionSpec) => q.choices.findIndex((c) => !c.correct);
const wrongNumber = (q: QuizQuestionSpec) => String(q.answer! + 2 * (q.tolerance ?? 0) + 1);

/** Answers one question from its spec, right or wrong, and checks the verdict and the explanation's link. */
async function answer(page: Page, file: string, question: Locator, q: QuizQuestionSpec, right: boolean, input: Input, frenchComma = false) {
  expect(await question.getAttribute('data-question-type')).toBe(q.type);
  if (q.type === 'numeric') {
    await typeAndCheck(page, question, (planOf(q, right, frenchComma) as { text: string }).text, input);
  } else {
    expect(await question.locator('input').count()).toBe(q.choices.length);
    await chooseAndCheck(page, question, q.type, right ? rightPicks(q) : [wrongPick(q)], input);
  }
  const feedback = feedbackOf(question);
  await expect.poll(() => feedback.textContent(), { message: `${file}: "${q.prompt}"` }).toMatch(right ? /^Right/ : /^Not quite/);
  // The explanation came with the verdict, with its first link, where the MDX points.
  const link = feedback.locator('a').first();
  expect(await link.getAttribute('href')).toBe(hrefOf(q.links[0], file));
  expect(await link.isVisible()).toBe(true);
}

/** axe on the page's quizzes only (the routes test runs it on whole pages), serious and critical findings. */
async function axeOnQuizzes(page: Page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource() });
  const violations = await page.evaluate(async () => {
    type Axe = {
      run: (ctx: object, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
    };
    const result = await (window as unknown as { axe: Axe }).axe.run({ include: [['[data-quiz]']] }, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

const progress = (page: Page) =>
  page.evaluate(
    (key) => JSON.parse(localStorage.getItem(key) ?? 'null') as { quizzes: Record<string, Record<string, unknown>> } | null,
    PROGRESS_KEY,
  );

describe('a quiz on one lesson', () => {
  const quiz = quizzes.find((q) => q.id === 'edge-computing-end')!;
  const route = '/lessons/edge-computing';

  it('hides every answer from the served HTML: no explanation, no mark of the right choice', () => {
    const html = fs.readFileSync(builtFile(route), 'utf8');
    const start = html.search(/data-quiz="?edge-computing-end"?[\s>]/);
    expect(start).toBeGreaterThan(0);
    const section = html.slice(start, html.indexOf('</section>', start));
    const text = section
      .replace(/<[^>]*>/g, ' ')
      .replace(/&#x27;|&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ');
    expect(text).toContain('Question 1 of 6');
    expect(text).toContain(quiz.questions[2].choices[1].text);
    for (const q of quiz.questions) expect(text).not.toContain(q.explanation!.slice(0, 40));
    expect(section).not.toMatch(/\bcorrect\b|right answer|your answer,|Right:|Not quite/i);
  });

  for (const { input, width, scheme } of [
    { input: 'mouse', width: 1280, scheme: 'light' },
    { input: 'keyboard', width: 360, scheme: 'dark' },
  ] as const) {
    it(`at ${width} px by ${input} (${scheme}): wrong and right answers, feedback, score announced and stored, try again`, async () => {
      const { page, problems, context } = await openPage(browser, { viewport: { width, height: 800 }, colorScheme: scheme });
      await page.goto(baseURL() + route, { waitUntil: 'networkidle' });
      await hydrated(page);
      const questions = questionsOf(page, quiz.id);
      expect(await questions.count()).toBe(quiz.questions.length);
      const [q1, q2, q3, q4, q5, q6] = quiz.questions;
      expect([q1.type, q2.type, q3.type, q4.type, q5.type, q6.type]).toEqual([
        'numeric',
        'numeric',
        'single',
        'single',
        'multiple',
        'single',
      ]);

      // Numeric: garbage is refused with a message and loses nothing; nothing is scored.
      const first = questions.nth(0);
      await typeAndCheck(page, first, 'about 27', input);
      await expect
        .poll(() => first.getByRole('alert').textContent())
        .toBe('"about 27" is not a number. Type digits, such as 0.25, 0,25 or 2.5e-1.');
      expect(await first.getByLabel('Your answer').getAttribute('aria-invalid')).toBe('true');
      expect(await first.getByLabel('Your answer').inputValue()).toBe('about 27');
      expect(await feedbackOf(first).textContent()).toBe('');
      await typeAndCheck(page, first, '1,500', input);
      await expect.poll(() => first.getByRole('alert').textContent()).toMatch(/could be 1500 or 1\.500/);
      // Then wrong: the verdict gives the answer and the range that counts, with the explanation.
      await typeAndCheck(page, first, '27', input);
      await expect
        .poll(() => feedbackOf(first).locator('p').first().textContent())
        .toBe('Not quite: you wrote 27 MB; the answer is 27.648 MB (anything from 27.598 MB to 27.698 MB counts).');
      expect(await feedbackOf(first).locator('a[href$="#how-much-data"]').count()).toBe(1);
      expect(await first.getByLabel('Your answer').getAttribute('readonly')).not.toBeNull();
      expect(await first.getByRole('alert').textContent()).toBe('');

      // Numeric, right, with a French decimal comma.
      await answer(page, quiz.file, questions.nth(1), q2, true, input, true);
      expect(await feedbackOf(questions.nth(1)).textContent()).toContain('Right: the answer is 10.8 GB');
      // Single: a check with nothing chosen asks for an answer; then right.
      await questions.nth(2).getByRole('button', { name: 'Check' }).click();
      await expect.poll(() => questions.nth(2).getByRole('alert').textContent()).toBe('Choose an answer first.');
      await answer(page, quiz.file, questions.nth(2), q3, true, input);
      // Single, wrong: the verdict names the right choice, which is marked; the choices lock.
      await answer(page, quiz.file, questions.nth(3), q4, false, input);
      expect(await feedbackOf(questions.nth(3)).locator('p').first().textContent()).toBe(
        'Not quite: the answer is “Voice typing works with no connection and without network delay”.',
      );
      expect(await questions.nth(3).locator('label').nth(0).textContent()).toMatch(/the right answer$/);
      expect(await questions.nth(3).locator('label').nth(wrongPick(q4)).textContent()).toMatch(/your answer, not right$/);
      expect(await questions.nth(3).locator('input:disabled').count()).toBe(q4.choices.length);
      if (input === 'keyboard') expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Checked');
      // Multiple, right.
      await answer(page, quiz.file, questions.nth(4), q5, true, input);
      expect(await feedbackOf(questions.nth(4)).textContent()).toMatch(/^Right: all 2 right choices, and nothing else\./);

      // Five of six checked: no score yet.
      const result = page.locator(`[data-quiz="${quiz.id}"] [data-quiz-result]`);
      expect(await result.getAttribute('role')).toBe('status');
      expect(await result.textContent()).toBe('');
      expect(await progress(page)).toBeNull();
      await answer(page, quiz.file, questions.nth(5), q6, true, input);
      await expect.poll(() => result.textContent()).toBe('You got 4 of 6 right.');
      expect((await progress(page))?.quizzes[quiz.id]).toMatchObject({
        id: quiz.id,
        title: quiz.title,
        page: route,
        score: 4,
        best: 4,
        total: 6,
      });

      // Feedback, marks and the score are hidden in print; the answers are not in the page's static text.
      for (const hidden of await page.locator(`[data-quiz="${quiz.id}"] [role="status"], [data-quiz="${quiz.id}"] [class*="mark"]`).all()) {
        expect(await hidden.evaluate((el) => !!el.closest('[data-print="hide"]'))).toBe(true);
      }
      if (width === 360) expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      expect(await axeOnQuizzes(page)).toEqual([]);

      // Try again: everything resets, focus goes to the first answer box; all right now.
      const retry = page.locator(`[data-quiz="${quiz.id}"]`).getByRole('button', { name: 'Try again' });
      if (input === 'mouse') await retry.click();
      else {
        await retry.focus();
        await page.keyboard.press('Enter');
      }
      await expect.poll(() => result.textContent()).toBe('');
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.getAttribute('inputmode'))).toBe('decimal');
      for (let i = 0; i < quiz.questions.length; i++) {
        expect(await feedbackOf(questions.nth(i)).textContent()).toBe('');
        await answer(page, quiz.file, questions.nth(i), quiz.questions[i], true, input);
      }
      await expect.poll(() => result.textContent()).toBe('You got 6 of 6 right.');
      // The first completed attempt is the score; the best one is kept beside it.
      expect((await progress(page))?.quizzes[quiz.id]).toMatchObject({ score: 4, best: 6, total: 6 });

      // Progress survives a reload; the quiz starts fresh.
      await page.reload({ waitUntil: 'networkidle' });
      await hydrated(page);
      expect((await progress(page))?.quizzes[quiz.id]).toMatchObject({ score: 4, best: 6 });
      expect(await result.textContent()).toBe('');

      expect(problems.consoleErrors).toEqual([]);
      expect(problems.externalRequests).toEqual([]);
      expect(problems.failedRequests).toEqual([]);
      await context.close();
    });
  }
});

type Plan = { picks: number[] } | { text: string };

/** What to answer, right or wrong, for a question (every other number with a decimal comma). */
function planOf(q: QuizQuestionSpec, right: boolean, frenchComma: boolean): Plan {
  if (q.type !== 'numeric') return { picks: right ? rightPicks(q) : [wrongPick(q)] };
  const text = right ? String(q.answer) : wrongNumber(q);
  // Not "27,648", which reads like English grouping and is refused on an English page.
  const comma = text.replace('.', ',');
  return { text: frenchComma && !/^-?[1-9]\d{0,2},\d{3}$/.test(comma) ? comma : text };
}

/**
 * Answers every question of a quiz inside the page, with the same DOM events a click and typing
 * send (one round trip per quiz instead of dozens: the lesson test above drives mouse and keyboard).
 * Returns each question's verdict line and the first link of its explanation.
 */
async function answerInPage(page: Page, id: string, plans: Plan[]) {
  return page.evaluate(
    async ({ id, plans }) => {
      const forms = [...document.querySelectorAll<HTMLFormElement>(`[data-quiz="${id}"] form`)];
      if (forms.length !== plans.length) throw new Error(`${id}: ${forms.length} questions in the page, ${plans.length} in the MDX`);
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      forms.forEach((form, i) => {
        const plan = plans[i];
        if ('text' in plan) {
          const input = form.querySelector<HTMLInputElement>('input[type="text"]')!;
          setValue.call(input, plan.text);
          input.dispatchEvent(new Event('input', { bubbles: true }));
        } else {
          const labels = form.querySelectorAll('label');
          for (const pick of plan.picks) labels[pick].click();
        }
        form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      });
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return forms.map((form) => ({
        type: form.dataset.questionType,
        verdict: form.querySelector('[role="status"] p')?.textContent ?? form.querySelector('[role="alert"]')?.textContent ?? '',
        href: form.querySelector('[role="status"] a')?.getAttribute('href') ?? null,
      }));
    },
    { id, plans },
  );
}

describe('every quiz of the course', () => {
  it('is on the page the MDX puts it, and takes every right answer (one wrong per quiz first)', async () => {
    expect(quizzes.length).toBeGreaterThanOrEqual(10);
    const byRoute = new Map<string, QuizSpec[]>();
    for (const q of quizzes) byRoute.set(q.route, [...(byRoute.get(q.route) ?? []), q]);
    const { page, problems, context } = await openPage(browser);
    let answered = 0;
    for (const [route, onPage] of byRoute) {
      await page.goto(baseURL() + route, { waitUntil: 'networkidle' });
      await hydrated(page);
      expect(await page.locator('[data-quiz]').evaluateAll((els) => els.map((e) => e.getAttribute('data-quiz'))), route).toEqual(
        onPage.map((q) => q.id),
      );
      for (const quiz of onPage) {
        const questions = questionsOf(page, quiz.id);
        expect(await questions.count(), quiz.id).toBe(quiz.questions.length);
        const result = page.locator(`[data-quiz="${quiz.id}"] [data-quiz-result]`);
        const n = quiz.questions.length;
        const expected = (right: boolean[]) =>
          quiz.questions.map((q, i) => ({
            type: q.type,
            verdict: expect.stringMatching(right[i] ? /^Right/ : /^Not quite/),
            href: hrefOf(q.links[0], quiz.file),
          }));
        // First attempt: the first question wrong, the others right.
        const firstTry = quiz.questions.map((_, i) => i > 0);
        const got = await answerInPage(
          page,
          quiz.id,
          quiz.questions.map((q, i) => planOf(q, firstTry[i], i % 2 === 0)),
        );
        expect(got, quiz.id).toEqual(expected(firstTry));
        await expect.poll(() => result.textContent()).toBe(`You got ${n - 1} of ${n} right.`);
        await page.locator(`[data-quiz="${quiz.id}"]`).getByRole('button', { name: 'Try again' }).click();
        const all = quiz.questions.map(() => true);
        expect(
          await answerInPage(
            page,
            quiz.id,
            quiz.questions.map((q, i) => planOf(q, true, i % 2 === 1)),
          ),
          quiz.id,
        ).toEqual(expected(all));
        await expect.poll(() => result.textContent()).toBe(`You got ${n} of ${n} right.`);
        answered += n;
      }
    }
    const stored = (await progress(page))?.quizzes ?? {};
    expect(Object.keys(stored).sort()).toEqual(quizzes.map((q) => q.id).sort());
    for (const q of quizzes) expect(stored[q.id], q.id).toMatchObject({ page: q.route, best: q.questions.length });
    expect(answered).toBeGreaterThanOrEqual(50);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.externalRequests).toEqual([]);
    await context.close();
  });
});
