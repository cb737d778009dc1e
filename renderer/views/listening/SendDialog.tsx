import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ListeningInput, ListeningSendTarget } from '../../../shared/api/listeningTypes';
import { LIMITS } from '../../../shared/api/fields';
import { Notice } from '../../components/Notice';
import { useFocusInvalid } from '../../components/useFocusInvalid';
import { useFormErrors } from '../../components/useFormErrors';
import { fetchApi, write, type ApiFailure } from '../../api/queries';
import { common } from '../../text/common';
import { listeningText as t } from '../../text/listening';
import { AgendaFields, type AgendaValues } from './AgendaFields';
import { TargetFields } from './TargetFields';
import { useModal } from './useModal';

const FIELDS = ['meetingId', 'title', 'type', 'announcedColour', 'minutes'] as const;

/** A modal dialog that puts the input on a coming meeting's agenda; the school's own forums come first. */
export function SendDialog({ input, onClose }: { input: ListeningInput; onClose(): void }) {
  const dialogRef = useModal();
  const errors = useFormErrors(FIELDS);
  const [formRef, focusInvalid] = useFocusInvalid<HTMLFormElement>();
  const focusedFirst = useRef(false);
  const [targets, setTargets] = useState<ListeningSendTarget[] | null>(null);
  const [forumId, setForumId] = useState('');
  const [meetingId, setMeetingId] = useState('');
  const [agenda, setAgenda] = useState<AgendaValues>({
    title: input.text.slice(0, LIMITS.title),
    type: 'droeftelse',
    announcedColour: null,
    minutes: '15',
  });

  useEffect(() => {
    let current = true;
    fetchApi('listening.sendTargets', { inputId: input.id }).then(
      (value) => {
        if (!current) return;
        setTargets(value);
        const first = value.find((target) => target.meetings.length > 0);
        setForumId(first?.forumId ?? '');
        setMeetingId(first?.meetings[0]?.id ?? '');
      },
      (failure: ApiFailure) => {
        if (current) errors.set(failure.error);
      },
    );
    return () => {
      current = false;
    };
    // Load once per opening; `errors` is a new object each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [input.id]);

  useEffect(() => {
    // The dialog opens on «Annullér», the only button while loading; once there are fields, the
    // first of them takes the focus, so Enter does not cancel what was just opened.
    if (focusedFirst.current || !targets) return;
    const field = formRef.current?.querySelector<HTMLElement>('select, input');
    if (!field) return;
    focusedFirst.current = true;
    field.focus();
  }, [targets, formRef]);

  async function send(event: FormEvent) {
    event.preventDefault();
    const outcome = await write('listening.sendInput', {
      inputId: input.id,
      meetingId,
      title: agenda.title,
      type: agenda.type,
      announcedColour: agenda.type === 'beslutning' ? agenda.announcedColour : null,
      minutes: Number(agenda.minutes),
    });
    if (!outcome.ok) {
      errors.set(outcome.error);
      return focusInvalid();
    }
    onClose();
  }

  return (
    <dialog ref={dialogRef} className="send-dialog" aria-labelledby={`send-title-${input.id}`} onClose={onClose}>
      <form ref={formRef} onSubmit={send} noValidate>
        <h2 id={`send-title-${input.id}`}>{t.sendTitle}</h2>
        <p className="send-input">
          {t.inputNumber(input.position)}: {input.text}
        </p>
        <Notice kind="error">{errors.general}</Notice>
        {targets === null ? (
          <p>{common.loading}</p>
        ) : targets.every((target) => target.meetings.length === 0) ? (
          <p className="empty">{t.noTargets}</p>
        ) : (
          <>
            <TargetFields
              targets={targets}
              forumId={forumId}
              meetingId={meetingId}
              meetingError={errors.at('meetingId')}
              onChange={(next) => {
                setForumId(next.forumId);
                setMeetingId(next.meetingId);
              }}
            />
            <AgendaFields
              meetingId={meetingId}
              values={agenda}
              onChange={(next) => {
                // A message about the old value would now be wrong; the next send checks again.
                errors.clear();
                setAgenda(next);
              }}
              errorAt={errors.at}
            />
          </>
        )}
        <div className="button-row">
          {targets && targets.some((target) => target.meetings.length > 0) && (
            <button type="submit" className="primary">
              {t.send}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {common.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
