import { addMinutes, format, parseISO } from 'date-fns';
import { useState, type FormEvent } from 'react';
import type { AgendaItem, MeetingDetail } from '../../../shared/api/types';
import { startTimes } from '../../../shared/domain/startTimes';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useFormErrors } from '../../components/useFormErrors';
import { useRun } from '../../stores/run';
import { runText as t } from '../../text/run';
import { focusStageHeading } from './stageFocus';

/** When the time box is used up: borrow from a later item, park the item, or turn the rest into an action. */
export function OverrunPanel({ meeting, item }: { meeting: MeetingDetail; item: AgendaItem }) {
  const later = meeting.items.filter((i) => i.position > item.position && i.runState === 'kommende' && i.minutes > 1);
  return (
    <section className="overrun" aria-labelledby="overrun-title">
      <h3 id="overrun-title">⚠ {t.overrunTitle}</h3>
      <div className="overrun-choices">
        {later.length > 0 ? <TakeTime meeting={meeting} item={item} later={later} /> : <p className="muted">{t.noLaterItems}</p>}
        <Park item={item} />
        <ToAction item={item} />
      </div>
    </section>
  );
}

function TakeTime({ meeting, item, later }: { meeting: MeetingDetail; item: AgendaItem; later: AgendaItem[] }) {
  const act = useRun((s) => s.act);
  const errors = useFormErrors(['fromItemId', 'minutes']);
  const [fromId, setFromId] = useState(later[0]?.id ?? '');
  const [minutes, setMinutes] = useState('5');
  // The item ends later; the meeting's planned end stays, because the minutes come from a later item.
  const index = meeting.items.findIndex((i) => i.id === item.id);
  const itemStart = parseISO(`${meeting.startsAt.slice(0, 11)}${(startTimes(meeting.startsAt, meeting.items)[index] ?? '00.00').replace('.', ':')}`);
  const newEnd = format(addMinutes(itemStart, item.minutes + (Number(minutes) || 0)), 'HH.mm');
  const meetingEnd = format(addMinutes(parseISO(meeting.startsAt), meeting.plannedMinutes), 'HH.mm');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const outcome = await act('run.takeMinutes', { itemId: item.id, fromItemId: fromId, minutes: Number(minutes) });
    if (!outcome.ok) return errors.set(outcome.error);
    errors.clear();
    focusStageHeading();
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t.takeTime} className="overrun-choice">
      <h4>
        <kbd>1</kbd> {t.takeTime}
      </h4>
      <Notice kind="error">{errors.general}</Notice>
      <Field label={t.takeFrom} error={errors.at('fromItemId')}>
        {(props) => (
          <select {...props} data-shortcut="overskridelse-1" aria-keyshortcuts="1" value={fromId} onChange={(e) => setFromId(e.target.value)}>
            {later.map((i) => (
              <option key={i.id} value={i.id}>
                {i.position}. {i.title} ({i.minutes} min.)
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t.takeMinutes} error={errors.at('minutes')}>
        {(props) => <input {...props} type="number" min={1} inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} />}
      </Field>
      <p className="muted" role="status">
        {t.newEnd(newEnd, meetingEnd)}
      </p>
      <button type="submit">{t.takeTimeButton}</button>
    </form>
  );
}

function Park({ item }: { item: AgendaItem }) {
  const act = useRun((s) => s.act);
  const [error, setError] = useState<string>();
  async function park() {
    const outcome = await act('run.park', { itemId: item.id });
    setError(outcome.ok ? undefined : outcome.error.message);
    if (outcome.ok) focusStageHeading();
  }
  return (
    <div className="overrun-choice">
      <h4>
        <kbd>2</kbd> {t.park}
      </h4>
      <Notice kind="error">{error}</Notice>
      <button type="button" onClick={() => void park()} data-shortcut="overskridelse-2" aria-keyshortcuts="2">
        {t.park}
      </button>
    </div>
  );
}

function ToAction({ item }: { item: AgendaItem }) {
  const act = useRun((s) => s.act);
  const errors = useFormErrors(['what', 'who', 'due']);
  const [what, setWhat] = useState(item.title);
  const [who, setWho] = useState(item.owner);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const outcome = await act('run.toAction', { itemId: item.id, what, who, due: null });
    if (!outcome.ok) return errors.set(outcome.error);
    focusStageHeading();
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t.toAction} className="overrun-choice">
      <h4>
        <kbd>3</kbd> {t.toAction}
      </h4>
      <Notice kind="error">{errors.general}</Notice>
      <Field label={t.what} error={errors.at('what')}>
        {(props) => <input {...props} data-shortcut="overskridelse-3" aria-keyshortcuts="3" value={what} onChange={(e) => setWhat(e.target.value)} />}
      </Field>
      <Field label={t.who} error={errors.at('who')}>
        {(props) => <input {...props} value={who} onChange={(e) => setWho(e.target.value)} />}
      </Field>
      <button type="submit">{t.toActionButton}</button>
    </form>
  );
}
