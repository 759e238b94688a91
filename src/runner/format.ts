/**
 * How values printed with console.log look in the runner's output: readable, like a browser
 * console, and bounded (long arrays, deep objects and long output are cut with "… N more").
 */
const MAX_ITEMS = 20;
const MAX_DEPTH = 3;
const MAX_STRING = 2000;

function formatNumber(n: number): string {
  if (Object.is(n, -0)) return '-0';
  return String(n);
}

/** One value as text; strings at the top level print without quotes, as in a console. */
export function formatValue(value: unknown, depth = 0, seen = new Set<unknown>()): string {
  if (typeof value === 'string')
    return depth === 0 ? value : JSON.stringify(value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value);
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === undefined || value === null || typeof value === 'boolean' || typeof value === 'symbol') return String(value);
  if (typeof value === 'function') return `[Function ${value.name || '(anonymous)'}]`;
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  if (seen.has(value)) return '[Circular]';
  if (depth > MAX_DEPTH) return Array.isArray(value) ? '[Array]' : '[Object]';
  seen.add(value);
  try {
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      const items = Array.from(value as unknown as ArrayLike<number>);
      return `${value.constructor.name}(${items.length}) ${formatList(
        items.map((v) => formatNumber(v)),
        items.length,
      )}`;
    }
    if (Array.isArray(value)) {
      return formatList(
        value.slice(0, MAX_ITEMS).map((v) => formatValue(v, depth + 1, seen)),
        value.length,
      );
    }
    if (value instanceof Map) {
      const entries = [...value.entries()]
        .slice(0, MAX_ITEMS)
        .map(([k, v]) => `${formatValue(k, depth + 1, seen)} => ${formatValue(v, depth + 1, seen)}`);
      return `Map(${value.size}) {${entries.length ? ` ${entries.join(', ')}${value.size > MAX_ITEMS ? `, … ${value.size - MAX_ITEMS} more` : ''} ` : ''}}`;
    }
    if (value instanceof Set)
      return `Set(${value.size}) ${formatList(
        [...value].slice(0, MAX_ITEMS).map((v) => formatValue(v, depth + 1, seen)),
        value.size,
      )}`;
    const keys = Object.keys(value as object);
    const shown = keys
      .slice(0, MAX_ITEMS)
      .map(
        (k) =>
          `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${formatValue((value as Record<string, unknown>)[k], depth + 1, seen)}`,
      );
    if (keys.length > MAX_ITEMS) shown.push(`… ${keys.length - MAX_ITEMS} more`);
    const name = (value as object).constructor && (value as object).constructor !== Object ? `${(value as object).constructor.name} ` : '';
    return shown.length ? `${name}{ ${shown.join(', ')} }` : `${name}{}`;
  } finally {
    seen.delete(value);
  }
}

function formatList(items: string[], total: number): string {
  const more = total > items.length ? `, … ${total - items.length} more` : '';
  const oneLine = `[ ${items.join(', ')}${more} ]`;
  if (items.length === 0) return '[]';
  return oneLine.length <= 100 ? oneLine : `[\n  ${items.join(',\n  ')}${more ? `,\n  … ${total - items.length} more` : ''}\n]`;
}

/** console.log's arguments as one line of text, with printf-style %s %d %i %f %o %O. */
export function formatArgs(args: unknown[]): string {
  if (typeof args[0] === 'string' && /%[sdifoOj%]/.test(args[0])) {
    const rest = args.slice(1);
    const head = (args[0] as string).replace(/%([sdifoOj%])/g, (match, code: string) => {
      if (code === '%') return '%';
      if (rest.length === 0) return match;
      const v = rest.shift();
      if (code === 's') return typeof v === 'string' ? v : formatValue(v, 1);
      if (code === 'd' || code === 'i') return String(parseInt(String(v), 10));
      if (code === 'f') return String(parseFloat(String(v)));
      return formatValue(v, 1);
    });
    return [head, ...rest.map((v) => formatValue(v))].join(' ');
  }
  return args.map((v) => formatValue(v)).join(' ');
}

/** console.table as aligned text columns. */
export function formatTable(data: unknown): string {
  if (data === null || typeof data !== 'object') return formatValue(data);
  const rows = Array.isArray(data) ? data.map((row, i) => [String(i), row] as const) : Object.entries(data as object);
  const columns: string[] = [];
  for (const [, row] of rows) {
    if (row !== null && typeof row === 'object') for (const k of Object.keys(row)) if (!columns.includes(k)) columns.push(k);
  }
  const valueColumn = rows.some(([, row]) => row === null || typeof row !== 'object');
  const header = ['(index)', ...columns, ...(valueColumn ? ['Values'] : [])];
  const body = rows
    .slice(0, 100)
    .map(([key, row]) => [
      key,
      ...columns.map((c) =>
        row !== null && typeof row === 'object' && c in row ? formatValue((row as Record<string, unknown>)[c], 1) : '',
      ),
      ...(valueColumn ? [row !== null && typeof row === 'object' ? '' : formatValue(row, 1)] : []),
    ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' │ ');
  const out = [line(header), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...body.map(line)];
  if (rows.length > 100) out.push(`… ${rows.length - 100} more rows`);
  return out.join('\n');
}
