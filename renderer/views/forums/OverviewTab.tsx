import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Forum } from '../../../shared/api/types';
import { CADENCES, CADENCE_LABELS, type Cadence } from '../../../shared/domain/cadence';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useFormErrors } from '../../components/useFormErrors';
import { minutes } from '../../format';
import { useApiQuery, write } from '../../api/queries';
import { forumPageText as p, forumsText as t } from '../../text/forums';
import { MEETING_PAGE } from '../../../shared/api/limits';
import { MeetingPages } from '../meetings/MeetingPages';
import { MeetingRows } from '../meetings/MeetingRows';
import { NewMeetingForm } from '../meetings/NewMeetingForm';
import { useFocusInvalid } from '../../components/useFocusInvalid';
import { ForumSeries } from '../listening/ForumSeries';

const o = p.overview;

export function OverviewTab({ forum }: { forum: Forum }) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string>();
  const editRef = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  useEffect(() => {
    // Back from the form, focus returns to the button that opened it.
    if (!editing && wasEditing.current) editRef.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  return (
    <div className="tab-stack">
      <section className="panel" aria-labelledby="forum-about-title">
        <div className="section-header">
          <h2 id="forum-about-title">{editing ? o.editTitle : o.aboutTitle}</h2>
          {!editing && (
            <button type="button" ref={editRef} onClick={() => {
                setSaved(undefined);
                setEditing(true);
              }}>
              {o.edit}
            </button>
          )}
        </div>
        <Notice kind="ok">{saved}</Notice>
        {editing ? (
          <EditForumForm
            forum={forum}
            onDone={(didSave) => {
              setSaved(didSave ? p.saved : undefined);
              setEditing(false);
            }}
          />
        ) : (
          <AboutForum forum={forum} />
        )}
      </section>
      {forum.kind === 'lyttemoede' && <ForumSeries forumId={forum.id} />}
      <ForumMeetings forum={forum} />
    </div>
  );
}

function AboutForum({ forum }: { forum: Forum }) {
  return (
    <div className="about-grid">
      <dl className="about-texts">
        <LongText term={o.purpose} text={forum.purpose} empty={o.emptyPurpose} />
        <LongText term={o.mandate} text={forum.mandate} empty={o.emptyMandate} />
        <LongText term={o.understanding} text={forum.understanding} empty={o.emptyUnderstanding} />
      </dl>
      <div className="about-rhythm">
        <h3>{o.rhythmTitle}</h3>
        <dl className="facts-list">
          <div>
            <dt>{o.cadence}</dt>
            <dd>{CADENCE_LABELS[forum.cadence]}</dd>
          </div>
          <div>
            <dt>{o.defaultMinutes}</dt>
            <dd>{minutes(forum.defaultMinutes)}</dd>
          </div>
          <div>
            <dt>{o.defaultPlace}</dt>
            <dd>{forum.defaultPlace || <span className="muted">{o.noPlace}</span>}</dd>
          </div>
          <div>
            <dt>{o.actionDue}</dt>
            <dd>{forum.requireActionDue ? o.actionDueRequired : o.actionDueOptional}</dd>
          </div>
        </dl>
      </div>
    </div>
  );
}

function LongText({ term, text, empty }: { term: string; text: string; empty: string }) {
  return (
    <div className="long-text">
      <dt>{term}</dt>
      <dd>
        {text ? (
          <p className="keep-lines">{text}</p>
        ) : (
          <p className="empty-text">
            {empty} {o.emptyHint}
          </p>
        )}
      </dd>
    </div>
  );
}

const FIELDS = ['name', 'school', 'purpose', 'mandate', 'understanding', 'cadence', 'defaultMinutes', 'defaultPlace'] as const;

function EditForumForm({ forum, onDone }: { forum: Forum; onDone(saved: boolean): void }) {
  const errors = useFormErrors(FIELDS);
  const [formRef, focusInvalid] = useFocusInvalid<HTMLFormElement>();
  const [name, setName] = useState(forum.name);
  const [school, setSchool] = useState(forum.school);
  const [purpose, setPurpose] = useState(forum.purpose);
  const [mandate, setMandate] = useState(forum.mandate);
  const [understanding, setUnderstanding] = useState(forum.understanding);
  const [cadence, setCadence] = useState<Cadence>(forum.cadence);
  const [defaultMinutes, setDefaultMinutes] = useState(String(forum.defaultMinutes));
  const [defaultPlace, setDefaultPlace] = useState(forum.defaultPlace);
  const [requireActionDue, setRequireActionDue] = useState(forum.requireActionDue);
  const [busy, setBusy] = useState(false);
  const firstRef = useRef<HTMLInputElement>(null);

  useEffect(() => firstRef.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const outcome = await write('forums.update', {
      forumId: forum.id,
      name,
      school,
      purpose,
      mandate,
      understanding,
      cadence,
      defaultMinutes: Number(defaultMinutes),
      defaultPlace,
      requireActionDue,
    });
    setBusy(false);
    if (!outcome.ok) {
      errors.set(outcome.error);
      return focusInvalid();
    }
    errors.clear();
    onDone(true);
  }

  return (
    <form ref={formRef} onSubmit={submit} aria-labelledby="forum-about-title" noValidate className="edit-forum">
      <Notice kind="error">{errors.general}</Notice>
      <div className="field-row">
        <Field label={t.name} error={errors.at('name')}>
          {(props) => <input {...props} ref={firstRef} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label={t.school} error={errors.at('school')}>
          {(props) => <input {...props} value={school} onChange={(e) => setSchool(e.target.value)} autoComplete="organization" />}
        </Field>
      </div>
      <Field label={o.purpose} error={errors.at('purpose')} hint={t.purposeHint}>
        {(props) => <textarea {...props} rows={3} value={purpose} onChange={(e) => setPurpose(e.target.value)} />}
      </Field>
      <Field label={o.mandate} error={errors.at('mandate')} hint={o.mandateHint}>
        {(props) => <textarea {...props} rows={4} value={mandate} onChange={(e) => setMandate(e.target.value)} />}
      </Field>
      <Field label={o.understanding} error={errors.at('understanding')} hint={o.understandingHint}>
        {(props) => <textarea {...props} rows={4} value={understanding} onChange={(e) => setUnderstanding(e.target.value)} />}
      </Field>
      <div className="field-row field-row-3">
        <Field label={o.cadence} error={errors.at('cadence')} hint={o.cadenceHint}>
          {(props) => (
            <select {...props} value={cadence} onChange={(e) => setCadence(e.target.value as Cadence)}>
              {CADENCES.map((c) => (
                <option key={c} value={c}>
                  {CADENCE_LABELS[c]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={o.minutesLabel} error={errors.at('defaultMinutes')}>
          {(props) => (
            <input
              {...props}
              type="number"
              inputMode="numeric"
              min={1}
              step={5}
              value={defaultMinutes}
              onChange={(e) => setDefaultMinutes(e.target.value)}
            />
          )}
        </Field>
        <Field label={o.placeLabel} error={errors.at('defaultPlace')} hint={o.placeHint}>
          {(props) => <input {...props} value={defaultPlace} onChange={(e) => setDefaultPlace(e.target.value)} />}
        </Field>
      </div>
      <label className="check">
        <input type="checkbox" checked={requireActionDue} onChange={(e) => setRequireActionDue(e.target.checked)} />
        {o.requireActionDue}
      </label>
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {o.save}
        </button>
        <button type="button" onClick={() => onDone(false)} disabled={busy}>
          {p.cancel}
        </button>
      </div>
    </form>
  );
}

function ForumMeetings({ forum }: { forum: Forum }) {
  // A forum plans a few meetings ahead; its held ones run to hundreds over the years and come a page at a time.
  const planned = useApiQuery('meetings.page', { forumId: forum.id, status: 'planlagt', limit: MEETING_PAGE.max });
  const upcoming = [...(planned.data?.rows ?? [])].reverse();
  return (
    <div className="two-columns">
      <section aria-labelledby="forum-meetings-title">
        <h2 id="forum-meetings-title">{o.meetingsTitle}</h2>
        <Notice kind="error">{planned.error?.message}</Notice>
        <h3>{o.upcoming}</h3>
        {upcoming.length === 0 ? <p className="empty">{o.noUpcoming}</p> : <MeetingRows meetings={upcoming} />}
        <h3 className="spaced">{o.held}</h3>
        <MeetingPages forumId={forum.id} status="afholdt" empty={o.noHeld} />
      </section>
      <NewMeetingForm forumId={forum.id} forumName={forum.name} />
    </div>
  );
}
