/**
 * The classic theme's CodeBlock re-mounts every code block once the page has loaded, so that
 * blocks rendered on the server in the light theme pick up dark-theme colours. On a lesson page
 * that is every example re-highlighted and re-built right after hydration: on a throttled phone,
 * the biggest single task of the page load. Here a block re-mounts only when the page is actually
 * in dark mode; in light mode (what the server renders) it hydrates once and stays.
 */
import React, { isValidElement, type ReactNode } from 'react';
import useIsBrowser from '@docusaurus/useIsBrowser';
import { useColorMode } from '@docusaurus/theme-common';
import ElementContent from '@theme/CodeBlock/Content/Element';
import StringContent from '@theme/CodeBlock/Content/String';
import type { Props } from '@theme/CodeBlock';

/** Plain-string children become one string (so the copy button can copy them). */
function stringifyChildren(children: ReactNode): ReactNode {
  if (React.Children.toArray(children).some((child) => isValidElement(child))) return children;
  return Array.isArray(children) ? children.join('') : children;
}

export default function CodeBlock({ children: rawChildren, ...props }: Props): ReactNode {
  const isBrowser = useIsBrowser();
  const { colorMode } = useColorMode();
  const children = stringifyChildren(rawChildren);
  const Content = typeof children === 'string' ? StringContent : ElementContent;
  return (
    <Content key={isBrowser && colorMode === 'dark' ? 'dark' : 'server'} {...props}>
      {children as string}
    </Content>
  );
}
