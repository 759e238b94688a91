/**
 * Rehype plugin, in place of rehype-katex: renders each formula with KaTeX at build time, as
 * rehype-katex does, but hands React the result as one string of HTML per formula
 * (`dangerouslySetInnerHTML`) instead of a tree of elements. The HTML a reader gets is the same;
 * what changes is hydration: React no longer builds and compares every one of the dozens of
 * spans KaTeX makes per formula. On the neural-network lesson (325 formulas) that tree was most
 * of the page's hydration work (Lighthouse total blocking time 140-270 ms, performance 94-98).
 *
 * A formula KaTeX cannot parse stops the build with the page, line and KaTeX's message.
 */
import path from 'node:path';
import katex from 'katex';

type Node = {
  type: string;
  tagName?: string;
  value?: string;
  properties?: { className?: unknown };
  children?: Node[];
  position?: { start: { line: number } };
  name?: string;
  attributes?: unknown[];
  data?: Record<string, unknown>;
};

const text = (node: Node): string => (node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(text).join(''));
const classes = (node: Node): string[] => (Array.isArray(node.properties?.className) ? (node.properties!.className as string[]) : []);

/** `<tag dangerouslySetInnerHTML={{ __html: html }} />` as MDX JSX with its estree. */
function staticHtml(tag: string, html: string, display: boolean): Node {
  const expression = {
    type: 'ObjectExpression',
    properties: [
      {
        type: 'Property',
        key: { type: 'Identifier', name: '__html' },
        value: { type: 'Literal', value: html, raw: JSON.stringify(html) },
        kind: 'init',
        method: false,
        shorthand: false,
        computed: false,
      },
    ],
  };
  return {
    type: display ? 'mdxJsxFlowElement' : 'mdxJsxTextElement',
    name: tag,
    attributes: [
      {
        type: 'mdxJsxAttribute',
        name: 'dangerouslySetInnerHTML',
        value: {
          type: 'mdxJsxAttributeValueExpression',
          value: `{__html: ${JSON.stringify(html)}}`,
          data: { estree: { type: 'Program', sourceType: 'module', comments: [], body: [{ type: 'ExpressionStatement', expression }] } },
        },
      },
    ],
    children: [],
  };
}

export default function rehypeStaticMath(options: { siteDir?: string } = {}) {
  return (tree: Node, file: { path?: string }) => {
    const where = options.siteDir && file.path ? path.relative(options.siteDir, file.path) : (file.path ?? '(page)');
    const walk = (parent: Node) => {
      const children = parent.children ?? [];
      for (let i = 0; i < children.length; i++) {
        const node = children[i];
        if (node.type !== 'element') {
          if (node.children) walk(node);
          continue;
        }
        // remark-math: <pre><code class="language-math math-display"> and <code class="language-math math-inline">
        let scope = node;
        let display = classes(node).includes('math-display');
        if (node.tagName === 'pre' && node.children?.length === 1 && classes(node.children[0]).includes('language-math')) {
          display = true;
        } else if (!classes(node).includes('language-math') && !classes(node).includes('math-inline') && !display) {
          walk(node);
          continue;
        }
        scope = node;
        let html: string;
        try {
          html = katex.renderToString(text(scope), { displayMode: display, throwOnError: true });
        } catch (error) {
          throw new Error(
            `${where}:${scope.position?.start.line ?? '?'}: KaTeX cannot render "${text(scope)}": ${(error as Error).message}`,
          );
        }
        children[i] = staticHtml(display ? 'div' : 'span', html, display);
      }
    };
    walk(tree);
  };
}
