/**
 * Numbers already written as text (by code/ files, which stay as the course shows them), put in
 * the page's language. React- and Docusaurus-free, so unit tests can run it under Node.
 */

/** The decimal separator of a BCP 47 language tag: '.' for 'en', ',' for 'fr-CA' ('.' for a tag Intl refuses). */
export function decimalSeparator(lang: string): string {
  try {
    return new Intl.NumberFormat(lang).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  } catch {
    return '.'; // not a language tag Intl knows: the course's English
  }
}

/**
 * "1.25 ms" → "1,25 ms" (with a no-break space before the unit) where the language writes a
 * decimal comma; the text unchanged where it writes a point.
 */
export function localDecimals(text: string, lang: string): string {
  const point = decimalSeparator(lang);
  if (point === '.') return text;
  return text.replace(/(\d)\.(\d)/g, `$1${point}$2`).replace(/(\d) (ms|s|µs|ns|KB|MB|kB|Mo|ko|B|o)\b/g, '$1\u00a0$2');
}
