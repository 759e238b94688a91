/**
 * Wraps the theme's sidebar link: a page that holds exercises or quizzes gets a tick when the
 * student has done them all, a half mark when some (src/progress/marks.css), and says so to
 * screen readers in the link's name. The original spreads extra props onto its <a>; the marks
 * are attributes there (no markup of the theme's is copied). See CONTRIBUTING.md, patches.
 */
import React from 'react';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import Link from '@theme-original/DocSidebarItem/Link';
import type LinkType from '@theme/DocSidebarItem/Link';
import type { WrapperProps } from '@docusaurus/types';
import { completionState, completionText, practiceWords } from '@site/src/progress/practice';
import { useCompletion } from '@site/src/progress/hooks';
import '@site/src/progress/marks.css';

type Props = WrapperProps<typeof LinkType>;

/** The attributes that show a page's or a section's progress on a sidebar link. */
export function useProgressAttributes(href: string | undefined, label: string, scope: 'page' | 'section') {
  const { items, completion } = useCompletion(href, scope);
  const { i18n } = useDocusaurusContext();
  if (items.length === 0) return {};
  const locale = i18n.currentLocale;
  const state = completionState(completion);
  return {
    'data-practice': scope,
    ...(state && {
      'data-progress': state,
      'aria-label': `${label} (${scope === 'section' ? practiceWords(locale).section : ''}${completionText(completion, locale)})`,
    }),
  };
}

export default function LinkWrapper(props: Props) {
  const attributes = useProgressAttributes(props.item.href, props.item.label, 'page');
  return <Link {...props} {...attributes} />;
}
