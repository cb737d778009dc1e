import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ACTION_STATUSES, PROBLEM_RESOLUTION_LABELS, type ActionStatusKey } from '../../shared/domain/actions';
import type { ActionListRow } from '../../shared/api/types';
import { useApiPages } from '../api/pages';
import { useApiQuery, write } from '../api/queries';
import { Field } from '../components/Field';
import { Icon } from '../components/Icon';
import { Notice } from '../components/Notice';
import { VirtualList } from '../components/VirtualList';
import { useFormErrors } from '../components/useFormErrors';
import { shortDate } from '../format';
import { DEFAULT_FILTERS, PAGE_SIZE, actionsInput, useActions, type StatusFilter } from '../stores/actions';
import { actionsText as t } from '../text/actions';
import '../styles/actions.css';

const ROW_HEIGHT = 80;

/** "Opfølgning": every action across forums, filtered, overdue first, with status updates and splits. */
export function FollowUp() {
  const { filters, setFilters } = useActions();
  const input = actionsInput(filters);
  // Pages and count are queries: a write to an action refetches them (and only the forum's it touched).
  const pages = useApiPages('actions.list', { ...input, limit: PAGE_SIZE });
  const total = useApiQuery('actions.count', input, { keepPrevious: true });
  const { rows, more, loadMore } = pages;
  const count = total.data !== undefined && !total.isPlaceholderData ? total.data : undefined;
  const forums = useApiQuery('forums.list', {}).data ?? [];
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = rows.find((r) => r.id === selectedId) ?? null;

  return (
    <div className="page actions-page">
      <header className="page-header">
        <h1>{t.title}</h1>
        <p className="lead">{t.intro}</p>
      </header>
      <Notice kind="error">{pages.error?.message}</Notice>

      <form className="panel action-filters" aria-label={t.filters} onSubmit={(e) => e.preventDefault()}>
        <Field label={t.forum}>
          {(props) => (
            <select {...props} value={filters.forumId} onChange={(e) => setFilters({ forumId: e.target.value })}>
              <option value="">{t.allForums}</option>
              {forums.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.who} hint={t.whoHint}>
          {(props) => <input {...props} type="search" value={filters.who} onChange={(e) => setFilters({ who: e.target.value })} />}
        </Field>
        <Field label={t.status}>
          {(props) => (
            <select {...props} value={filters.status} onChange={(e) => setFilters({ status: e.target.value as StatusFilter })}>
              <option value="alle_aabne">{t.allOpen}</option>
              {ACTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t.statusLabels[s]}
                </option>
              ))}
              <option value="">{t.allStatuses}</option>
            </select>
          )}
        </Field>
        <Field label={t.dueBefore}>
          {(props) => <input {...props} type="date" value={filters.dueBefore} onChange={(e) => setFilters({ dueBefore: e.target.value })} />}
        </Field>
        <button type="button" className="secondary" onClick={() => setFilters(DEFAULT_FILTERS)}>
          {t.clearFilters}
        </button>
      </form>

      <div className="actions-layout">
        <section className="panel actions-list-panel" aria-labelledby="actions-list-title">
          <h2 id="actions-list-title">{t.list}</h2>
          <p className="row-meta" role="status">
            {pages.loading ? t.loading : rows.length === 0 ? t.none : t.count(rows.length, more, count)}
          </p>
          {rows.length > 0 && (
            <VirtualList
              label={t.list}
              count={rows.length}
              setSize={more ? (count ?? -1) : rows.length}
              rowHeight={ROW_HEIGHT}
              onNearEnd={more ? loadMore : undefined}
              renderRow={(index) => {
                const row = rows[index];
                return row ? <ActionRowButton row={row} selected={row.id === selectedId} onOpen={() => setSelectedId(row.id)} /> : null;
              }}
            />
          )}
          {more && (
            <button type="button" className="secondary" disabled={pages.fetchingMore} onClick={loadMore}>
              {t.loadMore}
            </button>
          )}
        </section>
        {selected && <ActionDetail key={selected.id} action={selected} onClose={() => setSelectedId(null)} />}
      </div>
    </div>
  );
}

function StatusText({ row }: { row: ActionListRow }) {
  return (
    <span className="action-status">
      {t.statusLabels[row.status]}
      {row.overdue && (
        <strong className="overdue">
          {' · '}
          <Icon name="advarsel" /> {t.overdue}
        </strong>
      )}
    </span>
  );
}

function ActionRowButton({ row, selected, onOpen }: { row: ActionListRow; selected: boolean; onOpen: () => void }) {
  return (
    <button
      type="button"
      className={`action-row${row.overdue ? ' action-row-overdue' : ''}`}
      aria-pressed={selected}
      onClick={onOpen}
    >
      <span className="action-row-what">{row.what}</span>
      <span className="action-row-meta">
        <StatusText row={row} />
        {' · '}
        {row.who} · {row.due ? t.dueOn(shortDate(row.due)) : t.noDue}
        {row.childCount > 0 && ` · ${t.splitInto(row.childCount)}`}
      </span>
      <span className="action-row-meta">{t.from(row.forumName, row.meetingTitle, row.itemTitle)}</span>
    </button>
  );
}

