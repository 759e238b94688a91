/**
 * Answer checking for `<Quiz>`, kept free of React so the unit tests (tests/unit/quiz.test.ts)
 * and the component share it.
 *
 * Numeric answers are typed by readers of an English and, later, a French edition, on phones
 * whose keyboards offer a comma or a point: `0.25`, `.25`, `0,25`, `2.5e-1` and `−0.25` (with a
 * typographic minus) are all read. Digits may be grouped by spaces (`4 096`) or, with a decimal
 * point, by commas (`1,234.5`). On an English page `1,500` alone could be one and a half or fifteen
 * hundred, so it is refused with a message rather than guessed; on a page in a language whose
 * decimal sign is a comma (French), it is one and a half.
 */
import { inLanguageOrEnglish } from '../../i18n/language';
import { decimalSeparator } from '../../i18n/numbers';

export type ParsedNumber = { ok: true; value: number } | { ok: false; message: string };

/** The feedback's words, by language (the page's locale: "fr-CA" and "fr" read French). */
const MESSAGES = {
  en: {
    empty: 'Type a number first.',
    tooLarge: 'That number is too large to check.',
    ambiguous: (input: string, grouped: string, decimal: string) =>
      `"${input}" could be ${grouped} or ${decimal}: write it without the comma, or with a point for decimals.`,
    notANumber: (shown: string) => `"${shown}" is not a number. Type digits, such as 0.25, 0,25 or 2.5e-1.`,
    range: (low: string, high: string) => ` (anything from ${low} to ${high} counts)`,
    right: (answer: string, range: string) => `Right: the answer is ${answer}${range}.`,
    wrong: (value: string, answer: string, range: string) => `Not quite: you wrote ${value}; the answer is ${answer}${range}.`,
  },
  fr: {
    empty: "Tapez d'abord un nombre.",
    tooLarge: 'Ce nombre est trop grand pour être vérifié.',
    ambiguous: (input: string, grouped: string, decimal: string) =>
      `«\u00a0${input}\u00a0» peut se lire ${grouped} ou ${decimal}\u00a0: écrivez-le sans virgule, ou avec une virgule pour les décimales.`,
    notANumber: (shown: string) => `«\u00a0${shown}\u00a0» n'est pas un nombre. Tapez des chiffres, par exemple 0,25 (ou 0.25, ou 2.5e-1).`,
    range: (low: string, high: string) => ` (toute valeur de ${low} à ${high} est acceptée)`,
    right: (answer: string, range: string) => `Exact\u00a0: la réponse est ${answer}${range}.`,
    wrong: (value: string, answer: string, range: string) =>
      `Pas tout à fait\u00a0: vous avez écrit ${value}; la réponse est ${answer}${range}.`,
  },
};

/** The messages of a page's language (English when the course has none in that language). */
export function messagesFor(locale: string) {
  return inLanguageOrEnglish<(typeof MESSAGES)['en']>(MESSAGES, locale);
}

/** A space (or no-break, narrow no-break or thin space) before a group of three digits. */
const GROUP_SPACE_BETWEEN_DIGITS = /(\d)[ \u00a0\u202f\u2009](?=\d{3}(?!\d))/g;

/**
 * Reads a number typed by a reader. `unit`, when given, may follow the number (`5 ms`, `96.7%`).
 * Returns the value, or a message that says what to type instead.
 */
