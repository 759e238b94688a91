/**
 * A quiz written in the page's MDX, so a teacher edits its questions like prose:
 *
 *   <Quiz id="edge-computing-end" title="Check what you learned">
 *   <QuizQuestion type="single" prompt="Which …?">
 *     <Choice>…</Choice>
 *     <Choice correct>…</Choice>
 *     <Explanation>Because … See [latency](/glossary/latency).</Explanation>
 *   </QuizQuestion>
 *   <QuizQuestion type="multiple">
 *     <Prompt>Select all that … (Markdown and $maths$ allowed)</Prompt>
 *     …
 *   </QuizQuestion>
 *   <QuizQuestion type="numeric" prompt="…" answer={0.25} tolerance={0.01} unit="s">
 *     <Explanation>…</Explanation>
 *   </QuizQuestion>
 *   </Quiz>
 *
 * Each question is a fieldset whose legend is the prompt, with a radio group (single), a
 * checkbox group (multiple) or a labelled text box (numeric). "Check" locks the answer and shows
 * whether it was right, with the explanation; once every question is checked the score is
 * announced and recorded in the reader's progress (src/progress/store.ts), and "Try again"
 * starts over. Which choices are right lives only in the props: nothing in the page's HTML
 * reveals it before the reader checks, and the feedback carries `data-print="hide"`, so a printed
 * quiz shows questions and choices without answers. A question written wrongly (no explanation,
 * two right answers to a single-choice question…) stops the build with the quiz's id.
 */
import Translate, { translate } from '@docusaurus/Translate';
import React, {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type ReactElement,
  type ReactNode,
} from 'react';
import clsx from 'clsx';
import Heading from '@theme/Heading';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { useLocation } from '@docusaurus/router';
import { recordQuizResult } from '@site/src/progress/store';
import { checkChoices, numericFeedback, parseNumber } from './check';
import { pageRoute } from './route';
import styles from './styles.module.css';

type QuizProps = {
  /** Unique across the course (tests/content/quizzes.test.ts checks it): the key of the reader's progress. */
  id: string;
  title: string;
  children?: ReactNode;
};

type QuizQuestionProps = {
  type: 'single' | 'multiple' | 'numeric';
  /** The question as plain text; use a `<Prompt>` child instead for Markdown or maths. */
  prompt?: string;
  /** numeric: the right answer. */
  answer?: number;
  /** numeric: how far from `answer` a reply may be and still count (default 0). */
  tolerance?: number;
  /** numeric: the unit shown after the box, such as "ms" or "%". */
  unit?: string;
  children?: ReactNode;
};

type Slot = { children?: ReactNode };

/** The question, when it needs Markdown or maths. */
export function Prompt(_: Slot): ReactNode {
  throw new Error('<Prompt> belongs inside a <QuizQuestion>.');
}
/** One answer of a single- or multiple-choice question; `correct` marks a right one. */
export function Choice(_: Slot & { correct?: boolean }): ReactNode {
  throw new Error('<Choice> belongs inside a <QuizQuestion>.');
}
/** Shown after the reader checks: why the answer is what it is, with links to the lesson or glossary. */
export function Explanation(_: Slot): ReactNode {
  throw new Error('<Explanation> belongs inside a <QuizQuestion>.');
}

type QuizContextValue = { quizId: string; total: number; locale: string; report: (index: number, correct: boolean) => void };
const QuizContext = createContext<QuizContextValue | null>(null);
const QuestionIndex = createContext(-1);

const isElement = (node: ReactNode, type: unknown): node is ReactElement<Slot & { correct?: boolean }> =>
  React.isValidElement(node) && node.type === type;

