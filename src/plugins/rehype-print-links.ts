/**
 * Rehype plugin: marks the links to other sites whose text is not their address
 * (`[the dataset](https://…)`) with `data-print-url`, so the print stylesheet can write the
 * address after them on paper (src/css/print.css). A bare address (`https://doi.org/…`, as the
 * sources are written) is already its own text and is left alone.
 */
type Node = {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: Node[];
};

const text = (node: Node): string => (node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(text).join(''));
/** The address as a reader would type it: no scheme, no trailing slash. */
const bare = (url: string) =>
  url
    .trim()
    .replace(/^https?:\/\//, '')
    .replace(/\/$/, '');

function visit(node: Node): void {
  const href = node.properties?.href;
  if (node.type === 'element' && node.tagName === 'a' && typeof href === 'string' && /^https?:\/\//.test(href)) {
    if (bare(text(node)) !== bare(href)) node.properties!.dataPrintUrl = '';
  }
  node.children?.forEach(visit);
}

export default function rehypePrintLinks() {
  return (tree: Node) => visit(tree);
}
