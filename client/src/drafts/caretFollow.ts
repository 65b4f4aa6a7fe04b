import { useEffect, type RefObject } from 'react';
import type { Awareness } from 'y-protocols/awareness';

/** Box edges, as from getBoundingClientRect. */
interface Box {
  top: number;
  bottom: number;
}

/**
 * True when a caret sits comfortably inside the visible area (its middle 60 %): the
 * projector then stays still instead of chasing every keystroke.
 */
export function inComfortZone(caret: Box, view: Box): boolean {
  const margin = (view.bottom - view.top) * 0.2;
  return caret.top >= view.top + margin && caret.bottom <= view.bottom - margin;
}

const CARET = '.collaboration-carets__caret';

/**
 * Keeps the moderator's caret in view on the projector (or, with no moderator typing, the
 * first caret), scrolling smoothly whenever it moves out of the comfortable middle.
 */
export function useCaretFollow(container: RefObject<HTMLElement | null>, awareness: Awareness, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    let frame = 0;
    const follow = () => {
      cancelAnimationFrame(frame);
      // After ProseMirror has redrawn the carets for this awareness change.
      frame = requestAnimationFrame(() => {
        const root = container.current;
        const caret = root?.querySelector<HTMLElement>(`${CARET}[data-role="moderator"]`) ?? root?.querySelector<HTMLElement>(CARET);
        if (!root || !caret) return;
        if (!inComfortZone(caret.getBoundingClientRect(), root.getBoundingClientRect())) caret.scrollIntoView({ block: 'center', behavior: 'smooth' });
      });
    };
    awareness.on('change', follow);
    return () => {
      awareness.off('change', follow);
      cancelAnimationFrame(frame);
    };
  }, [container, awareness, enabled]);
}