export default function Quiz({ id, title, children }: QuizProps) {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id ?? '')) throw new Error(`<Quiz id="${id}">: the id must be lowercase words joined by hyphens`);
  if (!title) throw new Error(`<Quiz id="${id}">: give it a title`);
  const items = React.Children.toArray(children);
  const total = items.filter((item) => isElement(item, QuizQuestion)).length;
  if (total === 0) throw new Error(`<Quiz id="${id}"> has no <QuizQuestion>`);

  const { siteConfig, i18n } = useDocusaurusContext();
  const { pathname } = useLocation();
  const [results, setResults] = useState<(boolean | null)[]>(() => Array<null>(total).fill(null));
  const [attempt, setAttempt] = useState(0);
  const section = useRef<HTMLElement>(null);
  const recorded = useRef(-1);

  const report = useCallback((index: number, correct: boolean) => {
    setResults((current) => current.map((r, i) => (i === index ? correct : r)));
  }, []);
  const done = results.length === total && results.every((r) => r !== null);
  const score = results.filter((r) => r === true).length;

  useEffect(() => {
    if (!done || recorded.current === attempt) return;
    recorded.current = attempt;
    recordQuizResult({ id, title, page: pageRoute(pathname, siteConfig.baseUrl), score, total });
  }, [done, attempt, id, title, pathname, siteConfig.baseUrl, score, total]);

  useEffect(() => {
    if (attempt > 0) section.current?.querySelector<HTMLElement>('input')?.focus();
  }, [attempt]);

  const retry = () => {
    setResults(Array<null>(total).fill(null));
    setAttempt((a) => a + 1);
  };

  let index = 0;
  const headingId = `quiz-${id}`;
  return (
    <section ref={section} className={styles.quiz} aria-labelledby={headingId} data-quiz={id}>
      <Heading as="h2" id={headingId} className={styles.title}>
        {title}
      </Heading>
      <QuizContext.Provider value={{ quizId: id, total, locale: i18n.currentLocale, report }}>
        {items.map((item) => {
          if (!isElement(item, QuizQuestion)) return item;
          const i = index++;
          return (
            <QuestionIndex.Provider key={`${attempt}-${i}`} value={i}>
              {item}
            </QuestionIndex.Provider>
          );
        })}
      </QuizContext.Provider>
      <div className={styles.footer} data-print="hide">
        <p className={styles.result} role="status" data-quiz-result>
          {done ? translate({ id: 'quiz.score', message: 'You got {score} of {total} right.' }, { score, total }) : ''}
        </p>
        {!done && <p className={styles.hint}>{translate({ id: 'quiz.scoreHint', message: 'Check every question to see your score.' })}</p>}
        {done && (
          <button type="button" className="button button--secondary button--sm" onClick={retry}>
            {translate({ id: 'quiz.retry', message: 'Try again' })}
          </button>
        )}
      </div>
    </section>
  );
}

type Parts = { prompt: ReactNode; choices: { content: ReactNode; correct: boolean }[]; explanation: ReactNode };

/** Sorts a question's children into its prompt, choices and explanation; anything else is a mistake in the MDX. */
function partsOf(where: string, prompt: string | undefined, children: ReactNode): Parts {
  const parts: Parts = { prompt, choices: [], explanation: undefined };
  const isPart = (node: ReactNode) => isElement(node, Choice) || isElement(node, Explanation) || isElement(node, Prompt);
  const visit = (nodes: ReactNode) => {
    for (const child of React.Children.toArray(nodes)) {
      if (typeof child === 'string' && child.trim() === '') continue;
      if (isElement(child, Choice)) parts.choices.push({ content: child.props.children, correct: child.props.correct === true });
      else if (isElement(child, Explanation)) parts.explanation = child.props.children;
      else if (isElement(child, Prompt)) parts.prompt = child.props.children;
      // `<Choice>…</Choice>` lines are inline in MDX: consecutive ones arrive wrapped in one paragraph.
      else if (React.isValidElement<Slot>(child) && React.Children.toArray(child.props.children).some(isPart)) visit(child.props.children);
      else
        throw new Error(`${where}: put the question in prompt="…" or <Prompt>, the answers in <Choice>, and the reason in <Explanation>`);
    }
  };
  visit(children);
  return parts;
}

