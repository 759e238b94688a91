/**
 * Code the reader edits and runs in the page (see CONTRIBUTING.md, "Runnable code"):
 *
 *   <RunnableCode entry="knn/demo-iris.ts" />
 *   <RunnableCode entry="knn/demo-speed.ts" tabs="knn/knn-fast.ts" timeLimit={30} title="…" />
 *
 * The page names only the entry, a path inside code/. At build time src/plugins/remark-embeds.ts
 * follows its imports and the data files it reads and passes their texts as `sources`.
 *
 * - The static page shows the code highlighted. As the embed nears the viewport, the editor's
 *   bundle loads and the page's runner worker transpiles the files, so the first Run is quick;
 *   Sandpack's editor replaces the highlighted code when the reader clicks or tabs into it.
 * - Run (or Ctrl/⌘+Enter) executes the files in one of the page's runner workers (./pool.ts);
 *   Stop ends a run at once; a run past its time limit is stopped with a message.
 * - Edits are saved in this browser per page and embed; Reset restores the original files.
 */
import { translate } from '@docusaurus/Translate';
import React from 'react';
import { useLocation } from '@docusaurus/router';
import type { Files } from '@site/src/runner/protocol';
import { EmbedShell, isCode } from './Shell';

export type RunnableCodeProps = {
  /** The file that runs: a path inside code/, e.g. 'knn/demo-iris.ts'. */
  entry: string;
  /** Seconds before a run is stopped (default 10). */
  timeLimit?: number;
  /** A heading for the embed (default: the entry's file name). */
  title?: string;
  /** Filled in by the build: every file the entry needs, by path ('/knn/knn.ts'). */
  sources?: Files;
  /**
   * The files shown as tabs after the entry. In MDX a string ("knn/knn.ts knn/knn-fast.ts");
   * the build turns it into paths. Default: every code file the entry uses.
   */
  tabs?: string[];
};

/** 'knn/demo-iris.ts' → '/knn/demo-iris.ts', the runner's path for it. */
const runnerPath = (path: string) => `/${path.replace(/^\/+/, '')}`;

export default function RunnableCode({ entry, timeLimit = 10, title, sources, tabs }: RunnableCodeProps) {
  const { pathname } = useLocation();
  const main = runnerPath(entry);
  if (!sources || !(main in sources)) {
    // Only when the page did not go through the build's remark-embeds plugin.
    throw new Error(`RunnableCode ${entry}: no sources; pages get them from src/plugins/remark-embeds.ts at build time`);
  }
  const shown = [main, ...(tabs ?? Object.keys(sources).filter(isCode)).filter((t) => t !== main)];
  return (
    <EmbedShell
      sources={sources}
      tabs={shown}
      title={title}
      storageKey={`ml-edge:edits:${pathname}:${main}`}
      action={{ label: translate({ id: 'embed.run', message: 'Run' }), start: (runner, files) => runner.run(files, main) }}
      timeLimit={timeLimit}
      resetQuestion={translate({ id: 'embed.resetQuestion', message: 'Reset this example? Your changes to its files will be lost.' })}
      rootAttributes={{ 'data-runnable-entry': entry.replace(/^\/+/, '') }}
    />
  );
}
