/**
 * A glossary term in a lesson: a link to the term's page, with its one-sentence definition in a
 * tooltip on hover, keyboard focus and tap. The build checks the id and writes `title` and
 * `definition` into the element (src/plugins/remark-course.ts), so nothing is fetched.
 *
 * On a touch screen the first tap shows the definition (with a link to the full entry); a second
 * tap follows the link. Escape closes the tooltip. The positioning code (Floating UI) loads the
 * first time a reader points at or focuses a term, not with the page.
 */
import { translate } from '@docusaurus/Translate';
import React, { Suspense, lazy, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import Link from '@docusaurus/Link';
import styles from './styles.module.css';

const Tooltip = lazy(() => import('./Tooltip'));

type TermProps = {
  /** The glossary page's file name, e.g. "k-nearest-neighbours". */
  id: string;
  /** Written by the build from the glossary page's front matter. */
  title?: string;
  /** Written by the build: the term's one-sentence definition. */
  definition?: string;
  /** The words shown in the lesson; defaults to the term's title. */
  children?: ReactNode;
};

export default function Term({ id, title, definition, children }: TermProps) {
  const [open, setOpen] = useState(false);
  const anchor = useRef<HTMLAnchorElement>(null);
  const lastPointer = useRef('mouse');
  /** Whether the tooltip was already showing when this tap began (a tap also focuses the link). */
  const openAtPointerDown = useRef(false);
  const closeTimer = useRef<number | undefined>(undefined);
  const tooltipId = useId();
  const href = `/glossary/${id}`;

  const show = () => {
    window.clearTimeout(closeTimer.current);
    setOpen(true);
  };
  const hideSoon = () => {
    window.clearTimeout(closeTimer.current);
    closeTimer.current = window.setTimeout(() => setOpen(false), 150);
  };

  useEffect(() => {
    if (!open) return undefined;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    const onOutside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!anchor.current?.contains(target) && !document.getElementById(tooltipId)?.contains(target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onOutside);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onOutside);
    };
  }, [open, tooltipId]);

  return (
    <>
      <Link
        to={href}
        ref={anchor}
        className={styles.term}
        aria-describedby={open ? tooltipId : undefined}
        onPointerDown={(event) => {
          lastPointer.current = event.pointerType;
          openAtPointerDown.current = open;
        }}
        onPointerEnter={(event) => event.pointerType === 'mouse' && show()}
        onPointerLeave={(event) => event.pointerType === 'mouse' && hideSoon()}
        onFocus={show}
        onBlur={hideSoon}
        onClick={(event) => {
          if (lastPointer.current === 'touch' && !openAtPointerDown.current) {
            event.preventDefault();
            show();
          }
        }}
      >
        {children ?? title ?? id}
      </Link>
      {open && definition && (
        <Suspense fallback={null}>
          <Tooltip anchor={anchor} id={tooltipId} onPointerEnter={show} onPointerLeave={hideSoon}>
            <strong>{title}</strong>: {definition}{' '}
            <Link to={href} className={styles.more} tabIndex={-1}>
              {translate({ id: 'term.readMore', message: 'Read more' })}
            </Link>
          </Tooltip>
        </Suspense>
      )}
    </>
  );
}
