/**
 * The navbar search, loaded when a reader reaches for it. The local-search plugin's bar (with
 * its stemmers for English and French) weighs about 20 KB gzipped on every page; this stand-in
 * looks the same and swaps in the real bar on hover, focus, tap or the Ctrl/⌘+K and "/"
 * shortcuts, keeping what was typed. The search itself stays offline (index served by the site).
 */
import React, { Suspense, lazy, useEffect, useRef, useState } from 'react';
import type SearchBarType from '@theme/SearchBar';
import type { WrapperProps } from '@docusaurus/types';
import styles from './styles.module.css';

type Props = WrapperProps<typeof SearchBarType>;

const loadRealSearchBar = () => import('@theme-original/SearchBar');
const RealSearchBar = lazy(loadRealSearchBar);

function isShortcut(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  const typing = !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') return true;
  return event.key === '/' && !typing;
}

export default function SearchBar(props: Props) {
  const [active, setActive] = useState(false);
  const typed = useRef('');
  const focusWhenReady = useRef(false);
  const wrapper = useRef<HTMLDivElement>(null);

  const activate = (focus: boolean) => {
    focusWhenReady.current ||= focus;
    setActive(true);
  };

  useEffect(() => {
    if (active) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcut(event)) return;
      event.preventDefault();
      activate(true);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [active]);

  // Once the real bar is in the page, move focus and any typed text into it.
  useEffect(() => {
    if (!active) return undefined;
    const started = Date.now();
    let focused = false;
    const timer = window.setInterval(() => {
      const input = wrapper.current?.querySelector<HTMLInputElement>('input:not([data-stand-in])');
      if (!input) return;
      // Focus first: the bar loads its index and attaches its autocomplete on focus.
      if (focusWhenReady.current && !focused) {
        focused = true;
        input.focus();
      }
      // Hand over the typed text once the autocomplete listens (or after 5 s), or it is missed.
      const ready = input.getAttribute('role') === 'combobox' || input.hasAttribute('aria-autocomplete');
      if (typed.current && !ready && Date.now() - started < 5000) return;
      window.clearInterval(timer);
      if (typed.current) {
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        setValue.call(input, typed.current + input.value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
    }, 20);
    return () => window.clearInterval(timer);
  }, [active]);

  const standIn = (
    <div className="navbar__search">
      <input
        data-stand-in
        type="search"
        className={`navbar__search-input ${styles.input}`}
        placeholder="Search"
        aria-label="Search"
        autoComplete="off"
        onPointerEnter={() => void loadRealSearchBar()}
        onFocus={() => activate(true)}
        onChange={(event) => {
          typed.current = event.target.value;
        }}
      />
    </div>
  );

  return (
    <div ref={wrapper} className={styles.wrapper}>
      {active ? (
        <Suspense fallback={standIn}>
          <RealSearchBar {...props} />
        </Suspense>
      ) : (
        standIn
      )}
    </div>
  );
}