function ActionDetail({ action, onClose }: { action: ActionListRow; onClose: () => void }) {
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Refetched when the action changes (a status saved here, a split), by the change events.
  const { data: notes = [], error: notesError } = useApiQuery('actions.notes', { actionId: action.id });
  const [status, setStatus] = useState<ActionStatusKey>(action.status);
  // When the action's status changes (saved here, or by a split), the select follows it.
  const [shownStatus, setShownStatus] = useState(action.status);
  if (shownStatus !== action.status) {
    setShownStatus(action.status);
    setStatus(action.status);
  }
  const [note, setNote] = useState('');
  const [dropReason, setDropReason] = useState('');
  const [saved, setSaved] = useState<string>();
  const errors = useFormErrors(['status', 'note', 'dropReason']);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(undefined);
    const result = await write('actions.update', { actionId: action.id, status, note, dropReason: status === 'droppet' ? dropReason : '' });
    if (!result.ok) return errors.set(result.error);
    errors.clear();
    setNote('');
    setDropReason('');
    setSaved(t.saved);
  }

  return (
    <section className="panel action-detail" aria-labelledby={titleId}>
      <div className="action-detail-head">
        <h2 id={titleId} ref={headingRef} tabIndex={-1}>
          {action.what}
        </h2>
        <button type="button" className="secondary" onClick={onClose}>
          {t.close}
        </button>
      </div>
      <p className="row-meta">
        <StatusText row={action} /> · {action.who} · {action.due ? t.dueOn(shortDate(action.due)) : t.noDue}
      </p>
      <p className="row-meta">{t.from(action.forumName, action.meetingTitle, action.itemTitle)}</p>
      {action.status === 'droppet' && action.dropReason && <p>{t.droppedBecause(action.dropReason)}</p>}

      <form onSubmit={(e) => void save(e)} noValidate>
        <Notice kind="error">{errors.general}</Notice>
        <Field label={t.newStatus} error={errors.at('status')}>
          {(props) => (
            <select {...props} value={status} onChange={(e) => setStatus(e.target.value as ActionStatusKey)}>
              {ACTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t.statusLabels[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {status === 'droppet' && (
          <Field label={t.dropReason} error={errors.at('dropReason')}>
            {(props) => <textarea {...props} rows={2} value={dropReason} onChange={(e) => setDropReason(e.target.value)} />}
          </Field>
        )}
        <Field label={t.note} hint={t.noteHint} error={errors.at('note')}>
          {(props) => <textarea {...props} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <button type="submit">{t.saveStatus}</button>
        <Notice kind="ok">{saved}</Notice>
      </form>

      <h3>{t.notes}</h3>
      <Notice kind="error">{notesError?.message}</Notice>
      {notes.length === 0 ? (
        <p className="empty">{t.noNotes}</p>
      ) : (
        <ol className="plain-list action-notes" aria-label={t.notes}>
          {notes.map((n) => (
            <li key={n.id}>
              <span className="row-meta">
                <time dateTime={n.createdAt}>{shortDate(n.createdAt.slice(0, 10))}</time> ·{' '}
                {t.noteLine(t.statusLabels[n.statusFrom], t.statusLabels[n.statusTo])}
                {n.resolution && ` · ${PROBLEM_RESOLUTION_LABELS[n.resolution]}`}
              </span>
              {n.note && <span>{n.note}</span>}
            </li>
          ))}
        </ol>
      )}

      {action.status !== 'udfoert' && action.status !== 'droppet' && <SplitForm action={action} />}
    </section>
  );
}

const PART_FIELDS = Array.from({ length: 10 }, (_, i) => ['what', 'who', 'due'].map((f) => `parts.${i}.${f}`)).flat();

interface Part {
  key: number;
  what: string;
  who: string;
  due: string;
}

function SplitForm({ action }: { action: ActionListRow }) {
  const nextKey = useRef(3);
  const blank = (key: number): Part => ({ key, what: '', who: action.who, due: action.due ?? '' });
  const [parts, setParts] = useState<Part[]>(() => [blank(1), blank(2)]);
  const [done, setDone] = useState<string>();
  const errors = useFormErrors(PART_FIELDS);

  const change = (key: number, patch: Partial<Part>) => setParts((all) => all.map((p) => (p.key === key ? { ...p, ...patch } : p)));
  const fieldError = (i: number, field: string) => errors.at(`parts.${i}.${field}`);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(undefined);
    const result = await write('actions.split', {
      actionId: action.id,
      parts: parts.map((p) => ({ what: p.what, who: p.who, due: p.due === '' ? null : p.due })),
    });
    if (!result.ok) return errors.set(result.error);
    errors.clear();
    setDone(t.splitDone(parts.length));
    setParts([blank(1), blank(2)]);
  }

  return (
    <details className="action-split">
      <summary>{t.split}</summary>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p className="field-hint">{t.splitHint}</p>
        <Notice kind="error">{errors.general}</Notice>
        {parts.map((p, i) => (
          <fieldset key={p.key} className="action-part">
            <legend>{t.part(i + 1)}</legend>
            <Field label={t.partWhat(i + 1)} error={fieldError(i, 'what')}>
              {(props) => <input {...props} value={p.what} onChange={(e) => change(p.key, { what: e.target.value })} />}
            </Field>
            <div className="field-row">
              <Field label={t.partWho(i + 1)} error={fieldError(i, 'who')}>
                {(props) => <input {...props} value={p.who} onChange={(e) => change(p.key, { who: e.target.value })} />}
              </Field>
              <Field label={t.partDue(i + 1)} error={fieldError(i, 'due')}>
                {(props) => <input {...props} type="date" value={p.due} onChange={(e) => change(p.key, { due: e.target.value })} />}
              </Field>
            </div>
            {parts.length > 2 && (
              <button type="button" className="secondary" onClick={() => setParts((all) => all.filter((x) => x.key !== p.key))}>
                {t.removePart(i + 1)}
              </button>
            )}
          </fieldset>
        ))}
        <div className="button-row">
          {parts.length < 10 && (
            <button type="button" className="secondary" onClick={() => setParts((all) => [...all, blank(nextKey.current++)])}>
              {t.addPart}
            </button>
          )}
          <button type="submit">{t.doSplit}</button>
        </div>
        <Notice kind="ok">{done}</Notice>
      </form>
    </details>
  );
}
