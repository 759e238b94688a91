/**
 * Reads the quizzes written in the lessons' MDX (`<Quiz>`, `<QuizQuestion>`, `<Choice>`…; see
 * src/components/Quiz) without building the site. The content test checks their shape with it,
 * and the browser test answers every question of the course from what it returns, so both read
 * the right answers from the one place a teacher writes them.
 *
 * The page is parsed as the site parses it (remark-parse, remark-mdx, remark-gfm, remark-math).
 */
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { readContentPages } from '../../src/plugins/content-index';

export type QuizChoice = {
  text: string;
  correct: boolean;
  /** The choice is a formula and nothing else (no words around it). */
  mathOnly: boolean;
};

export type QuizQuestionSpec = {
  /** As written: "single", "multiple" or "numeric" (anything else is reported by the content test). */
  type: string;
  /** The prompt's text (from `prompt="…"` or `<Prompt>`), '' when there is none. */
  prompt: string;
  choices: QuizChoice[];
  /** numeric: the number in `answer={…}`; NaN when it is missing or not a number literal. */
  answer?: number;
  tolerance?: number;
  unit?: string;
  /** The explanation's text, undefined when the question has no `<Explanation>`. */
  explanation?: string;
  /** The targets of the Markdown links in the explanation. */
  links: string[];
  /** Children that are none of Prompt, Choice and Explanation (the component refuses them). */
  strays: string[];
};

export type QuizSpec = {
  id: string;
  title: string;
  /** The MDX file, relative to the site root, and the page's route without the base URL. */
  file: string;
  route: string;
  questions: QuizQuestionSpec[];
};

type MdNode = {
  type: string;
  value?: string;
  url?: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdNode[];
};

const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkMath);
/** Docusaurus reads heading ids (`## Title {#id}`) before MDX sees them. */
const parse = (mdx: string) => processor.parse(mdx.replace(/^(#{1,6} .*?)\s*\{#[\w-]+\}\s*$/gm, '$1')) as unknown as MdNode;

const isJsx = (node: MdNode, name?: string) =>
  (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && (name === undefined || node.name === name);

function attribute(node: MdNode, name: string): { present: boolean; text?: string; expression?: string } {
  const attr = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  if (!attr) return { present: false };
  if (attr.value === null || attr.value === undefined) return { present: true };
  if (typeof attr.value === 'string') return { present: true, text: attr.value };
  return { present: true, expression: String((attr.value as { value?: unknown }).value ?? '') };
}

/** A number written as a literal in `{…}` (`{0.25}`, `{-4}`, `{1e-3}`); NaN for anything else. */
function numberAttribute(node: MdNode, name: string): number | undefined {
  const a = attribute(node, name);
  if (!a.present) return undefined;
  const source = (a.expression ?? '').trim();
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(source) ? Number(source) : NaN;
}

/** Nodes whose children are blocks: their texts are joined with a space, inline texts with nothing. */
const BLOCKS = new Set(['root', 'mdxJsxFlowElement', 'list', 'listItem', 'blockquote', 'table', 'tableRow']);

/** The text of a node (maths and code as written), with runs of white space as one space. */
function textOf(node: MdNode): string {
  const raw = (n: MdNode): string =>
    n.type === 'text' || n.type === 'inlineCode' || n.type === 'inlineMath' || n.type === 'math'
      ? (n.value ?? '')
      : (n.children ?? []).map(raw).join(BLOCKS.has(n.type) ? ' ' : '');
  return raw(node).replace(/\s+/g, ' ').trim();
}

/** Whether a node's content is formulas and white space only. */
function isMathOnly(node: MdNode): boolean {
  const leaves = (n: MdNode): MdNode[] => (n.children ? n.children.flatMap(leaves) : [n]);
  const content = leaves(node).filter((n) => !(n.type === 'text' && !(n.value ?? '').trim()));
  return content.length > 0 && content.every((n) => n.type === 'inlineMath' || n.type === 'math');
}

function linksOf(node: MdNode): string[] {
  const own = node.type === 'link' && node.url ? [node.url] : [];
  return [...own, ...(node.children ?? []).flatMap(linksOf)];
}

function readQuestion(node: MdNode): QuizQuestionSpec {
  const q: QuizQuestionSpec = {
    type: attribute(node, 'type').text ?? '',
    prompt: attribute(node, 'prompt').text ?? '',
    choices: [],
    answer: numberAttribute(node, 'answer'),
    tolerance: numberAttribute(node, 'tolerance'),
    unit: attribute(node, 'unit').text,
    links: [],
    strays: [],
  };
  // `<Choice>…</Choice>` on a line of its own is still inline in MDX: consecutive ones share a
  // paragraph, which the component looks through too.
  const children = (node.children ?? []).flatMap((c) => (c.type === 'paragraph' ? (c.children ?? []) : [c]));
  for (const child of children) {
    if (isJsx(child, 'Choice')) {
      const correct = attribute(child, 'correct');
      q.choices.push({
        text: textOf(child).trim(),
        correct: correct.present && correct.expression !== 'false',
        mathOnly: isMathOnly(child),
      });
    } else if (isJsx(child, 'Explanation')) {
      q.explanation = textOf(child).trim();
      q.links = linksOf(child);
    } else if (isJsx(child, 'Prompt')) {
      q.prompt = textOf(child).trim();
    } else if (!(child.type === 'text' && !child.value?.trim())) {
      q.strays.push(isJsx(child) ? `<${child.name}>` : child.type);
    }
  }
  return q;
}

/** The quizzes of one MDX body, in page order. */
export function quizzesIn(body: string, file = '', route = ''): QuizSpec[] {
  const quizzes: QuizSpec[] = [];
  const visit = (node: MdNode) => {
    if (isJsx(node, 'Quiz')) {
      quizzes.push({
        id: attribute(node, 'id').text ?? '',
        title: attribute(node, 'title').text ?? '',
        file,
        route,
        questions: (node.children ?? []).filter((c) => isJsx(c, 'QuizQuestion')).map(readQuestion),
      });
      return;
    }
    node.children?.forEach(visit);
  };
  visit(parse(body));
  return quizzes;
}

/** Every quiz of the lessons and labs, with the file and route it is on. */
export function courseQuizzes(siteDir: string): QuizSpec[] {
  return readContentPages(siteDir)
    .filter((p) => p.space.dir !== 'glossary' && p.body.includes('<Quiz'))
    .flatMap((p) => quizzesIn(p.body, p.file, p.route));
}
