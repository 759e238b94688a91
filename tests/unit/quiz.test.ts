/**
 * How <Quiz> reads and checks answers (src/components/Quiz/check.ts): numbers as readers type
 * them in English and French, tolerances, choice sets, and the feedback text.
 */
import { describe, expect, it } from 'vitest';
import { checkChoices, formatNumber, numericFeedback, parseNumber, withinTolerance } from '../../src/components/Quiz/check';
import { pageRoute } from '../../src/components/Quiz/route';

const value = (text: string, unit?: string) => {
  const parsed = parseNumber(text, unit);
  if (!parsed.ok) throw new Error(`"${text}" was refused: ${parsed.message}`);
  return parsed.value;
};
const message = (text: string, unit?: string) => {
  const parsed = parseNumber(text, unit);
  if (parsed.ok) throw new Error(`"${text}" was read as ${parsed.value}`);
  return parsed.message;
};

describe('parseNumber', () => {
  it('reads a quarter written every way the brief lists', () => {
    for (const text of ['0.25', '.25', '2.5e-1', '0,25', ',25', ' 0.25 ', '+0.25', '25e-2', '2.5E-1', '0.250']) {
      expect(value(text), text).toBe(0.25);
    }
  });

  it('reads negatives, with a hyphen or a typographic minus', () => {
    expect(value('-4')).toBe(-4);
    expect(value('\u22124,5')).toBe(-4.5);
    expect(value('1e\u22123')).toBe(0.001);
  });

  it('reads whole numbers, grouped by spaces in threes or by commas with a decimal point', () => {
    expect(value('4096')).toBe(4096);
    expect(value('4 096')).toBe(4096);
    expect(value('4\u202f096')).toBe(4096); // narrow no-break space, as French typography groups
    expect(value('1 234 567,5')).toBe(1234567.5);
    expect(value('1,234,567')).toBe(1234567);
    expect(value('1,234.5')).toBe(1234.5);
    expect(value('7.')).toBe(7);
  });

  it('lets the unit follow the number', () => {
    expect(value('96.7%', '%')).toBe(96.7);
    expect(value('96,7 %', '%')).toBe(96.7);
    expect(value('5 ms', 'ms')).toBe(5);
    expect(value('5 MS', 'ms')).toBe(5);
    expect(message('5 kB', 'ms')).toMatch(/is not a number/);
  });

  it('refuses "1,500", which could be one and a half or fifteen hundred, and says how to write each', () => {
    expect(message('1,500')).toBe('"1,500" could be 1500 or 1.500: write it without the comma, or with a point for decimals.');
    expect(message('-2,048')).toMatch(/could be -2048 or -2.048/);
    // A leading zero or a number of digits other than three is not ambiguous.
    expect(value('0,500')).toBe(0.5);
    expect(value('1,5')).toBe(1.5);
    expect(value('1,5000')).toBe(1.5);
  });

  it('on a French page, reads "27,648" as a decimal: French groups digits with spaces, never commas', () => {
    expect(parseNumber('27,648', undefined, 'fr')).toEqual({ ok: true, value: 27.648 });
    expect(parseNumber('1 500,25', undefined, 'fr')).toEqual({ ok: true, value: 1500.25 });
    expect(parseNumber('27,648', undefined, 'en').ok).toBe(false);
  });

  it('refuses an empty answer and garbage with a message, never NaN', () => {
    expect(message('')).toBe('Type a number first.');
    expect(message('   ')).toBe('Type a number first.');
    for (const text of ['abc', '1/4', '0.2.5', '1,2,3', '1.234,5', '1,23.4', '--1', 'e5', '.', '1e', '0x10', 'Infinity', 'NaN', '12 34']) {
      expect(message(text), text).toMatch(/is not a number\. Type digits, such as 0\.25, 0,25 or 2\.5e-1\./);
    }
    expect(message('a'.repeat(40))).toBe(`"${'a'.repeat(24)}…" is not a number. Type digits, such as 0.25, 0,25 or 2.5e-1.`);
    expect(message('1e999')).toBe('That number is too large to check.');
  });
});

describe('withinTolerance', () => {
  it('accepts answers within the tolerance, both sides, boundaries included', () => {
    expect(withinTolerance(0.24, 0.25, 0.01)).toBe(true);
    expect(withinTolerance(0.26, 0.25, 0.01)).toBe(true);
    expect(withinTolerance(0.2600001, 0.25, 0.01)).toBe(false);
    expect(withinTolerance(0.2399999, 0.25, 0.01)).toBe(false);
  });

  it('with tolerance 0, forgives floating-point rounding but nothing more', () => {
    expect(withinTolerance(0.1 + 0.2, 0.3, 0)).toBe(true);
    expect(withinTolerance(4096, 4096, 0)).toBe(true);
    expect(withinTolerance(4097, 4096, 0)).toBe(false);
    expect(withinTolerance(0.3001, 0.3, 0)).toBe(false);
  });
});

describe('checkChoices', () => {
  const set = (...xs: number[]) => new Set(xs);
  it('is right only for exactly the right choices', () => {
    expect(checkChoices(set(1), set(1))).toEqual({ correct: true, found: 1, total: 1, wrong: 0 });
    expect(checkChoices(set(0), set(1))).toEqual({ correct: false, found: 0, total: 1, wrong: 1 });
    expect(checkChoices(set(0, 2), set(0, 2))).toEqual({ correct: true, found: 2, total: 2, wrong: 0 });
    expect(checkChoices(set(0), set(0, 2))).toEqual({ correct: false, found: 1, total: 2, wrong: 0 });
    expect(checkChoices(set(0, 1, 2), set(0, 2))).toEqual({ correct: false, found: 2, total: 2, wrong: 1 });
    expect(checkChoices(set(), set(0))).toEqual({ correct: false, found: 0, total: 1, wrong: 0 });
  });
});

describe('feedback text', () => {
  it('formats numbers without float noise, in the page language', () => {
    expect(formatNumber(0.25 - 0.01)).toBe('0.24');
    expect(formatNumber(1809687273)).toBe('1809687273');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(0.25, 'fr')).toBe('0,25');
  });

  it('says right or not quite, the answer and the range that counts', () => {
    expect(numericFeedback(0.25, 0.25, 0.01, 's')).toEqual({
      correct: true,
      text: 'Right: the answer is 0.25 s (anything from 0.24 s to 0.26 s counts).',
    });
    expect(numericFeedback(0.3, 0.25, 0.01, 's')).toEqual({
      correct: false,
      text: 'Not quite: you wrote 0.3 s; the answer is 0.25 s (anything from 0.24 s to 0.26 s counts).',
    });
    expect(numericFeedback(4096, 4096, 0).text).toBe('Right: the answer is 4096.');
    expect(numericFeedback(96.7, 96.7, 0.05, '%').text).toBe('Right: the answer is 96.7% (anything from 96.65% to 96.75% counts).');
  });
});

describe('pageRoute', () => {
  it('takes the base URL off the path and drops a trailing slash', () => {
    expect(pageRoute('/lessons/edge-computing', '/')).toBe('/lessons/edge-computing');
    expect(pageRoute('/ml/lessons/edge-computing/', '/ml/')).toBe('/lessons/edge-computing');
    expect(pageRoute('/ml/', '/ml/')).toBe('/');
    expect(pageRoute('/', '/')).toBe('/');
  });
});
