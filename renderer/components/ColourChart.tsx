import { useId } from 'react';
import type { ChartMonth, DecisionChart } from '../../shared/api/methods/register';
import type { ColourDefinition, ColourKey, ColourShape } from '../../shared/domain/colours';
import { registerText as t } from '../text/register';
import { ColourBadge } from './ColourBadge';

type SegmentKey = ColourKey | 'uenig';

interface Series {
  key: SegmentKey;
  code: string;
  label: string;
  meaning: string;
  hex: string;
  textHex: string;
  shape: ColourShape | 'kryds';
}

/** 'Afklaring uden enighed' is not a colour: grey, crossed, and its own code. */
const UNRESOLVED: Series = {
  key: 'uenig',
  code: t.unresolvedCode,
  label: t.unresolvedLabel,
  meaning: t.unresolvedMeaning,
  hex: '#5F6B7A',
  textHex: '#FFFFFF',
  shape: 'kryds',
};

const W = 720;
const H = 300;
const LEFT = 36;
const TOP = 24;
const BOTTOM = 40;
const SLOT = (W - LEFT - 8) / 11;
const BAR = SLOT * 0.66;
const PLOT = H - TOP - BOTTOM;
/** A segment this tall or more carries its code and count as text. */
const LABEL_MIN = 16;

function countOf(month: ChartMonth, key: SegmentKey): number {
  return key === 'uenig' ? month.unresolved : month.counts[key];
}

/**
 * One forum's decisions by colour, a stacked bar per month of the school year. Colour is never the only
 * signal: every colour fills its bars with a pattern of its own shape (triangles, diamonds, circles,
 * squares), tall enough segments carry the two-letter code and the count, the legend shows code, shape
 * and pattern, and the table under <details> holds every number in text. The SVG is an image whose name
 * is the summary sentence.
 */
export function ColourChart({ chart, summary }: { chart: DecisionChart; summary: string }) {
  const uid = useId().replace(/:/g, '');
  const series: Series[] = [...chart.colours.map((c: ColourDefinition) => ({ ...c })), UNRESOLVED];
  const max = Math.max(1, ...chart.months.map((m) => m.total));
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const y = (n: number) => TOP + PLOT - (n / top) * PLOT;
  const patternId = (key: SegmentKey) => `${uid}-p-${key}`;
  const ticks = Array.from({ length: top / step + 1 }, (_, i) => i * step);

  return (
    <figure className="colour-chart">
      <p className="chart-summary">{summary}</p>
      <svg className="colour-chart-svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        <defs>
          {series.map((s) => (
            <Pattern key={s.key} id={patternId(s.key)} series={s} />
          ))}
        </defs>
        {ticks.map((tick) => (
          <g key={tick} aria-hidden="true">
            <line x1={LEFT} x2={W - 4} y1={y(tick)} y2={y(tick)} className="chart-grid" />
            <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end" className="chart-axis">
              {tick}
            </text>
          </g>
        ))}
        {chart.months.map((month, index) => {
          const x = LEFT + index * SLOT + (SLOT - BAR) / 2;
          let base = 0;
          return (
            <g key={month.key}>
              {series.map((s) => {
                const n = countOf(month, s.key);
                if (n === 0) return null;
                const y0 = y(base + n);
                const h = y(base) - y0;
                base += n;
                return (
                  <g key={s.key}>
                    <rect x={x} y={y0} width={BAR} height={h} fill={s.hex} />
                    <rect x={x} y={y0} width={BAR} height={h} fill={`url(#${patternId(s.key)})`} className="chart-segment" />
                    {h >= LABEL_MIN && (
                      <text x={x + BAR / 2} y={y0 + h / 2 + 4} textAnchor="middle" className="chart-label" style={{ fill: s.textHex, stroke: s.hex }}>
                        {s.code} {n}
                      </text>
                    )}
                  </g>
                );
              })}
              {month.total > 0 && (
                <text x={x + BAR / 2} y={y(month.total) - 5} textAnchor="middle" className="chart-total">
                  {month.total}
                </text>
              )}
              <text x={x + BAR / 2} y={H - BOTTOM + 18} textAnchor="middle" className="chart-axis">
                {t.shortMonths[month.month - 1]}
              </text>
            </g>
          );
        })}
        <line x1={LEFT} x2={W - 4} y1={y(0)} y2={y(0)} className="chart-baseline" />
      </svg>
      <figcaption>
        <h4 className="chart-legend-title">{t.legendTitle}</h4>
        <ul className="chart-legend">
          {series.map((s) => (
            <li key={s.key}>
              <svg className="chart-swatch" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
                <rect width="24" height="24" fill={s.hex} />
                <rect width="24" height="24" fill={`url(#${patternId(s.key)})`} />
              </svg>
              {s.key === 'uenig' ? <UnresolvedBadge /> : <ColourBadge colour={s as ColourDefinition} />}
              <span className="chart-legend-meaning">{s.meaning}</span>
            </li>
          ))}
        </ul>
      </figcaption>
      <details className="chart-table">
        <summary>{t.tableToggle}</summary>
        <ChartTable chart={chart} series={series} />
      </details>
    </figure>
  );
}

