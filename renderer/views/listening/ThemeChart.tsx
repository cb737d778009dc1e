import { Fragment, useState } from 'react';
import type { ThemeOverview } from '../../../shared/api/listeningTypes';
import { listeningText as t } from '../../text/listening';
import { OverviewInputs } from './OverviewInputs';
import { SchoolDot } from './SchoolDot';

/**
 * The overview as a table that reads like a chart: one row per theme, a bar for how many of the
 * series' schools raised it, and a dot per school sized by how many inputs. Being a table, every
 * dot has its row and column header for a screen reader, and the dot's number is text.
 */
export function ThemeChart({ overview }: { overview: ThemeOverview }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const total = overview.schools.length;
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  if (overview.themes.length === 0) return <p className="empty">{t.noThemesInOverview}</p>;
  return (
    // Many schools make the table wider than a laptop; then it scrolls sideways on its own, not the page.
    <div className="theme-chart-scroll">
      <table className="theme-chart">
        <caption>{t.chartCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.theme}</th>
            <th scope="col">{t.reach}</th>
            {overview.schools.map((school) => (
              <th key={school} scope="col" className="school-col">
                {school}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {overview.themes.map((theme) => {
            const expanded = open.has(theme.id);
            const share = total === 0 ? 0 : theme.schoolCount / total;
            return (
              <Fragment key={theme.id}>
                <tr className={expanded ? 'chart-row expanded' : 'chart-row'}>
                  <th scope="row">
                    <button
                      type="button"
                      className="theme-toggle"
                      aria-expanded={expanded}
                      aria-controls={`theme-inputs-${theme.id}`}
                      onClick={() => toggle(theme.id)}
                    >
                      <span className="toggle-mark" aria-hidden="true">
                        {expanded ? '▾' : '▸'}
                      </span>
                      <span className="theme-name">{theme.name}</span>
                      <span className="theme-count">{t.captured(theme.inputCount)}</span>
                    </button>
                  </th>
                  <td className="reach-cell">
                    <span className="reach-bar" aria-hidden="true">
                      <span className="reach-fill" style={{ width: `${Math.round(share * 100)}%` }} />
                    </span>
                    <span className="reach-text">{t.schoolsOf(theme.schoolCount, total)}</span>
                  </td>
                  {overview.schools.map((school) => (
                    <td key={school} className="dot-cell">
                      <SchoolDot count={theme.bySchool[school] ?? 0} school={school} />
                    </td>
                  ))}
                </tr>
                <tr id={`theme-inputs-${theme.id}`} className="theme-inputs" hidden={!expanded}>
                  <td colSpan={2 + total}>{expanded && <OverviewInputs inputs={theme.inputs} />}</td>
                </tr>
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
