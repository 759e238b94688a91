/** Numbers written as text by code/ (durations, losses) shown in the page's language: src/i18n/numbers.ts. */
import { describe, expect, it } from 'vitest';
import { decimalSeparator, localDecimals } from '../../src/i18n/numbers';

describe('localDecimals', () => {
  it('leaves English as code/shared/time.ts writes it', () => {
    expect(localDecimals('1.25 ms', 'en')).toBe('1.25 ms');
    expect(localDecimals('2.50 s', 'en')).toBe('2.50 s');
  });

  it('writes a decimal comma and a no-break space before the unit in Quebec French', () => {
    expect(decimalSeparator('fr-CA')).toBe(',');
    expect(localDecimals('1.25 ms', 'fr-CA')).toBe('1,25\u00a0ms');
    expect(localDecimals('2.50 s', 'fr')).toBe('2,50\u00a0s');
    expect(localDecimals('133 ms', 'fr-CA')).toBe('133\u00a0ms');
  });

  it('changes only a point between digits', () => {
    expect(localDecimals('network-fast.ts: 0.5 ms.', 'fr-CA')).toBe('network-fast.ts: 0,5\u00a0ms.');
  });
});
