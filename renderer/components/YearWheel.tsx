import type { CadenceWarning, YearPlan, YearPlanMonth } from '../../shared/domain/yearPlan';
import { CADENCE_LABELS } from '../../shared/domain/cadence';
import { yearPlanText as t } from '../text/yearPlan';
import '../styles/yearWheel.css';

/**
 * The årshjul: the school year as a ring, August at the top and clockwise to June, with July as the
 * summer gap at twelve o'clock. Meetings sit along their month by day, so rhythm and holes are visible
 * at a glance. The SVG is a picture with a summary as its name; the list beside it carries every detail
 * in text for screen readers and printouts. Shapes, outlines and words carry meaning, colour only helps.
 */
export function YearWheel({ plan }: { plan: YearPlan }) {
  const meetings = plan.months.flatMap((m) => m.meetings);
  const heldCount = meetings.filter((m) => m.status === 'afholdt').length;
  return (
    <section className="year-wheel" aria-labelledby="year-wheel-title">
      <header className="year-wheel-header">
        <h2 id="year-wheel-title">{t.title}</h2>
        <p className="muted">{t.subtitle(plan.label, CADENCE_LABELS[plan.cadence])}</p>
      </header>
      {plan.warnings.length > 0 && (
        <div className="year-wheel-warnings">
          {plan.warnings.map((w) => (
            <p className="warning" key={`${w.from}-${w.to}`}>
              {w.message}
            </p>
          ))}
        </div>
      )}
      <div className="year-wheel-body">
        <figure className="year-wheel-figure">
          <Wheel plan={plan} heldCount={heldCount} plannedCount={meetings.length - heldCount} />
          <Legend />
        </figure>
        <MonthList months={plan.months} />
      </div>
    </section>
  );
}

// --- geometry: degrees, 0° = three o'clock, clockwise (SVG's y axis points down) ---

const R_IN = 140;
const R_OUT = 232;
const R_LABEL = 210;
const LANES = [170, 151] as const;
const R_GAP = 126;
const R_THEME = 252;
const SUMMER_DEG = 16;
const STEP = (360 - SUMMER_DEG) / 11;
const PAD_DEG = 2.2;
const MIN_SEP_DEG = 5;
const THEME_LINE = 19;
/** The SVG's half width, and a generous average glyph width at the theme font size, to shorten labels before the edge. */
const HALF_WIDTH = 395;
const THEME_CHAR = 8.6;

const round = (n: number) => Math.round(n * 100) / 100;

function polar(r: number, deg: number): { x: number; y: number } {
  const a = (deg * Math.PI) / 180;
  return { x: round(r * Math.cos(a)), y: round(r * Math.sin(a)) };
}

function arc(r: number, a0: number, a1: number, sweep: 0 | 1 = 1): string {
  const p = polar(r, sweep ? a1 : a0);
  return `A ${r} ${r} 0 ${Math.abs(a1 - a0) > 180 ? 1 : 0} ${sweep} ${p.x} ${p.y}`;
}

function sectorPath(a0: number, a1: number): string {
  const o0 = polar(R_OUT, a0);
  const i1 = polar(R_IN, a1);
  return `M ${o0.x} ${o0.y} ${arc(R_OUT, a0, a1)} L ${i1.x} ${i1.y} ${arc(R_IN, a0, a1, 0)} Z`;
}

const monthStart = (index: number) => -90 + SUMMER_DEG / 2 + index * STEP;
const monthMid = (index: number) => monthStart(index) + STEP / 2;

/** Where a day sits along its month's segment. */
function dayAngle(index: number, day: number, days: number): number {
  return monthStart(index) + PAD_DEG + ((day - 0.5) / days) * (STEP - 2 * PAD_DEG);
}

function dateAngle(months: YearPlanMonth[], date: string): number | null {
  const index = months.findIndex((m) => date.startsWith(m.key));
  const month = months[index];
  return month ? dayAngle(index, Number(date.slice(8, 10)), month.daysInMonth) : null;
}

