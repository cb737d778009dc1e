import { useState, type FormEvent } from 'react';
import type { Forum, ForumTheme } from '../../../shared/api/types';
import { schoolYearOf } from '../../../shared/domain/yearPlan';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useFormErrors } from '../../components/useFormErrors';
import { YearWheel } from '../../components/YearWheel';
import { useApiQuery, write } from '../../api/queries';
import { forumPageText as p } from '../../text/forums';
import { todayLocal } from '../../today';
import { useFocusInvalid } from '../../components/useFocusInvalid';

const y = p.yearPlan;
/** The school year's months in order; July is the summer holiday and has no themes. */
const SCHOOL_MONTHS = [8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6] as const;
const monthName = (month: number) => y.months[month - 1] ?? String(month);

export function YearPlanTab({ forum }: { forum: Forum }) {
  const thisYear = schoolYearOf(todayLocal());
  const [schoolYear, showSchoolYear] = useState(thisYear);
  const { data: yearPlan, error } = useApiQuery('forums.yearPlan', { forumId: forum.id, schoolYearStart: schoolYear }, { keepPrevious: true });

  return (
    <div className="tab-stack">
      <div className="year-switcher" role="group" aria-label={y.switcherLabel}>
        <button type="button" aria-label={y.previousName(y.years(schoolYear - 1))} onClick={() => showSchoolYear(schoolYear - 1)}>
          {y.previous}
        </button>
        <p className="year-switcher-label" aria-live="polite">
          {y.schoolYear(schoolYear)}
        </p>
        <button type="button" aria-label={y.nextName(y.years(schoolYear + 1))} onClick={() => showSchoolYear(schoolYear + 1)}>
          {y.next}
        </button>
        {schoolYear !== thisYear && (
          <button type="button" className="link" onClick={() => showSchoolYear(thisYear)}>
            {y.thisYear}
          </button>
        )}
      </div>
      <Notice kind="error">{error?.message}</Notice>
      {yearPlan && yearPlan.schoolYearStart === schoolYear ? <YearWheel plan={yearPlan} /> : <p className="muted">{y.loading}</p>}
      <ThemesEditor forum={forum} />
    </div>
  );
}

function ThemesEditor({ forum }: { forum: Forum }) {
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  // July themes are not offered, but one made elsewhere is still shown so it can be removed.
  const months = forum.themes.some((th) => th.month === 7) ? [...SCHOOL_MONTHS.slice(0, 11), 7] : [...SCHOOL_MONTHS];
  const byMonth = months
    .map((month) => ({ month, themes: forum.themes.filter((th) => th.month === month) }))
    .filter((group) => group.themes.length > 0);

  async function remove(theme: ForumTheme) {
    setMessage(undefined);
    const outcome = await write('themes.remove', { themeId: theme.id });
    setMessage(outcome.ok ? { kind: 'ok', text: y.removed(theme.title) } : { kind: 'error', text: outcome.error.message });
  }

  return (
    <div className="two-columns one-row">
      <section className="panel" aria-labelledby="themes-title">
        <h2 id="themes-title">{y.themesTitle}</h2>
        <p className="muted">{y.themesIntro}</p>
        <Notice kind={message?.kind ?? 'ok'}>{message?.text}</Notice>
        {byMonth.length === 0 ? (
          <p className="empty">{y.noThemes}</p>
        ) : (
          <ul className="theme-list">
            {byMonth.map((group) => (
              <li key={group.month} className="theme-month">
                <h3 className="theme-month-name">{monthName(group.month)}</h3>
                <ul className="theme-items">
                  {group.themes.map((theme) => (
                    <li key={theme.id}>
                      <span className="theme-title">
                        <span aria-hidden="true" className="theme-mark">
                          ◆
                        </span>{' '}
                        {theme.title}
                      </span>
                      <button
                        type="button"
                        className="small"
                        aria-label={y.removeName(theme.title, monthName(group.month).toLowerCase())}
                        onClick={() => void remove(theme)}
                      >
                        {y.remove}
                      </button>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
      <AddThemeForm forum={forum} />
    </div>
  );
}

const FIELDS = ['month', 'title'] as const;

function AddThemeForm({ forum }: { forum: Forum }) {
  const errors = useFormErrors(FIELDS);
  const [formRef, focusInvalid] = useFocusInvalid<HTMLFormElement>();
  const [month, setMonth] = useState('8');
  const [title, setTitle] = useState('');
  const [added, setAdded] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setAdded(undefined);
    const outcome = await write('themes.add', { forumId: forum.id, month: Number(month), title });
    setBusy(false);
    if (!outcome.ok) {
      errors.set(outcome.error);
      return focusInvalid();
    }
    errors.clear();
    setAdded(y.added(title.trim()));
    setTitle('');
  }

  return (
    <form ref={formRef} className="panel" onSubmit={submit} aria-labelledby="theme-add-title" noValidate>
      <h2 id="theme-add-title">{y.addTitle}</h2>
      <Notice kind="ok">{added}</Notice>
      <Notice kind="error">{errors.general}</Notice>
      <Field label={y.month} error={errors.at('month')}>
        {(props) => (
          <select {...props} value={month} onChange={(e) => setMonth(e.target.value)}>
            {SCHOOL_MONTHS.map((value) => (
              <option key={value} value={value}>
                {monthName(value)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={y.themeTitle} error={errors.at('title')}>
        {(props) => <input {...props} value={title} placeholder={y.themePlaceholder} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <button type="submit" className="primary" disabled={busy}>
        {y.add}
      </button>
    </form>
  );
}
