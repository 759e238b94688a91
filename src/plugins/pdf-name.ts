/**
 * The course PDF's file name, shared by `npm run pdf` (scripts/pdf.ts, which writes
 * build/<name>) and the site's "Print and PDF" page (which links to it): the course title in
 * lower case, its words joined by hyphens, e.g. "ML on the Edge" → "ml-on-the-edge.pdf".
 */
export function pdfName(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'course'}.pdf`;
}