/** Text anchored away from the ring, so labels on the left grow leftwards and never cross it. */
function anchorAt(deg: number): 'start' | 'middle' | 'end' {
  const c = Math.cos((deg * Math.PI) / 180);
  return Math.abs(c) < 0.3 ? 'middle' : c > 0 ? 'start' : 'end';
}

function shorten(s: string, x: number, anchor: 'start' | 'middle' | 'end'): string {
  const room = anchor === 'middle' ? 2 * (HALF_WIDTH - Math.abs(x)) : HALF_WIDTH - Math.abs(x) - 4;
  const max = Math.max(6, Math.floor(room / THEME_CHAR) - 2);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

// --- the wheel ---

type MarkerKind = 'held' | 'planned' | 'suggested';
interface Marker {
  key: string;
  kind: MarkerKind;
  angle: number;
  title: string;
}

function Wheel({ plan, heldCount, plannedCount }: { plan: YearPlan; heldCount: number; plannedCount: number }) {
  const todayAngle = dateAngle(plan.months, plan.today);
  return (
    <svg
      className="yw-svg"
      viewBox="-395 -275 790 565"
      role="img"
      aria-label={t.wheelSummary(plan.years, heldCount + plannedCount, plan.warnings.length)}
    >
      <Summer />
      {plan.months.map((m, i) => (
        <MonthSegment key={m.key} month={m} index={i} />
      ))}
      {plan.warnings.map((w) => (
        <GapArc key={`${w.from}-${w.to}`} warning={w} months={plan.months} />
      ))}
      {todayAngle !== null && <TodayHand angle={todayAngle} />}
      {plan.months.map((m, i) => (
        <OutsideLabels key={m.key} month={m} index={i} todayAngle={m.current ? todayAngle : null} />
      ))}
      <text className="yw-centre-kicker" x="0" y="-38" textAnchor="middle">
        {t.centreKicker}
      </text>
      <text className="yw-centre-years" x="0" y="10" textAnchor="middle">
        {plan.years}
      </text>
      <text className="yw-centre-cadence" x="0" y="40" textAnchor="middle">
        {CADENCE_LABELS[plan.cadence]}
      </text>
      <text className="yw-centre-counts" x="0" y="64" textAnchor="middle">
        {t.centreCounts(heldCount, plannedCount)}
      </text>
    </svg>
  );
}

function Summer() {
  const a0 = -90 - SUMMER_DEG / 2 + PAD_DEG;
  const a1 = -90 + SUMMER_DEG / 2 - PAD_DEG;
  const start = polar((R_IN + R_OUT) / 2, a0);
  return (
    <g className="yw-summer">
      <path d={`M ${start.x} ${start.y} ${arc((R_IN + R_OUT) / 2, a0, a1)}`} fill="none" strokeDasharray="2 5" />
      <text x="0" y={-R_OUT - 12} textAnchor="middle">
        {t.summer}
      </text>
    </g>
  );
}

function MonthSegment({ month, index }: { month: YearPlanMonth; index: number }) {
  const a0 = monthStart(index) + PAD_DEG / 2;
  const a1 = monthStart(index) + STEP - PAD_DEG / 2;
  const label = polar(R_LABEL, monthMid(index));
  const state = month.current ? 'yw-current' : month.past ? 'yw-past' : 'yw-future';
  return (
    <g className={`yw-month ${state}`}>
      <path className="yw-segment" d={sectorPath(a0, a1)} />
      <text className="yw-month-label" x={label.x} y={label.y + 6} textAnchor="middle">
        {t.shortMonths[month.month - 1]}
      </text>
      {placeMarkers(markersOf(month, index), a1 - PAD_DEG / 2).map(({ marker, r }) => (
        <MarkerShape key={marker.key} kind={marker.kind} {...polar(r, marker.angle)} title={marker.title} />
      ))}
    </g>
  );
}

function markersOf(month: YearPlanMonth, index: number): Marker[] {
  const at = (day: number) => dayAngle(index, day, month.daysInMonth);
  const meetings: Marker[] = month.meetings.map((m) => {
    const kind = m.status === 'afholdt' ? 'held' : 'planned';
    return { key: m.id, kind, angle: at(m.day), title: t.markerTitle(kind === 'held' ? t.held : t.planned, t.meetingWhen(m.startsAt), m.title) };
  });
  const suggested: Marker[] = month.suggested.map((d) => ({
    key: `s-${d}`,
    kind: 'suggested',
    angle: at(Number(d.slice(8, 10))),
    title: t.markerTitle(t.suggested, t.dayWhen(d)),
  }));
  return [...meetings, ...suggested].sort((a, b) => a.angle - b.angle);
}

/**
 * Markers too close to the previous one on the outer track drop to the inner track, so none hide another;
 * if both tracks are taken (several meetings in a few days) the marker moves a little along the outer one.
 */
function placeMarkers(markers: Marker[], maxAngle: number): { marker: Marker; r: number }[] {
  const last: number[] = LANES.map(() => -Infinity);
  return markers.map((marker) => {
    const lane = last.findIndex((a) => marker.angle - a >= MIN_SEP_DEG);
    const chosen = lane === -1 ? 0 : lane;
    const angle = lane === -1 ? Math.min((last[0] ?? marker.angle) + MIN_SEP_DEG, maxAngle) : marker.angle;
    last[chosen] = angle;
    return { marker: { ...marker, angle }, r: LANES[chosen] ?? LANES[0] };
  });
}

function MarkerShape({ kind, x, y, title }: { kind: MarkerKind; x: number; y: number; title?: string }) {
  return (
    <g className={`yw-marker yw-${kind}`}>
      {title && <title>{title}</title>}
      <circle cx={x} cy={y} r={kind === 'suggested' ? 6 : 7.5} strokeDasharray={kind === 'suggested' ? '3 2.4' : undefined} />
    </g>
  );
}

/**
 * Theme labels outside the ring, stacked away from it: upwards at the top, downwards at the bottom,
 * centred at the sides. In the current month the stack hangs on the today hand and starts with the
 * "I DAG" tag, so the tag and the month's themes never overlap.
 */
function OutsideLabels({ month, index, todayAngle }: { month: YearPlanMonth; index: number; todayAngle: number | null }) {
  const lines: ({ kind: 'today' } | { kind: 'theme'; id: string; title: string })[] = month.themes.map((th) => ({ kind: 'theme', ...th }));
  if (lines.length === 0 && todayAngle === null) return null;
  const angle = todayAngle ?? monthMid(index);
  const sin = Math.sin((angle * Math.PI) / 180);
  const top = sin < -0.6;
  if (todayAngle !== null) {
    if (top) lines.push({ kind: 'today' });
    else lines.unshift({ kind: 'today' });
  }
  const base = polar(R_THEME, angle);
  const anchor = anchorAt(angle);
  const n = lines.length;
  const lineY = (j: number) =>
    round(top ? base.y - (n - 1 - j) * THEME_LINE : sin > 0.6 ? base.y + 10 + j * THEME_LINE : base.y + 5 + (j - (n - 1) / 2) * THEME_LINE);
  const tick0 = polar(R_OUT + 3, angle);
  const tick1 = polar(R_THEME - 8, angle);
  return (
    <g className="yw-themes">
      {todayAngle === null && <line className="yw-theme-tick" x1={tick0.x} y1={tick0.y} x2={tick1.x} y2={tick1.y} />}
      {lines.map((line, j) =>
        line.kind === 'today' ? (
          <TodayTag key="today" x={base.x} y={lineY(j)} anchor={anchor} />
        ) : (
          <text key={line.id} className="yw-theme" x={base.x} y={lineY(j)} textAnchor={anchor}>
            {`◆ ${shorten(line.title, base.x, anchor)}`}
          </text>
        ),
      )}
    </g>
  );
}

const TAG_WIDTH = 58;

function TodayTag({ x, y, anchor }: { x: number; y: number; anchor: 'start' | 'middle' | 'end' }) {
  const left = anchor === 'start' ? x : anchor === 'end' ? x - TAG_WIDTH : x - TAG_WIDTH / 2;
  return (
    <g className="yw-today-tag">
      <rect x={round(left)} y={y - 15} width={TAG_WIDTH} height="20" rx="10" />
      <text x={round(left + TAG_WIDTH / 2 + 1)} y={y} textAnchor="middle">
        {t.today}
      </text>
    </g>
  );
}

function GapArc({ warning, months }: { warning: CadenceWarning; months: YearPlanMonth[] }) {
  const a0 = dateAngle(months, warning.from);
  const a1 = dateAngle(months, warning.to);
  if (a0 === null || a1 === null) return null;
  const start = polar(R_GAP, a0);
  const label = polar(R_GAP - 22, (a0 + a1) / 2);
  return (
    <g className="yw-gap">
      <path d={`M ${start.x} ${start.y} ${arc(R_GAP, a0, a1)}`} fill="none" />
      <text x={label.x} y={label.y + 5} textAnchor="middle">
        {`⚠ ${t.gapDays(warning.gapDays)}`}
      </text>
    </g>
  );
}

/** A hand across the ring at today's date, reaching out to the "I DAG" tag. */
function TodayHand({ angle }: { angle: number }) {
  const p0 = polar(R_IN - 8, angle);
  const p1 = polar(R_THEME - 8, angle);
  return <line className="yw-today" x1={p0.x} y1={p0.y} x2={p1.x} y2={p1.y} />;
}

// --- legend and the text version ---

function Legend() {
  const items: [MarkerKind, string][] = [
    ['held', t.legendHeld],
    ['planned', t.legendPlanned],
    ['suggested', t.legendSuggested],
  ];
  return (
    <figcaption className="yw-legend">
      <span className="visually-hidden">{t.legendTitle}</span>
      <ul>
        {items.map(([kind, text]) => (
          <li key={kind}>
            <Icon kind={kind} />
            {text}
          </li>
        ))}
        <li>
          <span className="yw-legend-symbol yw-legend-theme" aria-hidden="true">◆</span>
          {t.legendTheme}
        </li>
        <li>
          <span className="yw-legend-symbol yw-legend-today" aria-hidden="true" />
          {t.legendToday}
        </li>
        <li>
          <span className="yw-legend-symbol yw-legend-gap" aria-hidden="true">⚠</span>
          {t.legendGap}
        </li>
      </ul>
    </figcaption>
  );
}

function Icon({ kind }: { kind: MarkerKind }) {
  return (
    <svg className="yw-icon" viewBox="-10 -10 20 20" width="18" height="18" aria-hidden="true" focusable="false">
      <MarkerShape kind={kind} x={0} y={0} />
    </svg>
  );
}

function MonthList({ months }: { months: YearPlanMonth[] }) {
  return (
    <section className="year-list" aria-labelledby="year-list-title">
      <h3 id="year-list-title">{t.listTitle}</h3>
      <ol>
        {months.map((m) => (
          <li key={m.key} className={m.current ? 'yl-month yl-current' : m.past ? 'yl-month yl-past' : 'yl-month'}>
            <h4 className="yl-month-name">
              {m.label} <span className="yl-year">{m.year}</span>
              {m.current && <span className="yl-now">{t.currentMonth}</span>}
            </h4>
            <ul className="yl-entries">
              {m.meetings.map((meeting) => {
                const kind = meeting.status === 'afholdt' ? 'held' : 'planned';
                return (
                  <li key={meeting.id}>
                    <Icon kind={kind} />
                    <span>
                      <span className="visually-hidden">{kind === 'held' ? t.held : t.planned} </span>
                      <span className="yl-when">{t.meetingWhen(meeting.startsAt)}</span> · {meeting.title}
                    </span>
                  </li>
                );
              })}
              {m.suggested.length > 0 && (
                <li className="yl-suggested">
                  <Icon kind="suggested" />
                  <span>
                    {t.suggested} <span className="yl-when">{t.suggestedDates(m.suggested)}</span>
                  </span>
                </li>
              )}
              {m.meetings.length === 0 && m.suggested.length === 0 && <li className="yl-none">{t.noMeeting}</li>}
              {m.themes.map((theme) => (
                <li key={theme.id} className="yl-theme">
                  <span aria-hidden="true">◆</span>
                  <span>
                    {t.theme} {theme.title}
                  </span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
