import { useEffect, useState } from 'react';
import type { RegisteredDecision } from '../../shared/api/types';
import { schoolYearOf } from '../../shared/domain/yearPlan';
import { useApiPages } from '../api/pages';
import { useApiQuery } from '../api/queries';
import { ColourBadge } from '../components/ColourBadge';
import { ColourChart } from '../components/ColourChart';
import { Field } from '../components/Field';
import { ColourFilter, ForumFilter } from '../components/FilterSelects';
import { Notice } from '../components/Notice';
import { Icon } from '../components/Icon';
import { useWindowedList } from '../components/useWindowedList';
import { longDate } from '../format';
import { NO_FILTERS, PAGE_SIZE, registerInput, useRegister, type RegisterFilters } from '../stores/register';
import { useRoute } from '../stores/route';
import { registerText as t } from '../text/register';
import { todayLocal } from '../today';
import '../styles/register.css';

/** Typing pauses this long before the list is asked again. */
const DEBOUNCE_MS = 200;
/** Every row is this tall (CSS pixels); register.css uses the same number. */
export const ROW_HEIGHT = 120;
/** The next page is asked for when the window comes this close to the last loaded row. */
const PREFETCH_ROWS = 15;

/** The decision register (beslutningslog): filters, the chosen forum's chart, and a virtualised list. */
export function DecisionRegister() {
  const filters = useRegister((s) => s.filters);
  const setFilters = useRegister((s) => s.setFilters);
  const input = registerInput(filters);
  // Pages and count are queries: a write that touches a decision refetches them, nothing else does.
  const pages = useApiPages('decisions.list', { ...input, limit: PAGE_SIZE });
  const total = useApiQuery('decisions.count', input, { keepPrevious: true });
  const { rows, more, loadMore } = pages;
  // The form holds what is typed; the store gets it after a short pause, the selects at once.
  const [draft, setDraft] = useState<RegisterFilters>(filters);
  const { ref: viewportRef, onScroll, first, last, totalHeight, reset } = useWindowedList({ count: rows.length, rowHeight: ROW_HEIGHT, overscan: 5 });

  useEffect(() => {
    const typing = draft.text !== useRegister.getState().filters.text;
    const timer = setTimeout(
      () => {
        if (sameFilters(useRegister.getState().filters, draft)) return;
        reset();
        setFilters(draft);
      },
      typing ? DEBOUNCE_MS : 0,
    );
    return () => clearTimeout(timer);
  }, [draft, setFilters, reset]);

  // Near the end of what is loaded: fetch the next page.
  useEffect(() => {
    if (last >= rows.length - PREFETCH_ROWS) loadMore();
  }, [last, rows.length, loadMore]);

  const change = (patch: Partial<RegisterFilters>) => setDraft((current) => ({ ...current, ...patch }));
  const filtered = (Object.keys(NO_FILTERS) as (keyof RegisterFilters)[]).some((k) => filters[k] !== NO_FILTERS[k]);
  const count = total.data !== undefined && !total.isPlaceholderData ? total.data : undefined;
  const status =
    pages.loading || pages.stale
      ? t.loading
      : pages.message ?? (rows.length === 0 ? (filtered ? t.noneFiltered : t.none) : t.count(rows.length, more, count));
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

      <Notice kind="error">{pages.error?.message}</Notice>
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
              <RegisterRow key={d.id} decision={d} index={first + i} setSize={more ? count ?? -1 : rows.length} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function sameFilters(a: RegisterFilters, b: RegisterFilters): boolean {
  return (Object.keys(NO_FILTERS) as (keyof RegisterFilters)[]).every((k) => a[k] === b[k]);
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
          <button
            type="button"
            className="link"
            aria-label={t.openDecision(d.itemTitle, date)}
            onClick={() => navigate({ section: 'arkiv', decision: { meetingId: d.meetingId, decisionId: d.id } })}
          >
            {d.itemTitle}
          </button>
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
  const forumId = useRegister((s) => s.filters.forumId);
  const chosenYear = useRegister((s) => s.chartYear);
  const showSchoolYear = useRegister((s) => s.showSchoolYear);
  const forumName = useApiQuery('forums.list', {}).data?.find((f) => f.id === forumId)?.name ?? '';
  const thisYear = schoolYearOf(todayLocal());
  // Until a year is chosen, the chart opens at the school year of the forum's newest decision.
  const newest = useApiQuery('decisions.list', { forumId, limit: 1 }, { enabled: chosenYear === null });
  const newestDecision = newest.data?.rows[0];
  const openingYear = newest.data ? schoolYearOf(newestDecision ? newestDecision.meetingStartsAt.slice(0, 10) : todayLocal()) : null;
  const chartYear = chosenYear ?? openingYear;
  const { data: chart, error: chartError } = useApiQuery('decisions.chart', { forumId, schoolYearStart: chartYear ?? thisYear }, { enabled: chartYear !== null });
  const ready = chart !== undefined && chartYear !== null;
  const shownYear = chartYear ?? thisYear;
  return (
    <section className="panel register-chart" aria-labelledby="register-chart-title">
      <h3 id="register-chart-title">{t.chartTitle(forumName)}</h3>
      <p className="field-hint">{t.chartIntro}</p>
      <div className="year-switcher" role="group" aria-label={t.switcherLabel}>
        <button type="button" aria-label={t.previousName(shownYear - 1)} onClick={() => showSchoolYear(shownYear - 1)}>
          {t.previous}
        </button>
        <p className="year-switcher-label" aria-live="polite">
          {t.schoolYear(shownYear)}
        </p>
        <button type="button" aria-label={t.nextName(shownYear + 1)} disabled={shownYear >= thisYear} onClick={() => showSchoolYear(shownYear + 1)}>
          {t.next}
        </button>
      </div>
      <Notice kind="error">{(chartError ?? newest.error)?.message}</Notice>
      {ready ? (
        <ColourChart chart={chart} summary={t.summary(chart.years, chart.totals.counts, chart.totals.unresolved)} />
      ) : (
        <p className="muted">{t.chartLoading}</p>
      )}
    </section>
  );
}
