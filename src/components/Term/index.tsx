/**
 * A glossary term in a lesson: a link to the term's page, with its one-sentence definition in a
 * tooltip on hover, keyboard focus and tap. The build checks the id and writes `title` and
 * `definition` into the element (src/plugins/remark-course.ts), so nothing is fetched.
 *
 * On a touch screen the first tap shows the definition (with a link to the full entry); a second
 * tap follows the link.
 */
import React, { useRef, useState, type ReactNode } from 'react';
import Link from '@docusaurus/Link';
import {
  useFloating,
  autoUpdate,
  offset,
  flip,
  shift,
  useHover,
  useFocus,
  useDismiss,
  useRole,
  useInteractions,
  safePolygon,
  FloatingPortal,
} from '@floating-ui/react';
import styles from './styles.module.css';

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
  const lastPointer = useRef<string>('mouse');
  const { refs, floatingStyles, context } = useFloating({
    open,
    onOpenChange: setOpen,
    placement: 'top',
    middleware: [offset(8), flip({ padding: 8 }), shift({ padding: 8 })],
    whileElementsMounted: autoUpdate,
  });
  const { getReferenceProps, getFloatingProps } = useInteractions([
    useHover(context, { move: false, handleClose: safePolygon(), delay: { open: 150, close: 100 } }),
    useFocus(context),
    useDismiss(context),
    useRole(context, { role: 'tooltip' }),
  ]);
  const href = `/glossary/${id}`;

  return (
    <>
      <Link
        to={href}
        className={styles.term}
        ref={refs.setReference}
        {...getReferenceProps({
          onPointerDown: (event: React.PointerEvent) => {
            lastPointer.current = event.pointerType;
          },
          onClick: (event: React.MouseEvent) => {
            if (lastPointer.current === 'touch' && !open) {
              event.preventDefault();
              setOpen(true);
            }
          },
        })}
      >
        {children ?? title ?? id}
      </Link>
      {open && definition && (
        <FloatingPortal>
          <div ref={refs.setFloating} style={floatingStyles} className={styles.tooltip} {...getFloatingProps()}>
            <strong>{title}</strong>: {definition}{' '}
            <Link to={href} className={styles.more}>
              Read more
            </Link>
          </div>
        </FloatingPortal>
      )}
    </>
  );
}