function UnresolvedBadge() {
  return (
    <span className="colour-badge" style={{ backgroundColor: UNRESOLVED.hex, color: UNRESOLVED.textHex }}>
      <svg className="colour-shape" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <path d="M2 2 L14 14 M14 2 L2 14" stroke="currentColor" strokeWidth="3" />
      </svg>
      <span className="colour-code">{UNRESOLVED.code}</span>
      <span className="colour-label">{UNRESOLVED.label}</span>
    </span>
  );
}

/** A pattern of the colour's own shape, in its text colour, over its fill. */
function Pattern({ id, series }: { id: string; series: Series }) {
  const ink = series.textHex;
  return (
    <pattern id={id} width="10" height="10" patternUnits="userSpaceOnUse">
      <g opacity="0.55" fill={ink} stroke={ink}>
        {series.shape === 'trekant' && <polygon points="5,1.5 8.5,8 1.5,8" stroke="none" />}
        {series.shape === 'ruder' && <polygon points="5,1 8.5,5 5,9 1.5,5" stroke="none" />}
        {series.shape === 'cirkel' && <circle cx="5" cy="5" r="2.6" stroke="none" />}
        {series.shape === 'firkant' && <rect x="2.5" y="2.5" width="5" height="5" stroke="none" />}
        {series.shape === 'kryds' && <path d="M1 1 L9 9 M9 1 L1 9" fill="none" strokeWidth="1.4" />}
      </g>
    </pattern>
  );
}

function ChartTable({ chart, series }: { chart: DecisionChart; series: Series[] }) {
  return (
    <table className="chart-data">
      <caption>{t.tableCaption(chart.forumName, chart.years)}</caption>
      <thead>
        <tr>
          <th scope="col">{t.month}</th>
          {series.map((s) => (
            <th key={s.key} scope="col">
              {s.label} ({s.code})
            </th>
          ))}
          <th scope="col">{t.total}</th>
        </tr>
      </thead>
      <tbody>
        {chart.months.map((month) => (
          <tr key={month.key}>
            <th scope="row">
              {t.monthNames[month.month - 1]} {month.year}
            </th>
            {series.map((s) => (
              <td key={s.key}>{countOf(month, s.key)}</td>
            ))}
            <td>{month.total}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t.total}</th>
          {series.map((s) => (
            <td key={s.key}>{s.key === 'uenig' ? chart.totals.unresolved : chart.totals.counts[s.key]}</td>
          ))}
          <td>{chart.totals.total}</td>
        </tr>
      </tfoot>
    </table>
  );
}

/** 1, 2, 5, 10, 20 … so the axis has at most about five lines. */
function niceStep(max: number): number {
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(Math.max(rough, 1)));
  for (const factor of [1, 2, 5, 10]) if (factor * power >= rough) return factor * power;
  return 10 * power;
}
