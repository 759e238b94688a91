/** src/i18n/language.ts: a language's entry from a table of words. */
import { describe, expect, it } from 'vitest';
import { inLanguage, inLanguageOrEnglish } from '../../src/i18n/language';
import { decimalSeparator } from '../../src/i18n/numbers';

const table = { en: 'Run', fr: 'Exécuter', 'pt-BR': 'Executar' };

describe('inLanguage', () => {
  it('reads the exact locale, then its language, in any case', () => {
    expect(inLanguage(table, 'fr')).toBe('Exécuter');
    expect(inLanguage(table, 'fr-CA')).toBe('Exécuter');
    expect(inLanguage(table, 'FR-ca')).toBe('Exécuter');
    expect(inLanguage(table, 'pt-BR')).toBe('Executar');
    expect(inLanguage(table, 'de')).toBeUndefined();
  });
  it('falls back to English where the table has no entry', () => {
    expect(inLanguageOrEnglish(table, 'de-CH')).toBe('Run');
    expect(inLanguageOrEnglish(table, 'fr-CA')).toBe('Exécuter');
  });
});

describe('decimalSeparator', () => {
  it('is the comma in French, the point in English and for a tag Intl refuses', () => {
    expect(decimalSeparator('fr-CA')).toBe(',');
    expect(decimalSeparator('en')).toBe('.');
    expect(decimalSeparator('not a tag!')).toBe('.');
  });
});
