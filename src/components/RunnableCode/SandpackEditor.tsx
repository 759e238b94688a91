/**
 * The editing surface: Sandpack's CodeMirror editor with file tabs, and no preview (Sandpack's
 * preview needs CodeSandbox's online bundler; our runner executes the code instead).
 * Fetched (in the chunk of ./Editor) when an embed nears the viewport, run when the reader
 * first reaches for the code.
 */
import { translate } from '@docusaurus/Translate';
import React, { useEffect } from 'react';
import { SandpackProvider, SandpackCodeEditor, useSandpack } from '@codesandbox/sandpack-react';
import clsx from 'clsx';
import type { Files } from '@site/src/runner/protocol';
import styles from './styles.module.css';

type Props = {
  files: Files;
  visible: string[];
  active: string;
  dark: boolean;
  onChange: (path: string, code: string) => void;
  onActiveChange: (path: string) => void;
  /** Put the keyboard focus in the editor once it has mounted (the reader clicked or tabbed into the code). */
  focusOnMount?: boolean;
};

/** File tabs: our own accessible tab list (Sandpack's nests a button inside its tab element). */
function Tabs({ visible }: { visible: string[] }) {
  const { sandpack } = useSandpack();
  if (visible.length < 2) return null;
  return (
    <div className={styles.tabs} role="tablist" aria-label={translate({ id: 'embed.files', message: 'Files' })} data-print="hide">
      {visible.map((path) => (
        <button
          key={path}
          type="button"
          role="tab"
          aria-selected={path === sandpack.activeFile}
          className={clsx(styles.tab, path === sandpack.activeFile && styles.activeTab)}
          onClick={() => sandpack.setActiveFile(path)}
        >
          {path.split('/').pop()}
        </button>
      ))}
    </div>
  );
}

/** Reports the reader's edits and tab changes to the embed. */
function Sync({ files, onChange, onActiveChange }: Pick<Props, 'files' | 'onChange' | 'onActiveChange'>) {
  const { sandpack } = useSandpack();
  useEffect(() => {
    for (const [path, file] of Object.entries(sandpack.files)) {
      if (path in files && file.code !== files[path]) onChange(path, file.code);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the editor's files drive this; `files` is the embed's copy
  }, [sandpack.files]);
  useEffect(() => {
    onActiveChange(sandpack.activeFile);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- report tab changes only, not new callbacks
  }, [sandpack.activeFile]);
  return null;
}

/** Light syntax colours with at least 4.5:1 contrast on white (Sandpack's defaults fall short). */
const LIGHT_THEME = {
  syntax: {
    plain: '#1f2328',
    comment: { color: '#3c6e28', fontStyle: 'italic' as const },
    keyword: '#0000c8',
    tag: '#800000',
    punctuation: '#393a34',
    definition: '#6b4b0e',
    property: '#001080',
    static: '#09663d',
    string: '#a31515',
  },
};

/** Dark syntax colours with at least 4.5:1 contrast on Sandpack's dark surface. */
const DARK_THEME = {
  colors: { surface1: '#151515' },
  syntax: {
    plain: '#e6edf3',
    comment: { color: '#8fbc7a', fontStyle: 'italic' as const },
    keyword: '#79b8ff',
    tag: '#79b8ff',
    punctuation: '#d4d4d4',
    definition: '#dcdcaa',
    property: '#9cdcfe',
    static: '#b5cea8',
    string: '#ce9178',
  },
};

export default function Editor({ files, visible, active, dark, onChange, onActiveChange, focusOnMount }: Props) {
  const sandpackFiles = Object.fromEntries(visible.map((path) => [path, { code: files[path] }]));
  const root = React.useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focusOnMount) return undefined;
    // CodeMirror renders its content element a frame after mounting.
    const frame = requestAnimationFrame(() => root.current?.querySelector<HTMLElement>('.cm-content')?.focus());
    return () => cancelAnimationFrame(frame);
  }, [focusOnMount]);
  return (
    <div ref={root} className={styles.editorRoot}>
      <SandpackProvider
        files={sandpackFiles}
        theme={dark ? DARK_THEME : LIGHT_THEME}
        options={{ activeFile: active, visibleFiles: visible, autorun: false, autoReload: false, initMode: 'immediate' }}
      >
        <Sync files={files} onChange={onChange} onActiveChange={onActiveChange} />
        <Tabs visible={visible} />
        <SandpackCodeEditor showTabs={false} showLineNumbers showRunButton={false} closableTabs={false} wrapContent />
      </SandpackProvider>
    </div>
  );
}