function validate(where: string, props: QuizQuestionProps, parts: Parts): void {
  const problem = (text: string) => new Error(`${where}: ${text}`);
  if (!parts.prompt) throw problem('no prompt: write prompt="…" or a <Prompt> child');
  if (parts.explanation === undefined) throw problem('no <Explanation>');
  const right = parts.choices.filter((c) => c.correct).length;
  if (props.type === 'numeric') {
    if (parts.choices.length > 0) throw problem('a numeric question has no <Choice>');
    if (typeof props.answer !== 'number' || !Number.isFinite(props.answer)) throw problem('answer={…} must be a finite number');
    if (props.tolerance !== undefined && !(typeof props.tolerance === 'number' && props.tolerance >= 0))
      throw problem('tolerance={…} must be a number, 0 or more');
  } else if (props.type === 'single' || props.type === 'multiple') {
    if (parts.choices.length < 2) throw problem('give at least two <Choice>s');
    if (props.type === 'single' && right !== 1) throw problem(`a single-choice question needs exactly one <Choice correct>, not ${right}`);
    if (props.type === 'multiple' && right < 1) throw problem('mark at least one <Choice correct>');
  } else {
    throw problem(`type="${String(props.type)}": use "single", "multiple" or "numeric"`);
  }
}

type Result = { correct: boolean; message: ReactNode };

