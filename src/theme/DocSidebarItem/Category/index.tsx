/**
 * Wraps the theme's sidebar category: a section (a folder of docs/) whose pages hold exercises
 * or quizzes gets a tick when the student has done them all, a half mark when some. The
 * original spreads extra props onto the category's link; see ../Link and CONTRIBUTING.md.
 */
import React from 'react';
import Category from '@theme-original/DocSidebarItem/Category';
import type CategoryType from '@theme/DocSidebarItem/Category';
import type { WrapperProps } from '@docusaurus/types';
import { useProgressAttributes } from '../Link';

type Props = WrapperProps<typeof CategoryType>;

export default function CategoryWrapper(props: Props) {
  const attributes = useProgressAttributes(props.item.href, props.item.label, 'section');
  return <Category {...props} {...attributes} />;
}
