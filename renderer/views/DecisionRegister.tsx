import { useEffect, useState } from 'react';
import type { RegisteredDecision } from '../../shared/api/types';
import { schoolYearOf } from '../../shared/domain/yearPlan';
import { ColourBadge } from '../components/ColourBadge';
import { ColourChart } from '../components/ColourChart';
import { Field } from '../components/Field';
import { ColourFilter, ForumFilter } from '../components/FilterSelects';
import { Notice } from '../components/Notice';
import { Icon } from '../components/Icon';
import { useWindowedList } from '../components/useWindowedList';
import { longDate } from '../format';
import { useApiQuery } from '../api/queries';
import { onAppEvent } from '../api/client';
import { NO_FILTERS, useRegister, type RegisterFilters } from '../stores/register';
import { useRoute } from '../stores/route';
import { registerText as t } from '../text/register';
import { todayLocal } from './today';
import '../styles/register.css';

/** Typing pauses this long before the list is asked again. */
const DEBOUNCE_MS = 200;
/** Every row is this tall (CSS pixels); register.css uses the same number. */
export const ROW_HEIGHT = 120;
/** The next page is asked for when the window comes this close to the last loaded row. */
const PREFETCH_ROWS = 15;

/** The decision register (beslutningslog): filters, the chosen forum's chart, and a virtualised list. */
export function DecisionRegister() {
  const { filters, rows, more, loaded, busy, message, error, setFilters, loadMore } = useRegister();
  // The form holds what is typed; the store gets it after a short pause, the selects at once.
  const [draft, setDraft] = useState<RegisterFilters>(filters);
  const { ref: viewportRef, onScroll, first, last, totalHeight, reset } = useWindowedList({ count: rows.length, rowHeight: ROW_HEIGHT, overscan: 5 });

  useEffect(() => {
    const typing = draft.text !== useRegister.getState().filters.text;
    const timer = setTimeout(
      () => {
        const current = useRegister.getState();
        if (current.loaded && sameFilters(current.filters, draft)) return;
        reset();
        void setFilters(draft);
      },
      typing ? DEBOUNCE_MS : 0,
    );
    return () => clearTimeout(timer);
  }, [draft, setFilters, reset]);

  // Back on the page, or any write anywhere: the first page again, so nothing shown is stale.
  useEffect(() => {
    const reloadIfLoaded = () => {
      if (useRegister.getState().loaded) void useRegister.getState().reload();
    };
    reloadIfLoaded();
    return onAppEvent(reloadIfLoaded);
  }, []);

  // Near the end of what is loaded: fetch the next page.
  useEffect(() => {
    if (more && !busy && last >= rows.length - PREFETCH_ROWS) void loadMore();
  }, [more, busy, last, rows.length, loadMore]);

  const change = (patch: Partial<RegisterFilters>) => setDraft((current) => ({ ...current, ...patch }));
  const filtered = (Object.keys(NO_FILTERS) as (keyof RegisterFilters)[]).some((k) => filters[k] !== NO_FILTERS[k]);
  const status = !loaded ? t.loading : message ?? (rows.length === 0 ? (filtered ? t.noneFiltered : t.none) : t.count(rows.length, more));
  const viewportRows = Math.min(Math.max(rows.length, 1), 6);

  return (
    <section aria-labelledby="register-title" className="register-section">
      <h2 id="register-title">{t.title}</h2>
      <p className="lead">{t.intro}</p>
      <form className="register-form" onSubmit={(e) => e.preventDefault()} aria-label={t.filters}>
        <fieldset className="register-filters">
          <legend>{t.filters}</legend>
          <ForumFilter value={draft.forumId} onChange={(forumId) => change({ forumId })} />
          <ColourFilter value={draft.colour} onChange={(colour) => change({ colour })} />
          <Field label={t.from}>{(props) => <input {...props} type="date" value={draft.from} onChange={(e) => change({ from: e.target.value })} />}</Field>
          <Field label={t.to}>{(props) => <input {...props} type="date" value={draft.to} onChange={(e) => change({ to: e.target.value })} />}</Field>
          <Field label={t.text} hint={t.textHint}>
            {(props) => (
              <input {...props} type="search" value={draft.text} autoComplete="off" spellCheck={false} onChange={(e) => change({ text: e.target.value })} />
            )}
          </Field>
        </fieldset>
        <label className="check">
          <input type="checkbox" checked={draft.includeConfidential} onChange={(e) => change({ includeConfidential: e.target.checked })} />
          <span>
            <Icon name="laas" /> {t.confidential}
            <span className="field-hint">{t.confidentialHint}</span>
          </span>
        </label>
        {filtered && (
          <button type="button" className="link" onClick={() => setDraft(NO_FILTERS)}>
            {t.clear}
          </button>
        )}
      </form>

      {filters.forumId !== '' && <ForumChart />}

      <Notice kind="error">{error?.message}</Notice>
      <p className="register-status" role="status">
        {status}
      </p>
      {rows.length > 0 && (
        <div
          ref={viewportRef}
          className="register-viewport"
          style={{ height: `${viewportRows * ROW_HEIGHT + 2}px` }}
          onScroll={onScroll}
          tabIndex={0}
          role="region"
          aria-label={t.list}
        >
          <ul className="register-list" style={{ height: `${totalHeight}px` }} aria-label={t.list}>
            {rows.slice(first, last).map((d, i) => (
              <RegisterRow key={d.id} decision={d} index={first + i} setSize={more ? -1 : rows.length} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function sameFilters(a: RegisterFilters, b: RegisterFilters): boolean {
  return a.forumId === b.forumId && a.colour === b.colour && a.from === b.from && a.to === b.to && a.text === b.text;
}

function RegisterRow({ decision: d, index, setSize }: { decision: RegisteredDecision; index: number; setSize: number }) {
  const navigate = useRoute((s) => s.navigate);
  const date = longDate(d.meetingStartsAt);
  const sag = d.sag;
  return (
    <li className="register-row" style={{ top: `${index * ROW_HEIGHT}px`, height: `${ROW_HEIGHT}px` }} aria-posinset={index + 1} aria-setsize={setSize}>
      <ColourBadge colour={d.colourDefinition} />
      <div className="register-body">
        <p className="register-item">
          {d.itemTitle}
          {d.outcome === 'afklaring_uden_enighed' && <span className="register-tag"> · {t.unresolvedTag}</span>}
        </p>
        <p className="register-text">{d.text}</p>
        <p className="register-meta">
          {d.forumName} ·{' '}
          <button
            type="button"
            className="link"
            aria-label={t.openMeeting(d.meetingTitle, date)}
            onClick={() => navigate({ section: 'moeder', meetingId: d.meetingId })}
          >
            {date}
          </button>
          {sag && (
            <>
              {' · '}
              <button type="button" className="link" aria-label={t.openSag(sag.title)} onClick={() => navigate({ section: 'arkiv', sagId: sag.id })}>
                {t.sag(sag.title)}
              </button>
            </>
          )}
        </p>
      </div>
    </li>
  );
}

function ForumChart() {
  const { chart, chartYear, chartError, showSchoolYear, filters } = useRegister();
  const forumName = useApiQuery('forums.list', {}).data?.find((f) => f.id === filters.forumId)?.name ?? '';
  const thisYear = schoolYearOf(todayLocal());
  const ready = chart !== null && chart.forumId === filters.forumId && chart.schoolYearStart === chartYear;
  return (
    <section className="panel register-chart" aria-labelledby="register-chart-title">
      <h3 id="register-chart-title">{t.chartTitle(forumName)}</h3>
      <p className="field-hint">{t.chartIntro}</p>
      <div className="year-switcher" role="group" aria-label={t.switcherLabel}>
        <button type="button" aria-label={t.previousName(chartYear - 1)} onClick={() => void showSchoolYear(chartYear - 1)}>
          {t.previous}
        </button>
        <p className="year-switcher-label" aria-live="polite">
          {t.schoolYear(chartYear)}
        </p>
        <button type="button" aria-label={t.nextName(chartYear + 1)} disabled={chartYear >= thisYear} onClick={() => void showSchoolYear(chartYear + 1)}>
          {t.next}
        </button>
      </div>
      <Notice kind="error">{chartError?.message}</Notice>
      {ready ? (
        <ColourChart chart={chart} summary={t.summary(chart.years, chart.totals.counts, chart.totals.unresolved)} />
      ) : (
        <p className="muted">{t.chartLoading}</p>
      )}
    </section>
  );
}
