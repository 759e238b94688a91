/**
 * Remark plugin: gives every code embed its files at build time, so a page names only the entry.
 *
 *   <RunnableCode entry="knn/demo-iris.ts" />             a path inside code/
 *   <RunnableCode entry="knn/demo-speed.ts" tabs="knn/knn-fast.ts knn/knn.ts" timeLimit={30} />
 *   <Exercise name="majority-vote" title="Count the votes">…</Exercise>   code/exercises/majority-vote/
 *
 * For each embed it follows the entry's relative imports, transitively, plus the data files the
 * code reads (./embed-files.ts), adds one `import … from '@site/code/…?raw'` per file to the
 * page, and passes the texts to the component as `sources` (path → text). `tabs` lists the files
 * shown after the entry (default: every code file it needs). For an exercise, the starter and
 * the tests are the entries; the tests' `./solution` import is answered by the reader's starter,
 * and the solution's text is added only when the course shows solutions.
 *
 * An entry that does not exist, an import that does not resolve, a file outside code/, or an old
 * `files`/`starter` attribute stops the build with a message naming the page and its line.
 */
import path from 'node:path';
import { EmbedError, embedFiles, exerciseEmbed, normaliseCodePath } from './embed-files';

type Attribute = { type: string; name?: string; value?: unknown };
type Node = {
  type: string;
  name?: string | null;
  value?: unknown;
  attributes?: Attribute[];
  children?: Node[];
  position?: { start: { line: number } };
  data?: Record<string, unknown>;
};
type VFileLike = { path?: string };

export type RemarkEmbedsOptions = {
  siteDir: string;
  /** Leave exercise solutions out of the page (course.config.ts showSolutions: false). */
  hideSolutions?: boolean;
};

function visit(node: Node, fn: (node: Node) => void): void {
  fn(node);
  node.children?.forEach((child) => visit(child, fn));
}

const literal = (value: string) => ({ type: 'Literal', value, raw: JSON.stringify(value) });
const identifier = (name: string) => ({ type: 'Identifier', name });

/** `import name from 'source';` as an MDX ESM node (with the estree MDX compiles from). */
function importNode(name: string, source: string): Node {
  const declaration = {
    type: 'ImportDeclaration',
    specifiers: [{ type: 'ImportDefaultSpecifier', local: identifier(name) }],
    source: literal(source),
    attributes: [],
  };
  return {
    type: 'mdxjsEsm',
    value: `import ${name} from ${JSON.stringify(source)};`,
    data: { estree: { type: 'Program', sourceType: 'module', body: [declaration], comments: [] } },
  };
}

/** A JSX attribute whose value is a JavaScript expression given as estree. */
function expressionAttribute(name: string, expression: unknown, text: string): Attribute {
  return {
    type: 'mdxJsxAttribute',
    name,
    value: {
      type: 'mdxJsxAttributeValueExpression',
      value: text,
      data: { estree: { type: 'Program', sourceType: 'module', body: [{ type: 'ExpressionStatement', expression }], comments: [] } },
    },
  };
}

function stringAttribute(node: Node, name: string): string | undefined {
  const attribute = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  if (!attribute) return undefined;
  if (typeof attribute.value !== 'string') throw new EmbedError(`${name} must be a plain string, e.g. ${name}="knn/demo-iris.ts"`);
  return attribute.value;
}

