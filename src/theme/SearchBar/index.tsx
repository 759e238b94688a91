/**
 * The navbar search, loaded when a reader reaches for it. The local-search plugin's bar (with
 * its stemmers for English and French) weighs about 20 KB gzipped on every page; this stand-in
 * looks the same and is replaced by the real bar once the reader hovers, focuses or taps it, or
 * presses Ctrl/⌘+K or "/". The search itself stays offline (index served by the site).
 *
 * The swap loses no keystroke: the stand-in keeps the focus, and everything typed, while the real
 * bar loads out of sight and fetches its index; then, in one step, the real bar takes the text and
 * the focus and the stand-in goes.
 */
import { translate } from '@docusaurus/Translate';
import React, { Suspense, lazy, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type SearchBarType from '@theme/SearchBar';
import type { WrapperProps } from '@docusaurus/types';
import styles from './styles.module.css';

type Props = WrapperProps<typeof SearchBarType>;

const loadRealSearchBar = () => import('@theme-original/SearchBar');
const RealSearchBar = lazy(loadRealSearchBar);
/** How long to wait for the real bar's index before swapping anyway. */
const READY_TIMEOUT_MS = 5000;

function isShortcut(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  const typing = !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') return true;
  return event.key === '/' && !typing;
}

/** The real bar's input is ready once its autocomplete has attached. */
const hasAutocomplete = (input: HTMLInputElement) => input.getAttribute('role') === 'combobox' || input.hasAttribute('aria-autocomplete');

/** Rendered inside the Suspense boundary next to the real bar: tells when the bar is in the page. */
function Mounted({ onMount }: { onMount: () => void }) {
  useLayoutEffect(onMount, [onMount]);
  return null;
}

export default function SearchBar(props: Props) {
  // idle → loading (the real bar mounts hidden and loads its index) → live (the real bar shows).
  const [phase, setPhase] = useState<'idle' | 'loading' | 'live'>('idle');
  const standIn = useRef<HTMLInputElement>(null);
  const hidden = useRef<HTMLDivElement>(null);

  const activate = () => setPhase((p) => (p === 'idle' ? 'loading' : p));

  useEffect(() => {
    if (phase === 'live') return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcut(event)) return;
      event.preventDefault();
      standIn.current?.focus();
      activate();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [phase]);

  // Once the real bar is in the page: ask it to load its index (as a hover does), then wait until
  // its autocomplete is attached and hand over text and focus in one synchronous step.
  const [mounted, setMounted] = useState(false);
  const onMount = useCallback(() => setMounted(true), []);
  useEffect(() => {
    if (phase !== 'loading' || !mounted) return undefined;
    const input = hidden.current?.querySelector<HTMLInputElement>('input');
    if (!input) return undefined;
    input.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, relatedTarget: document.body }));
    const started = Date.now();
    const timer = window.setInterval(() => {
      if (!hasAutocomplete(input) && Date.now() - started < READY_TIMEOUT_MS) return;
      window.clearInterval(timer);
      const text = standIn.current?.value ?? '';
      const hadFocus = document.activeElement === standIn.current;
      const caret = standIn.current?.selectionStart ?? text.length;
      if (text) {
        // Through the native setter so React's onChange in the real bar sees the change.
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
      hidden.current?.removeAttribute('aria-hidden');
      hidden.current?.classList.remove(styles.loading);
      if (hadFocus) {
        input.focus();
        input.setSelectionRange(caret, caret);
      }
      setPhase('live');
    }, 20);
    return () => window.clearInterval(timer);
  }, [phase, mounted]);

  return (
    <div className={styles.wrapper}>
      {phase !== 'live' && (
        <div className="navbar__search">
          <input
            ref={standIn}
            data-stand-in
            type="search"
            className={`navbar__search-input ${styles.input}`}
            placeholder={translate({ id: 'theme.SearchBar.label', message: 'Search' })}
            aria-label={translate({ id: 'theme.SearchBar.label', message: 'Search' })}
            autoComplete="off"
            onPointerEnter={() => void loadRealSearchBar()}
            onFocus={activate}
          />
        </div>
      )}
      {phase !== 'idle' && (
        <div ref={hidden} className={phase === 'loading' ? styles.loading : undefined} aria-hidden={phase === 'loading' ? true : undefined}>
          <Suspense fallback={null}>
            <RealSearchBar {...props} />
            <Mounted onMount={onMount} />
          </Suspense>
        </div>
      )}
    </div>
  );
}
