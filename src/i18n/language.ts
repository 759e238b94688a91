/**
 * Picking a language's entry from a table keyed by language: the exact locale ("fr-CA"), then its
 * language ("fr"), then English. Every table of words outside Docusaurus's translate() (quiz
 * feedback, progress words, the PDF, licence deeds, the build's glossary headings) goes through
 * it, so "fr", "fr-CA" and "FR-ca" all read French and a language with no entry reads English.
 * React- and Docusaurus-free: unit tests and build plugins use it under Node.
 */
export function inLanguage<T>(table: Partial<Record<string, T>>, locale: string): T | undefined {
  const tag = locale.toLowerCase();
  return table[locale] ?? table[tag] ?? table[tag.split('-')[0]];
}

/** As inLanguage, with English (`table.en`) for a language the table does not have. */
export function inLanguageOrEnglish<T>(table: { en: T } & Partial<Record<string, T>>, locale: string): T {
  return inLanguage(table, locale) ?? table.en;
}
