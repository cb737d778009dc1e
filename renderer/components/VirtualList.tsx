import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

interface VirtualListProps {
  label: string;
  count: number;
  /** Every row has this height in CSS pixels, so which rows are in view is simple arithmetic. */
  rowHeight: number;
  renderRow: (index: number) => ReactNode;
  /** Called when the last rendered rows come into view, to fetch the next page. */
  onNearEnd?: (() => void) | undefined;
  /** Rows rendered beyond each edge, so a quick scroll or Tab does not meet a blank row. */
  overscan?: number;
}

/**
 * A list that renders only the rows in view (plus a few either side) inside a scrolling box, so 10,000
 * rows scroll like 20. Each row says its place in the whole list (aria-posinset / aria-setsize), so a
 * screen reader knows how long the list is although most rows are not in the page.
 */
export function VirtualList({ label, count, rowHeight, renderRow, onNearEnd, overscan = 6 }: VirtualListProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const measure = () => {
      if (box.clientHeight > 0) setHeight(box.clientHeight);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);

  useLayoutEffect(() => {
    if (onNearEnd && last >= count) onNearEnd();
  }, [last, count, onNearEnd]);

  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <li key={i} aria-setsize={count} aria-posinset={i + 1} style={{ top: i * rowHeight, height: rowHeight }}>
        {renderRow(i)}
      </li>,
    );
  }
  return (
    <div ref={boxRef} className="virtual-list" onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <ul aria-label={label} style={{ height: count * rowHeight }}>
        {rows}
      </ul>
    </div>
  );
}