export default function remarkEmbeds(options: RemarkEmbedsOptions) {
  const codeDir = path.join(options.siteDir, 'code');
  return (tree: Node, file: VFileLike) => {
    const where = path.relative(options.siteDir, file.path ?? '(unknown file)');
    /** One import per file on the page: code path → identifier. */
    const imports = new Map<string, string>();
    const importFor = (codePath: string) => {
      let name = imports.get(codePath);
      if (!name) {
        name = `__code_${imports.size}_${codePath.replace(/[^A-Za-z0-9]/g, '_')}`;
        imports.set(codePath, name);
      }
      return name;
    };
    /** `{ '/knn/knn.ts': __code_…, … }` */
    const sourcesAttribute = (paths: string[]) =>
      expressionAttribute(
        'sources',
        {
          type: 'ObjectExpression',
          properties: paths.map((p) => ({
            type: 'Property',
            key: literal(`/${p}`),
            value: identifier(importFor(p)),
            kind: 'init',
            method: false,
            shorthand: false,
            computed: false,
          })),
        },
        `{${paths.map((p) => `${JSON.stringify(`/${p}`)}: ${importFor(p)}`).join(', ')}}`,
      );
    const arrayAttribute = (name: string, values: string[]) =>
      expressionAttribute(name, { type: 'ArrayExpression', elements: values.map(literal) }, JSON.stringify(values));

    visit(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      if (node.name !== 'RunnableCode' && node.name !== 'Exercise') return;
      const line = node.position?.start.line ?? 0;
      const attrs = node.attributes ?? [];
      const fail = (message: string): never => {
        throw new Error(`${where}:${line}: <${node.name}>: ${message}`);
      };
      try {
        for (const old of ['files', 'sources', 'starter', 'solution', 'tests', 'support']) {
          if (attrs.some((a) => a.name === old)) {
            fail(
              old === 'sources'
                ? '"sources" is filled in by the build; remove it.'
                : `the "${old}" attribute is gone: ${node.name === 'Exercise' ? 'name the exercise (name="majority-vote") and the build finds its files' : 'name the entry file (entry="knn/demo-iris.ts") and the build finds the files it imports'}.`,
            );
          }
        }
        if (node.name === 'RunnableCode') {
          const entryAttr =
            stringAttribute(node, 'entry') ?? fail('needs entry="…", a path inside code/ such as entry="knn/demo-iris.ts".');
          const entry = normaliseCodePath(entryAttr, 'entry');
          const files = embedFiles([entry], { codeDir });
          const tabsAttr = stringAttribute(node, 'tabs');
          const tabs =
            tabsAttr === undefined
              ? files.filter((f) => /\.(ts|tsx|js)$/.test(f))
              : [
                  entry,
                  ...tabsAttr
                    .split(/[\s,]+/)
                    .filter(Boolean)
                    .map((t) => normaliseCodePath(t, 'tab')),
                ];
          for (const tab of tabs)
            if (!files.includes(tab)) fail(`tab "${tab}" is not one of the files the entry uses: ${files.join(', ')}.`);
          node.attributes = [
            ...attrs.filter((a) => a.name !== 'tabs'),
            sourcesAttribute(files),
            arrayAttribute(
              'tabs',
              [...new Set(tabs)].map((t) => `/${t}`),
            ),
          ];
        } else {
          const name = stringAttribute(node, 'name') ?? fail('needs name="…", the exercise\'s folder in code/exercises/.');
          if (!/^[a-z0-9][a-z0-9-]*$/.test(name))
            fail(`name "${name}" must be a folder name in code/exercises/ (lower case, digits and dashes).`);
          const { entries, aliases, solution } = exerciseEmbed(name);
          const files = embedFiles(entries, { codeDir, aliases });
          embedFiles([solution], { codeDir }); // the solution must exist and resolve too, shown or not
          const extra = options.hideSolutions ? [] : [identifierAttribute('solution', importFor(solution))];
          node.attributes = [...attrs, sourcesAttribute(files), ...extra];
        }
      } catch (error) {
        if (error instanceof EmbedError) fail(error.message);
        throw error;
      }
    });

    if (imports.size > 0) {
      tree.children ??= [];
      tree.children.unshift(...[...imports].map(([codePath, name]) => importNode(name, `@site/code/${codePath}?raw`)));
    }
  };
}

/** `solution={__code_…}` */
function identifierAttribute(name: string, variable: string): Attribute {
  return expressionAttribute(name, identifier(variable), variable);
}
