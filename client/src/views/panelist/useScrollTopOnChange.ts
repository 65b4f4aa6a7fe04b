import { useEffect, useRef } from 'react';

/** Scrolls to the top when `value` changes (not on the first render). */
export function useScrollTopOnChange(value: unknown): void {
  const last = useRef(value);
  useEffect(() => {
    if (Object.is(last.current, value)) return;
    last.current = value;
    window.scrollTo(0, 0);
  }, [value]);
}
