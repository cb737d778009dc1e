import { useLayoutEffect, type ReactNode } from 'react';
import { useWindowedList } from './useWindowedList';

interface VirtualListProps {
  label: string;
  count: number;
  /** How many rows the whole list has, when only the first `count` are read yet (-1 or absent: not known). */
  setSize?: number | undefined;
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
export function VirtualList({ label, count, setSize = count, rowHeight, renderRow, onNearEnd, overscan = 6 }: VirtualListProps) {
  const { ref, onScroll, first, last, totalHeight } = useWindowedList({ count, rowHeight, overscan });

  useLayoutEffect(() => {
    if (onNearEnd && last >= count) onNearEnd();
  }, [last, count, onNearEnd]);

  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <li key={i} aria-setsize={setSize} aria-posinset={i + 1} style={{ top: i * rowHeight, height: rowHeight }}>
        {renderRow(i)}
      </li>,
    );
  }
  return (
    <div ref={ref} className="virtual-list" onScroll={onScroll}>
      <ul aria-label={label} style={{ height: totalHeight }}>
        {rows}
      </ul>
    </div>
  );
}