export function QuizQuestion(props: QuizQuestionProps) {
  const quiz = useContext(QuizContext);
  const index = useContext(QuestionIndex);
  if (!quiz) throw new Error('<QuizQuestion> belongs inside a <Quiz>.');
  const where = `<Quiz id="${quiz.quizId}">, question ${index + 1}`;
  const parts = partsOf(where, props.prompt, props.children);
  validate(where, props, parts);
  const { type, answer = 0, tolerance = 0, unit } = props;

  const uid = useId();
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const checkButton = useRef<HTMLButtonElement>(null);

  const choose = (i: number, on: boolean) => {
    if (result) return;
    setError('');
    setSelected((current) => {
      if (type === 'single') return new Set([i]);
      const next = new Set(current);
      if (on) next.add(i);
      else next.delete(i);
      return next;
    });
  };

  const check = (event: FormEvent) => {
    event.preventDefault();
    if (result) return;
    let outcome: Result;
    if (type === 'numeric') {
      const parsed = parseNumber(text, unit, quiz.locale);
      if (!parsed.ok) {
        setError(parsed.message);
        return;
      }
      const feedback = numericFeedback(parsed.value, answer, tolerance, unit, quiz.locale);
      outcome = { correct: feedback.correct, message: feedback.text };
    } else {
      if (selected.size === 0) {
        setError(
          type === 'single'
            ? translate({ id: 'quiz.chooseOne', message: 'Choose an answer first.' })
            : translate({ id: 'quiz.chooseSome', message: 'Choose at least one answer first.' }),
        );
        return;
      }
      const right = new Set(parts.choices.flatMap((c, i) => (c.correct ? [i] : [])));
      const r = checkChoices(selected, right);
      if (type === 'single') {
        const answerChoice = parts.choices.find((c) => c.correct)!.content;
        outcome = {
          correct: r.correct,
          message: r.correct ? (
            translate({ id: 'quiz.right', message: 'Right.' })
          ) : (
            <Translate id="quiz.single.wrong" values={{ answer: answerChoice }}>
              {'Not quite: the answer is “{answer}”.'}
            </Translate>
          ),
        };
      } else if (r.correct) {
        outcome = {
          correct: true,
          message:
            r.total === 1
              ? translate({ id: 'quiz.multi.rightOne', message: 'Right: the one right choice, and nothing else.' })
              : translate(
                  { id: 'quiz.multi.rightAll', message: 'Right: all {total} right choices, and nothing else.' },
                  { total: r.total },
                ),
        };
      } else {
        const values = { found: r.found, total: r.total, wrong: r.wrong };
        outcome = {
          correct: false,
          message:
            r.wrong === 0
              ? translate(
                  {
                    id: 'quiz.multi.wrong',
                    message: 'Not quite: you chose {found} of the {total} right choices. The right ones are marked.',
                  },
                  values,
                )
              : r.wrong === 1
                ? translate(
                    {
                      id: 'quiz.multi.wrongOne',
                      message: 'Not quite: you chose {found} of the {total} right choices and 1 wrong one. The right ones are marked.',
                    },
                    values,
                  )
                : translate(
                    {
                      id: 'quiz.multi.wrongMany',
                      message:
                        'Not quite: you chose {found} of the {total} right choices and {wrong} wrong ones. The right ones are marked.',
                    },
                    values,
                  ),
        };
      }
    }
    setError('');
    setResult(outcome);
    quiz.report(index, outcome.correct);
    // Choices are disabled once checked: keep the keyboard where it was, on the (still focusable) button.
    if (type !== 'numeric' && document.activeElement instanceof HTMLInputElement) checkButton.current?.focus();
  };

  const name = `${uid}-choice`;
  const errorId = `${uid}-error`;
  const unitId = `${uid}-unit`;
  return (
    <form className={styles.question} onSubmit={check} noValidate data-question-type={type}>
      <fieldset className={styles.fieldset} aria-describedby={error ? errorId : undefined}>
        <legend className={styles.legend}>
          <span className={styles.number}>
            {translate({ id: 'quiz.questionNumber', message: 'Question {number} of {total}' }, { number: index + 1, total: quiz.total })}
          </span>
          <span className={styles.prompt}>{parts.prompt}</span>
        </legend>
        {type === 'numeric' ? (
          <div className={styles.numeric}>
            <label htmlFor={`${uid}-input`}>{translate({ id: 'quiz.yourAnswer', message: 'Your answer' })}</label>
            <input
              id={`${uid}-input`}
              className={styles.numberInput}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              spellCheck={false}
              value={text}
              readOnly={result !== null}
              aria-invalid={error ? true : undefined}
              aria-describedby={clsx(unit && unitId, error && errorId) || undefined}
              onChange={(e) => {
                setText(e.target.value);
                setError('');
              }}
            />
            {unit && <span id={unitId}>{unit}</span>}
          </div>
        ) : (
          <ul className={styles.choices}>
            {parts.choices.map((choice, i) => {
              const picked = selected.has(i);
              const mark = result ? markOf(type, choice.correct, picked) : undefined;
              return (
                <li key={i}>
                  <label className={clsx(styles.choice, mark && styles[mark.tone])}>
                    <input
                      type={type === 'single' ? 'radio' : 'checkbox'}
                      name={name}
                      value={i}
                      checked={picked}
                      disabled={result !== null}
                      onChange={(e) => choose(i, e.target.checked)}
                    />
                    <span className={styles.choiceText}>
                      {choice.content}
                      {mark && (
                        <span className={clsx(styles.mark, styles[`${mark.tone}Text`])} data-print="hide">
                          {' '}
                          <span aria-hidden="true">{mark.tone === 'wrong' ? '✗' : '✓'}</span> {mark.text}
                        </span>
                      )}
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        )}
        <p id={errorId} className={styles.error} role="alert" data-print="hide">
          {error}
        </p>
        <div className={styles.actions} data-print="hide">
          <button
            ref={checkButton}
            type="submit"
            className={clsx('button button--sm', result ? 'button--secondary' : 'button--primary')}
            aria-disabled={result ? true : undefined}
          >
            {result ? translate({ id: 'quiz.checked', message: 'Checked' }) : translate({ id: 'quiz.check', message: 'Check' })}
          </button>
        </div>
        <div role="status" data-print="hide">
          {result && (
            <div className={clsx(styles.feedback, result.correct ? styles.feedbackRight : styles.feedbackWrong)}>
              <p className={styles.verdict}>{result.message}</p>
              <div className={styles.explanation}>{parts.explanation}</div>
            </div>
          )}
        </div>
      </fieldset>
    </form>
  );
}

function markOf(type: string, correct: boolean, picked: boolean): { tone: 'right' | 'wrong' | 'missed'; text: string } | undefined {
  if (correct && picked) return { tone: 'right', text: 'your answer, right' };
  if (!correct && picked) return { tone: 'wrong', text: 'your answer, not right' };
  if (correct) return { tone: 'missed', text: type === 'single' ? 'the right answer' : 'a right choice you missed' };
  return undefined;
}
