/** rehype-print-links: which links get their address printed after them on paper. */
import { describe, expect, it } from 'vitest';
import rehypePrintLinks from '../../src/plugins/rehype-print-links';
import { pdfName } from '../../src/plugins/pdf-name';

type El = { type: string; tagName?: string; value?: string; properties?: Record<string, unknown>; children?: El[] };
const link = (href: string, text: string): El => ({
  type: 'element',
  tagName: 'a',
  properties: { href },
  children: [{ type: 'text', value: text }],
});

describe('rehype-print-links', () => {
  it('marks a link to another site whose text is not its address, and nothing else', () => {
    const named = link('https://archive.ics.uci.edu/dataset/53/iris', 'the Iris dataset');
    const bare = link('https://doi.org/10.1038/323533a0', 'https://doi.org/10.1038/323533a0');
    const bareNoScheme = link('https://www.deeplearningbook.org/', 'www.deeplearningbook.org');
    const internal = link('/glossary/latency', 'latency');
    const footnote = link('#user-content-fn-1', '1');
    const tree: El = {
      type: 'root',
      children: [{ type: 'element', tagName: 'p', properties: {}, children: [named, bare, bareNoScheme, internal, footnote] }],
    };
    rehypePrintLinks()(tree as never);
    expect([named, bare, bareNoScheme, internal, footnote].map((a) => 'dataPrintUrl' in a.properties!)).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('pdfName', () => {
  it('is the course title as a file name', () => {
    expect(pdfName('ML on the Edge')).toBe('ml-on-the-edge.pdf');
    expect(pdfName('Apprentissage à la périphérie')).toBe('apprentissage-a-la-peripherie.pdf');
    expect(pdfName('!!!')).toBe('course.pdf');
  });
});
