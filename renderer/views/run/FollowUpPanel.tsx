import { format } from 'date-fns';
import { useState } from 'react';
import { ACTION_STATUS_LABELS, PROBLEM_RESOLUTION_LABELS, statusForResolution, type ActionStatusKey, type ProblemResolutionKey } from '../../../shared/domain/actions';
import type { FollowUpAction } from '../../../shared/api/types';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useFormErrors } from '../../components/useFormErrors';
import { useRun } from '../../stores/run';
import { useUnsaved, useUnsavedStore } from '../../stores/unsaved';
import { meetingFollowUpText as t } from '../../text/followup';
import { meetingsText } from '../../text/meetings';
import { DoneSinceLast, FollowUpLine } from '../meetings/FollowUpList';
import { FollowUpHistory } from '../meetings/FollowUpHistory';
import type { ScreenMeeting } from './screenView';

/**
 * «Opfølgning fra sidst» acted on in the meeting: each action gets its status (udført, i gang, forsinket,
 * droppet with a reason) and, for a problem, løst or ikke løst, each with an optional note; every choice
 * is a dated note naming this meeting. The list keeps what the meeting closed, so the room sees it.
 */
export function FollowUpPanel({ meeting, projectorSafe }: { meeting: ScreenMeeting; projectorSafe: boolean }) {
  // On a screen the room may see, an action from a closed item is only a masked line: nothing to act on blind.
  const hidden = (a: FollowUpAction) => projectorSafe && a.confidential;
  return (
    <section className="panel follow-up run-follow-up" aria-labelledby="run-follow-up-title">
      <h3 id="run-follow-up-title">{t.runTitle}</h3>
      {meeting.followUp.length === 0 ? (
        <p className="empty">{meetingsText.followUpEmpty}</p>
      ) : (
        <>
          <p className="muted">{t.runIntro}</p>
          <ul className="plain-list" aria-labelledby="run-follow-up-title">
            {meeting.followUp.map((a) => (
              <li key={a.id}>{hidden(a) ? <FollowUpLine action={a} /> : <FollowUpRow meetingId={meeting.id} action={a} />}</li>
            ))}
          </ul>
          {meeting.followUp.some(hidden) && <p className="muted">{t.maskedActions}</p>}
        </>
      )}
      <DoneSinceLast actions={meeting.doneSinceLast} />
    </section>
  );
}

const STATUS_CHOICES: readonly { status: ActionStatusKey; label: string }[] = [
  { status: 'udfoert', label: t.done },
  { status: 'igang', label: t.started },
  { status: 'forsinket', label: t.late },
];

function FollowUpRow({ meetingId, action }: { meetingId: string; action: FollowUpAction }) {
  const act = useRun((s) => s.act);
  const errors = useFormErrors(['note', 'dropReason']);
  // A note being typed outlives the panel, so moving to another item and back loses nothing.
  const draft = `opfoelgning:${meetingId}:${action.id}:`;
  const [note, setNote] = useUnsaved(`${draft}note`, '');
  const [dropReason, setDropReason] = useUnsaved(`${draft}dropReason`, '');
  const [dropping, setDropping] = useState(false);
  const [saved, setSaved] = useState<string>();
  // What this meeting said of the problem, so the pressed button shows it (not by colour alone).
  const resolution = action.history.findLast((n) => n.meetingId === meetingId && n.resolution !== null)?.resolution ?? null;

  async function save(status: ActionStatusKey, choice: ProblemResolutionKey | null, what: string) {
    setSaved(undefined);
    const outcome = await act('actions.update', {
      actionId: action.id,
      meetingId,
      status,
      resolution: choice,
      note,
      dropReason: status === 'droppet' ? dropReason : '',
    });
    if (!outcome.ok) return errors.set(outcome.error);
    errors.clear();
    useUnsavedStore.getState().forget(draft);
    setDropping(false);
    setSaved(t.saved(what, format(new Date(), 'HH.mm')));
  }

  return (
    <>
      <FollowUpLine action={action} />
      <FollowUpHistory action={action} />
      <Notice kind="error">{errors.general}</Notice>
      <div className="follow-up-choices">
        <div role="group" aria-label={t.statusGroup(action.what)} className="button-row">
          <span className="muted" aria-hidden="true">
            {t.statusLabel}:
          </span>
          {STATUS_CHOICES.map((c) => (
            <button
              key={c.status}
              type="button"
              className="secondary"
              aria-pressed={action.status === c.status}
              onClick={() => void save(c.status, null, ACTION_STATUS_LABELS[c.status])}
            >
              {c.label}
            </button>
          ))}
          <button type="button" className="secondary" aria-pressed={action.status === 'droppet'} aria-expanded={dropping} onClick={() => setDropping(!dropping)}>
            {t.drop}
          </button>
        </div>
        <div role="group" aria-label={t.problemGroup(action.what)} className="button-row">
          <span className="muted" aria-hidden="true">
            {t.problemLabel}:
          </span>
          {(['loest', 'ikke_loest'] as const).map((choice) => (
            <button
              key={choice}
              type="button"
              className="secondary"
              aria-pressed={resolution === choice}
              onClick={() => void save(statusForResolution(choice, action.status), choice, PROBLEM_RESOLUTION_LABELS[choice])}
            >
              {choice === 'loest' ? t.solved : t.notSolved}
            </button>
          ))}
        </div>
      </div>
      {dropping && (
        <div className="follow-up-drop">
          <Field label={t.dropReason} error={errors.at('dropReason')}>
            {(props) => <textarea {...props} rows={2} value={dropReason} onChange={(e) => setDropReason(e.target.value)} />}
          </Field>
          <div className="button-row">
            <button type="button" onClick={() => void save('droppet', null, ACTION_STATUS_LABELS.droppet)}>
              {t.dropConfirm}
            </button>
            <button type="button" className="secondary" onClick={() => setDropping(false)}>
              {t.dropCancel}
            </button>
          </div>
        </div>
      )}
      <Field label={t.noteLabel} hint={t.noteHint} error={errors.at('note')}>
        {(props) => <textarea {...props} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <div className="button-row">
        <button type="button" className="secondary" onClick={() => void save(action.status, null, t.savedNote)}>
          {t.saveNote}
        </button>
      </div>
      <Notice kind="ok">{saved}</Notice>
    </>
  );
}
