import { useCallback, useLayoutEffect, useRef, useState, type RefObject, type UIEvent } from 'react';

interface WindowOptions {
  count: number;
  /** Every row has this height in CSS pixels; that is what makes the arithmetic exact and cheap. */
  rowHeight: number;
  /** Rows rendered beyond each edge, so a quick scroll or Tab does not show a blank row. */
  overscan?: number;
  /** Used until the container has been measured (and in tests without layout). */
  initialHeight?: number;
}

export interface ListWindow {
  ref: RefObject<HTMLDivElement | null>;
  onScroll: (event: UIEvent<HTMLDivElement>) => void;
  /** First rendered index, inclusive. */
  first: number;
  /** Last rendered index, exclusive. */
  last: number;
  totalHeight: number;
  /** Back to the top, e.g. when the rows are replaced. */
  reset: () => void;
}

/**
 * A tiny windowing hook for a list of fixed-height rows in a scrolling container: only the rows in view
 * (plus a few either side) are rendered, so 10,000 rows scroll like 20.
 */
export function useWindowedList({ count, rowHeight, overscan = 5, initialHeight = 600 }: WindowOptions): ListWindow {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(initialHeight);

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      if (element.clientHeight > 0) setHeight(element.clientHeight);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const onScroll = useCallback((event: UIEvent<HTMLDivElement>) => setScrollTop(event.currentTarget.scrollTop), []);
  const reset = useCallback(() => {
    if (ref.current) ref.current.scrollTop = 0;
    setScrollTop(0);
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return { ref, onScroll, first, last: Math.max(first, last), totalHeight: count * rowHeight, reset };
}
