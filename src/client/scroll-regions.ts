/**
 * A wide table or formula scrolls sideways inside its box on a narrow screen (see custom.css)
 * rather than widening the page. A box that scrolls must be reachable by keyboard, or a reader
 * without a pointer cannot see its right-hand side (WCAG 2.1.1; axe's scrollable-region-focusable,
 * which Lighthouse's accessibility score includes). This client module makes each such box a
 * focusable, labelled region while it overflows, and only then: a formula that fits adds no stop
 * to the Tab order. It runs after each route renders (never during hydration) and when the window
 * is resized.
 */
import { translate } from '@docusaurus/Translate';
const SELECTOR = '.markdown table, .markdown .katex-display';
const MARK = 'data-scroll-region';

function label(box: Element): string {
  if (box.tagName === 'TABLE') {
    const caption = box.querySelector('caption')?.textContent?.trim();
    return caption
      ? translate({ id: 'scroll.table.captioned', message: '{caption} (wide table: scroll sideways)' }, { caption })
      : translate({ id: 'scroll.table', message: 'Wide table: scroll sideways' });
  }
  return translate({ id: 'scroll.formula', message: 'Wide formula: scroll sideways' });
}

export function updateScrollRegions(root: ParentNode = document): void {
  for (const box of root.querySelectorAll<HTMLElement>(SELECTOR)) {
    const overflows = box.scrollWidth > box.clientWidth + 1;
    if (overflows && !box.hasAttribute(MARK)) {
      box.setAttribute(MARK, '');
      box.setAttribute('tabindex', '0');
      box.setAttribute('role', 'region');
      box.setAttribute('aria-label', label(box));
    } else if (!overflows && box.hasAttribute(MARK)) {
      for (const name of [MARK, 'tabindex', 'role', 'aria-label']) box.removeAttribute(name);
    }
  }
}

let scheduled = false;
function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(() => {
    scheduled = false;
    updateScrollRegions();
  });
}

export function onRouteDidUpdate(): void {
  schedule();
}

if (typeof window !== 'undefined') window.addEventListener('resize', schedule, { passive: true });
