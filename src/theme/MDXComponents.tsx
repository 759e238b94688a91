/**
 * The teaching widgets every MDX page can use without importing them (see CONTRIBUTING.md).
 * Registered once here, as react.dev does; lessons import nothing but raw code files.
 *
 * The interactive widgets are light shells: their heavy parts (the code editor, the runner's
 * worker, charts) load on their own when a reader nears them, never with the page.
 */
import MDXComponents from '@theme-original/MDXComponents';
import { YouWillLearn, Prerequisites, Recap, Pitfall, TryThis, DeepDive, Definition } from '@site/src/components/Callouts';
import { Question, Answer } from '@site/src/components/Question';
import Term from '@site/src/components/Term';
import RunnableCode from '@site/src/components/RunnableCode';
import Exercise from '@site/src/components/Exercise';
import Hint from '@site/src/components/Exercise/Hint';
import FederatedPlayground from '@site/src/components/FederatedPlayground';
import DeviceBenchmark from '@site/src/components/DeviceBenchmark';
import CloneCommand from '@site/src/components/CloneCommand';
import GestureLab from '@site/src/components/GestureLab';
import Quiz, { QuizQuestion, Prompt, Choice, Explanation } from '@site/src/components/Quiz';
import TranslationNotice from '@site/src/components/TranslationNotice';

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
  FederatedPlayground,
  DeviceBenchmark,
  CloneCommand,
  GestureLab,
  RunnableCode,
  Exercise,
  Hint,
  Quiz,
  QuizQuestion,
  Prompt,
  Choice,
  Explanation,
  TranslationNotice,
};
