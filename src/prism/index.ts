/**
 * A lean stand-in for `prism-react-renderer` (the build points that package here, see
 * src/plugins/lean-client.ts). The package bundles Prism with about thirty languages and builds
 * all their grammars when it is first imported: about 300 ms of main-thread time on a throttled
 * phone, on every lesson and glossary page, since the code-block component is part of every page's
 * MDX components. This module loads Prism's core and only the languages the course uses, and
 * provides the part of the package's API that Docusaurus uses: `Highlight`, `Prism`,
 * `normalizeTokens`, `useTokenize`. Themes are read from the site config, so `themes` is not needed.
 *
 * To highlight another language in lessons, import its Prism component below.
 */
import './manual';
import Prism from 'prismjs/components/prism-core';
import 'prismjs/components/prism-markup';
import 'prismjs/components/prism-clike';
import 'prismjs/components/prism-javascript';
import 'prismjs/components/prism-typescript';
import 'prismjs/components/prism-bash';
import 'prismjs/components/prism-json';
import 'prismjs/components/prism-markdown';
import 'prismjs/components/prism-python';
import { createElement, useCallback, useMemo, type CSSProperties, type ReactNode } from 'react';
import clsx from 'clsx';

export { Prism };

type PrismToken = string | { type: string; alias?: string | string[]; content: PrismToken | PrismToken[] };
export type Token = { types: string[]; content: string; empty?: boolean };
type ThemeEntry = { types: string[]; style: CSSProperties; languages?: string[] };
export type PrismTheme = { plain: CSSProperties; styles: ThemeEntry[] };
type ThemeDictionary = Record<string, CSSProperties>;

const NEWLINE = /\r\n|\r|\n/;

/** A line that would render empty gets one newline token, so it keeps its height. */
function fillEmptyLine(line: Token[]): void {
  if (line.length === 0) line.push({ types: ['plain'], content: '\n', empty: true });
  else if (line.length === 1 && line[0].content === '') {
    line[0].content = '\n';
    line[0].empty = true;
  }
}

/** Prism's nested token tree → lines of flat tokens, each with the types of all its ancestors. */
export function normalizeTokens(tokens: PrismToken[]): Token[][] {
  const lines: Token[][] = [[]];
  const walk = (items: PrismToken[], parentTypes: string[], depth: number) => {
    for (const item of items) {
      let types = parentTypes;
      let content: PrismToken | PrismToken[];
      if (typeof item === 'string') {
        types = depth > 0 ? parentTypes : ['plain'];
        content = item;
      } else {
        types = append(append(parentTypes, item.type), item.alias);
        content = item.content;
      }
      if (typeof content !== 'string') {
        walk(Array.isArray(content) ? content : [content], types, depth + 1);
        continue;
      }
      content.split(NEWLINE).forEach((part, i) => {
        if (i > 0) {
          fillEmptyLine(lines[lines.length - 1]);
          lines.push([]);
        }
        lines[lines.length - 1].push({ types, content: part });
      });
    }
  };
  walk(tokens, [], 0);
  fillEmptyLine(lines[lines.length - 1]);
  return lines;
}

function append(types: string[], add: string | string[] | undefined): string[] {
  if (add === undefined || types[types.length - 1] === add) return types;
  return types.concat(add);
}

export function useTokenize({
  prism,
  code,
  grammar,
  language,
}: {
  prism: typeof Prism;
  code: string;
  grammar?: Prism.Grammar;
  language: string;
}): Token[][] {
  return useMemo(() => {
    if (grammar == null) return normalizeTokens([code]);
    const env = { code, grammar, language, tokens: [] as PrismToken[] };
    prism.hooks.run('before-tokenize', env);
    env.tokens = prism.tokenize(code, grammar) as PrismToken[];
    prism.hooks.run('after-tokenize', env);
    return normalizeTokens(env.tokens);
  }, [prism, code, grammar, language]);
}

function themeDictionary(theme: PrismTheme, language: string): ThemeDictionary {
  const dictionary: ThemeDictionary = {};
  for (const { languages, style, types } of theme.styles) {
    if (languages && !languages.includes(language)) continue;
    for (const type of types) dictionary[type] = { ...dictionary[type], ...style };
  }
  dictionary.root = theme.plain;
  dictionary.plain = { ...theme.plain, backgroundColor: undefined };
  return dictionary;
}

type LineInputProps = { line?: Token[]; className?: string; style?: CSSProperties; [key: string]: unknown };
type TokenInputProps = { token: Token; className?: string; style?: CSSProperties; [key: string]: unknown };

export type RenderProps = {
  tokens: Token[][];
  className: string;
  style: CSSProperties;
  getLineProps: (input: LineInputProps) => Record<string, unknown>;
  getTokenProps: (input: TokenInputProps) => Record<string, unknown>;
};

export type HighlightProps = {
  code: string;
  language: string;
  theme?: PrismTheme;
  prism?: typeof Prism;
  children: (props: RenderProps) => ReactNode;
};

const NO_THEME: PrismTheme = { plain: {}, styles: [] };

function HighlightInner({ code, language: rawLanguage, theme = NO_THEME, prism = Prism, children }: HighlightProps) {
  const language = rawLanguage.toLowerCase();
  const dictionary = useMemo(() => themeDictionary(theme, language), [theme, language]);
  const getLineProps = useCallback(
    ({ className, style, line: _line, ...rest }: LineInputProps) => ({
      ...rest,
      className: clsx('token-line', className),
      style: style ? { ...dictionary.plain, ...style } : dictionary.plain,
    }),
    [dictionary],
  );
  const getTokenProps = useCallback(
    ({ token, className, style, ...rest }: TokenInputProps) => {
      const { types, empty } = token;
      let tokenStyle: CSSProperties | undefined;
      if (types.length === 1 && types[0] === 'plain') tokenStyle = empty ? { display: 'inline-block' } : undefined;
      else if (types.length === 1 && empty) tokenStyle = dictionary[types[0]];
      else tokenStyle = Object.assign(empty ? { display: 'inline-block' } : {}, ...types.map((t) => dictionary[t]));
      return {
        ...rest,
        className: clsx('token', ...types, className),
        children: token.content,
        style: style ? { ...tokenStyle, ...style } : tokenStyle,
      };
    },
    [dictionary],
  );
  const tokens = useTokenize({ prism, code, grammar: prism.languages[language], language });
  return children({ tokens, className: `prism-code language-${language}`, style: dictionary.root, getLineProps, getTokenProps });
}

export function Highlight(props: HighlightProps) {
  return createElement(HighlightInner, props);
}