export function parseNumber(input: string, unit?: string, locale = 'en'): ParsedNumber {
  let text = input.trim();
  if (unit && text.toLowerCase().endsWith(unit.trim().toLowerCase())) text = text.slice(0, text.length - unit.trim().length).trim();
  if (text === '') return { ok: false, message: messagesFor(locale).empty };
  // A typographic minus (U+2212) or dash, as French keyboards and copied text give.
  text = text.replace(/^[\u2212\u2013]/, '-').replace(/([eE])[\u2212\u2013]/, '$1-');
  // Digits grouped by spaces in threes: 4 096, 1 234 567.
  text = text.replace(GROUP_SPACE_BETWEEN_DIGITS, '$1');
  const commas = (text.match(/,/g) ?? []).length;
  const points = (text.match(/\./g) ?? []).length;
  if (commas > 0 && points > 0) {
    // English grouping with a decimal point: 1,234.5
    if (!/^[+-]?\d{1,3}(,\d{3})+\.\d*([eE][+-]?\d+)?$/.test(text)) return notANumber(input, locale);
    text = text.replace(/,/g, '');
  } else if (commas > 1) {
    // English grouping of a whole number: 1,234,567
    if (!/^[+-]?\d{1,3}(,\d{3})+$/.test(text)) return notANumber(input, locale);
    text = text.replace(/,/g, '');
  } else if (commas === 1) {
    if (decimalSeparator(locale) !== ',' && /^[+-]?[1-9]\d{0,2},\d{3}$/.test(text)) {
      const [whole, part] = text.split(',');
      return { ok: false, message: messagesFor(locale).ambiguous(input.trim(), `${whole}${part}`, `${whole}.${part}`) };
    }
    text = text.replace(',', '.'); // A decimal comma: 0,25
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return notANumber(input, locale);
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, message: messagesFor(locale).tooLarge };
  return { ok: true, value };
}

function notANumber(input: string, locale: string): ParsedNumber {
  const shown = input.trim().length > 24 ? `${input.trim().slice(0, 24)}…` : input.trim();
  return { ok: false, message: messagesFor(locale).notANumber(shown) };
}

/**
 * Whether `value` is within `tolerance` of `answer`. A margin of a few units in the last place
 * keeps `0.1 + 0.2`-style rounding from failing an exact answer (0.3 with tolerance 0).
 */
export function withinTolerance(value: number, answer: number, tolerance: number): boolean {
  const slack = 1e-12 * Math.max(1, Math.abs(answer));
  return Math.abs(value - answer) <= tolerance + slack;
}

export type ChoiceResult = {
  correct: boolean;
  /** Right choices the reader picked. */
  found: number;
  /** Right choices in all. */
  total: number;
  /** Wrong choices the reader picked. */
  wrong: number;
};

/** A choice question is right when the reader picked exactly the right choices. */
export function checkChoices(selected: ReadonlySet<number>, correct: ReadonlySet<number>): ChoiceResult {
  let found = 0;
  let wrong = 0;
  for (const i of selected) {
    if (correct.has(i)) found++;
    else wrong++;
  }
  return { correct: found === correct.size && wrong === 0, found, total: correct.size, wrong };
}

/** A number as feedback shows it: at most 10 significant digits, no grouping, the page's decimal sign. */
export function formatNumber(value: number, locale = 'en'): string {
  return new Intl.NumberFormat(locale, { maximumSignificantDigits: 10, useGrouping: false }).format(value);
}

/** "Right" or "Not quite" for a numeric answer, with the answer and the range that counts. */
export function numericFeedback(
  value: number,
  answer: number,
  tolerance: number,
  unit = '',
  locale = 'en',
): { correct: boolean; text: string } {
  const correct = withinTolerance(value, answer, tolerance);
  const m = messagesFor(locale);
  // English writes 25% and 5 ms; French puts a no-break space before every unit but degrees (25 %, 5 ms).
  const english = m === MESSAGES.en;
  const u = !unit ? '' : /^°/.test(unit) || (english && unit.startsWith('%')) ? unit : english ? ` ${unit}` : `\u00a0${unit}`;
  const range =
    tolerance > 0 ? m.range(`${formatNumber(answer - tolerance, locale)}${u}`, `${formatNumber(answer + tolerance, locale)}${u}`) : '';
  const answerText = `${formatNumber(answer, locale)}${u}`;
  return correct
    ? { correct, text: m.right(answerText, range) }
    : { correct, text: m.wrong(`${formatNumber(value, locale)}${u}`, answerText, range) };
}
