/**
 * Code blocks load their highlighter (Prism and its grammars) in a separate chunk instead of with
 * every page. The build still renders highlighted HTML; in the browser that HTML stays in place
 * until the chunk arrives, then React takes it over. Building Prism's grammars costs about 250 ms
 * of main-thread time on a throttled phone CPU, so pages without code never pay it and pages with
 * code pay it after first paint.
 */
import React, { Suspense, lazy } from 'react';
import type CodeBlockType from '@theme/CodeBlock';
import type { WrapperProps } from '@docusaurus/types';

type Props = WrapperProps<typeof CodeBlockType>;

const OriginalCodeBlock = lazy(() => import('@theme-original/CodeBlock'));

/** Shown only on client-side navigation, while the chunk loads: the same code, unhighlighted. */
function PlainCode({ children, className }: Props) {
  return (
    <pre className={`prism-code ${className ?? ''}`} tabIndex={0}>
      <code>{typeof children === 'string' ? children.replace(/\n$/, '') : children}</code>
    </pre>
  );
}

export default function CodeBlock(props: Props) {
  return (
    <Suspense fallback={<PlainCode {...props} />}>
      <OriginalCodeBlock {...props} />
    </Suspense>
  );
}
