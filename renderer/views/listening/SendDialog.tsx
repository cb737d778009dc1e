import { useEffect, useRef, useState } from 'react';
import type { ListeningInput } from '../../../shared/api/listeningTypes';
import { LIMITS } from '../../../shared/api/limits';
import { Field } from '../../components/Field';
import { useApiQuery, write } from '../../api/queries';
import { common } from '../../text/common';
import { listeningText as t } from '../../text/listening';
import { AgendaFields, type AgendaValues } from './AgendaFields';
import { inboxText } from '../../text/inbox';
import { inboxChoice, TargetFields } from './TargetFields';
import { useWriteDialog, WriteDialog } from './WriteDialog';

const FIELDS = ['meetingId', 'forumId', 'title', 'type', 'announcedColour', 'minutes'] as const;

/** A modal dialog that puts the input on a coming meeting's agenda; the school's own forums come first. */
export function SendDialog({ input, onClose }: { input: ListeningInput; onClose(): void }) {
  const focusedFirst = useRef(false);
  // The coming meetings an input can go to; while the dialog is open, a meeting planned elsewhere shows up too.
  const { data: targets = null, error: targetsError } = useApiQuery('listening.sendTargets', { inputId: input.id });
  // The kommune's shared forums from the server; offline, the ones sent to before.
  const { data: inboxes } = useApiQuery('inbox.targets', {});
  const kommune = inboxes?.targets ?? [];
  const firstInbox = kommune[0];
  // The user's choice; until then the first forum with a coming meeting, the school's own first.
  const [chosen, setChosen] = useState<{ forumId: string; meetingId: string } | null>(null);
  const first = targets?.find((target) => target.meetings.length > 0);
  const forumId = chosen?.forumId ?? first?.forumId ?? (firstInbox ? inboxChoice(firstInbox) : '');
  const meetingId = chosen?.meetingId ?? first?.meetings[0]?.id ?? '';
  const inboxTarget = kommune.find((target) => inboxChoice(target) === forumId) ?? null;
  const canSend = (targets?.some((target) => target.meetings.length > 0) ?? false) || kommune.length > 0;
  const [agenda, setAgenda] = useState<AgendaValues>({
    title: input.text.slice(0, LIMITS.title),
    type: 'droeftelse',
    announcedColour: null,
    minutes: '15',
  });

  const { errors, formRef, submit } = useWriteDialog(
    FIELDS,
    () =>
      inboxTarget
        ? write('inbox.send', {
            inputId: input.id,
            serverUrl: inboxTarget.serverUrl,
            forumId: inboxTarget.forumId,
            forumName: inboxTarget.name,
            title: agenda.title,
          })
        : write('listening.sendInput', {
            inputId: input.id,
            meetingId,
            title: agenda.title,
            type: agenda.type,
            announcedColour: agenda.type === 'beslutning' ? agenda.announcedColour : null,
            minutes: Number(agenda.minutes),
          }),
    onClose,
  );

  useEffect(() => {
    // The dialog opens on «Annullér», the only button while loading; once there are fields, the
    // first of them takes the focus, so Enter does not cancel what was just opened.
    if (focusedFirst.current || !targets) return;
    const field = formRef.current?.querySelector<HTMLElement>('select, input');
    if (!field) return;
    focusedFirst.current = true;
    field.focus();
  }, [targets, formRef]);

  return (
    <WriteDialog
      titleId={`send-title-${input.id}`}
      title={t.sendTitle}
      quoted={`${t.inputNumber(input.position)}: ${input.text}`}
      formRef={formRef}
      onSubmit={submit}
      error={errors.general ?? targetsError?.message}
      submitLabel={targets && canSend ? (inboxTarget ? inboxText.sendToInbox : t.send) : null}
      onClose={onClose}
    >
      {targets === null ? (
        <p>{common.loading}</p>
      ) : !canSend ? (
        <p className="empty">{t.noTargets}</p>
      ) : (
        <>
          <TargetFields
            targets={targets}
            kommune={kommune}
            forumId={forumId}
            meetingId={meetingId}
            meetingError={errors.at('meetingId')}
            onChange={(next) => {
              setChosen({ forumId: next.forumId, meetingId: next.meetingId });
            }}
          />
          {inboxTarget ? (
            <>
              <p className="send-shared-note">{inboxText.sharedNote}</p>
              {inboxes?.unreachable && <p className="muted">{inboxText.unreachable(inboxes.unreachable)}</p>}
              <p className="muted">{inboxText.offlineNote}</p>
              <Field label={inboxText.title} error={errors.at('title')}>
                {(props) => <input {...props} value={agenda.title} onChange={(e) => setAgenda({ ...agenda, title: e.target.value })} />}
              </Field>
            </>
          ) : (
            <AgendaFields
              meetingId={meetingId}
              values={agenda}
              onChange={setAgenda}
              errors={errors}
            />
          )}
        </>
      )}
    </WriteDialog>
  );
}
