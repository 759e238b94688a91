/**
 * A shell block that starts with `git clone` of this course's own repository (from
 * course.config.ts, so a fork's pages name the fork), followed by the commands given as children.
 *
 *   <CloneCommand>{`cd ml-on-the-edge
 *   npm ci`}</CloneCommand>
 */
import React from 'react';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { translate } from '@docusaurus/Translate';
import CodeBlock from '@theme/CodeBlock';

/** @param placeholder what stands for the address when the course has none (in the page's language) */
export function cloneLine(repositoryUrl: string | undefined, placeholder = 'the address of your copy of this course'): string {
  const url = repositoryUrl?.trim().replace(/\/+$/, '');
  return url ? `git clone ${url.endsWith('.git') ? url : `${url}.git`} ml-on-the-edge` : `git clone <${placeholder}> ml-on-the-edge`;
}

export default function CloneCommand({ children }: { children?: string }) {
  const { siteConfig } = useDocusaurusContext();
  const repository = siteConfig.customFields?.repository as { url: string } | undefined;
  const rest = typeof children === 'string' ? children.trim() : '';
  return (
    <CodeBlock language="bash">
      {[
        cloneLine(
          repository?.url,
          translate({ id: 'clone.placeholder', message: 'the address of your copy of this course', description: 'In a git clone command' }),
        ),
        rest,
      ]
        .filter(Boolean)
        .join('\n')}
    </CodeBlock>
  );
}
