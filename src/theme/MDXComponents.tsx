/**
 * The teaching widgets every MDX page can use without importing them (see CONTRIBUTING.md).
 * Registered once here, as react.dev does; lessons import nothing but raw code files.
 */
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
};
