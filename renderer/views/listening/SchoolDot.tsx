import { listeningText as t } from '../../text/listening';

/** How many inputs a school gave to a theme: a dot that grows with the number, which is written in it. */
export function SchoolDot({ count, school }: { count: number; school: string }) {
  if (count === 0) {
    return (
      <span className="dot-none">
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">{t.inputsAt(0, school)}</span>
      </span>
    );
  }
  // Grows with the count but levels off, so one busy school does not swallow the row.
  const size = 1.9 + Math.min(count, 6) * 0.35;
  return (
    <span className="dot" style={{ width: `${size}rem`, height: `${size}rem` }}>
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden">{t.inputsAt(count, school)}</span>
    </span>
  );
}
