/** The floating box of a glossary term, placed above (or below) its link by Floating UI. */
import React, { type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { useFloating, autoUpdate, offset, flip, shift } from '@floating-ui/react-dom';
import styles from './styles.module.css';

type Props = {
  anchor: RefObject<HTMLElement | null>;
  id: string;
  children: ReactNode;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
};

export default function Tooltip({ anchor, id, children, onPointerEnter, onPointerLeave }: Props) {
  const { refs, floatingStyles } = useFloating({
    placement: 'top',
    middleware: [offset(8), flip({ padding: 8 }), shift({ padding: 8 })],
    whileElementsMounted: autoUpdate,
    elements: { reference: anchor.current },
  });
  return createPortal(
    <div
      // eslint-disable-next-line react-hooks/refs -- setFloating is floating-ui's callback ref, not a ref's value
      ref={refs.setFloating}
      id={id}
      role="tooltip"
      style={floatingStyles}
      className={styles.tooltip}
      onPointerEnter={onPointerEnter}
      onPointerLeave={onPointerLeave}
    >
      {children}
    </div>,
    document.body,
  );
}
