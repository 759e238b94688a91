/**
 * The teaching widgets every MDX page can use without importing them (see CONTRIBUTING.md).
 * Registered once here, as react.dev does; lessons import nothing but raw code files.
 *
 * Light widgets are imported directly. Heavy interactive ones are `lazyWidget`s: the build
 * still renders their HTML, but their code is a separate chunk that only pages using them load.
 */
import React, { Suspense, lazy, type ComponentProps, type ComponentType } from 'react';
import MDXComponents from '@theme-original/MDXComponents';
import {
  YouWillLearn,
  Prerequisites,
  Recap,
  Pitfall,
  TryThis,
  DeepDive,
  Definition,
} from '@site/src/components/Callouts';
import { Question, Answer } from '@site/src/components/Question';
import Term from '@site/src/components/Term';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function lazyWidget<C extends ComponentType<any>>(load: () => Promise<{ default: C }>) {
  const Widget = lazy(load);
  return function LazyWidget(props: ComponentProps<C>) {
    return (
      <Suspense fallback={null}>
        <Widget {...props} />
      </Suspense>
    );
  };
}

export default {
  ...MDXComponents,
  YouWillLearn,
  Prerequisites,
  Recap,
  Pitfall,
  TryThis,
  DeepDive,
  Definition,
  Question,
  Answer,
  Term,
  FederatedPlayground: lazyWidget(() => import('@site/src/components/FederatedPlayground')),
};
