/**
 * What a runnable embed and an exercise share: when the code area wakes up, and what it shows.
 *
 * - `useNearViewport` reports when the embed comes within 600 px of the viewport; from then on
 *   the editor's bundle is fetched (so a page without embeds, or a reader who never scrolls to
 *   one, never loads it). Its code runs only when the editor first mounts.
 * - `CodeArea` shows the code highlighted (the server's HTML, kept as it is while hydrating) and
 *   swaps in Sandpack's editor when the reader reaches for the code: a click, a tap or keyboard
 *   focus. The editor then takes the focus, so typing goes on where the reader aimed.
 * - On paper (src/css/print.css) the code area prints the file's path and the whole file,
 *   highlighted: the editor draws only the lines on screen, so while the page is printed an
 *   opened editor gets the highlighted file beside it, and the print shows that instead.
 */
import { translate } from '@docusaurus/Translate';
import React, { Suspense, lazy, useEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
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
      <p className={styles.printPath} data-print="only">
        {printPath(active)}
        {visible.length > 1 &&
          translate(
            { id: 'embed.print.alsoUses', message: '; the example also uses {files}' },
            {
              files: visible
                .filter((p) => p !== active)
                .map(printPath)
                .join(', '),
            },
          )}
      </p>
      {ready && activated && <PrintCopy code={files[active] ?? ''} />}
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

/** Where a file is in the repository: '/knn/knn.ts' → 'code/knn/knn.ts'. */
const printPath = (path: string) => `code/${path.replace(/^\/+/, '')}`;

/** True while the page is printed: the print dialog (beforeprint/afterprint) or print media (emulated). */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const media = window.matchMedia('print');
    const onChange = () => setPrinting(media.matches);
    // The browser lays out the printout as soon as `beforeprint` returns: render before that.
    const before = () => flushSync(() => setPrinting(true));
    media.addEventListener('change', onChange);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', onChange);
    return () => {
      media.removeEventListener('change', onChange);
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', onChange);
    };
  }, []);
  return printing;
}

/** The whole file, highlighted, for print only (rendered while printing, once the editor is open). */
function PrintCopy({ code }: { code: string }) {
  const printing = usePrinting();
  if (!printing) return null;
  return (
    <div className={styles.printCopy} data-print="only">
      <HighlightedCode code={code} />
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
        <div className={styles.tabs} role="tablist" aria-label={translate({ id: 'embed.files', message: 'Files' })} data-print="hide">
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
