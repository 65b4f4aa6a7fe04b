import { useLayoutEffect, type RefObject } from 'react';

/** Below this the back rows cannot read anyway; better to overflow than to shrink further. */
const MIN_PX = 14;
const STEP = 0.92;

/**
 * Starts the element at `fontSize` and shrinks it until it fits its parent's height. The
 * first guess comes from counting tables and names, but only the browser knows how long
 * names wrap and how tall a bilingual header or a message made the rest of the screen.
 */
export function useFitToParent(ref: RefObject<HTMLElement | null>, fontSize: string): void {
  useLayoutEffect(() => {
    const el = ref.current;
    const box = el?.parentElement;
    if (!el || !box) return;
    const fit = () => {
      el.style.fontSize = fontSize;
      let px = parseFloat(getComputedStyle(el).fontSize);
      for (let i = 0; i < 30 && el.offsetHeight > box.clientHeight && px > MIN_PX; i++) {
        px = Math.max(MIN_PX, px * STEP);
        el.style.fontSize = `${px}px`;
      }
    };
    fit();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(fit);
    observer?.observe(box);
    return () => observer?.disconnect();
  });
}
