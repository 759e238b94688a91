/**
 * "A new version of the course is available": shown when a new deploy has been downloaded by the
 * service worker (src/client/offline-register.ts). Rendered in its own root at the end of the
 * page, outside the app, so it can appear on any page at any time. A polite status message:
 * screen readers announce it without moving the focus; both buttons are reachable by keyboard.
 */
import { translate } from '@docusaurus/Translate';
import React, { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import styles from './styles.module.css';

export type UpdatePromptProps = {
  /** Activate the new version; the page reloads once it is in charge. */
  onReload: () => void;
};

export function UpdatePrompt({ onReload }: UpdatePromptProps) {
  // The live region is in the page a moment before its text, so the text is announced.
  const [shown, setShown] = useState(false);
  const [state, setState] = useState<'open' | 'reloading' | 'closed'>('open');
  useEffect(() => {
    const timer = window.setTimeout(() => setShown(true), 150);
    return () => window.clearTimeout(timer);
  }, []);
  if (state === 'closed') return null;
  return (
    <div role="status" aria-live="polite" data-update-prompt="">
      {shown && (
        <div className={styles.prompt}>
          <p className={styles.text}>
            {state === 'reloading'
              ? translate({ id: 'offline.update.loading', message: 'Loading the new version…' })
              : translate({ id: 'offline.update.available', message: 'A new version of the course is available.' })}
          </p>
          <div className={styles.buttons}>
            <button
              type="button"
              className="button button--primary"
              disabled={state === 'reloading'}
              onClick={() => {
                setState('reloading');
                onReload();
              }}
            >
              {translate({ id: 'offline.update.reload', message: 'Reload' })}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setState('closed')}>
              {translate({ id: 'offline.update.later', message: 'Later' })}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

export function renderUpdatePrompt(props: UpdatePromptProps): void {
  const container = document.createElement('div');
  document.body.appendChild(container);
  createRoot(container).render(<UpdatePrompt {...props} />);
}
