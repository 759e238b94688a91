/**
 * What a runnable embed and an exercise share: when the code area wakes up, and what it shows.
 *
 * - `useNearViewport` reports when the embed comes within 600 px of the viewport; from then on
 *   the editor's bundle is fetched (so a page without embeds, or a reader who never scrolls to
 *   one, never loads it). Its code runs only when the editor first mounts.
 * - `CodeArea` shows the code highlighted (the server's HTML, kept as it is while hydrating) and
 *   swaps in Sandpack's editor when the reader reaches for the code: a click, a tap or keyboard
 *   focus. The editor then takes the focus, so typing goes on where the reader aimed.
 */
import React, { Suspense, lazy, useEffect, useRef, useState, type RefObject } from 'react';
import clsx from 'clsx';
import CodeBlock from '@theme/CodeBlock';
import { useColorMode } from '@docusaurus/theme-common';
import type { Files } from '@site/src/runner/protocol';
import { isHydrating } from '@site/src/client/hydration';
import styles from './styles.module.css';

/** Fetches the editor's chunk without running the editor's code (see ./Editor). */
const loadEditor = () => import('./Editor');
/** Runs it: on the reader's first click or focus in the code. */
const runEditor = () => loadEditor().then((chunk) => chunk.runEditor());
const Editor = lazy(runEditor);

const label = (path: string) => path.split('/').pop()!;

/** True once the element has come within 600 px of the viewport; starts fetching the editor then. */
export function useNearViewport<T extends Element>(): [RefObject<T>, boolean] {
  const ref = useRef<T>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return undefined;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: '600px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    if (near) void loadEditor();
  }, [near]);
  return [ref, near];
}

type CodeAreaProps = {
  files: Files;
  /** The files shown as tabs, in order. */
  visible: string[];
  active: string;
  onActive: (path: string) => void;
  onChange: (path: string, code: string) => void;
  /** False until the saved edits are restored and the embed is near: the editor waits for both. */
  ready: boolean;
  /** Bumped to re-create the editor from `files` (after Reset). */
  version: number;
};

export function CodeArea({ files, visible, active, onActive, onChange, ready, version }: CodeAreaProps) {
  const { colorMode } = useColorMode();
  const [activated, setActivated] = useState(false);
  const staticCode = <StaticCode files={files} visible={visible} active={active} onActive={onActive} />;
  return (
    <div
      className={styles.code}
      data-code-area
      // A mouse hovering over the code is a hint: get the editor's code running before the click.
      onPointerEnter={(event) => ready && event.pointerType === 'mouse' && void runEditor()}
      onPointerDown={() => setActivated(true)}
      onFocus={() => setActivated(true)}
    >
      {ready && activated ? (
        <Suspense fallback={staticCode}>
          <Editor
            key={version}
            files={files}
            visible={visible}
            active={active}
            dark={colorMode === 'dark'}
            onChange={onChange}
            focusOnMount
            onActiveChange={onActive}
          />
        </Suspense>
      ) : (
        staticCode
      )}
    </div>
  );
}

function StaticCode({
  files,
  visible,
  active,
  onActive,
}: {
  files: Files;
  visible: string[];
  active: string;
  onActive: (p: string) => void;
}) {
  return (
    <div className={styles.static}>
      {visible.length > 1 && (
        <div className={styles.tabs} role="tablist" aria-label="Files">
          {visible.map((path) => (
            <button
              key={path}
              type="button"
              role="tab"
              aria-selected={path === active}
              className={clsx(styles.tab, path === active && styles.activeTab)}
              onClick={() => onActive(path)}
            >
              {label(path)}
            </button>
          ))}
        </div>
      )}
      <HighlightedCode code={files[active] ?? ''} />
    </div>
  );
}

/**
 * The code, highlighted with line numbers. The server renders it; in the browser, the first
 * render keeps the server's HTML as it is instead of rebuilding it (thousands of elements on a
 * lesson page, each file highlighted again), until the code or the colour mode changes.
 */
function HighlightedCode({ code }: { code: string }) {
  const [serverHtml] = useState(() => (isHydrating() ? code : null));
  const { colorMode } = useColorMode();
  if (serverHtml === code && colorMode === 'light') {
    return <div className={styles.codeHtml} dangerouslySetInnerHTML={{ __html: '' }} suppressHydrationWarning />;
  }
  return (
    <div className={styles.codeHtml}>
      <CodeBlock language="ts" showLineNumbers>
        {code}
      </CodeBlock>
    </div>
  );
}
