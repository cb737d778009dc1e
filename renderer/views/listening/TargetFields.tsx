import type { ListeningSendTarget } from '../../../shared/api/listeningTypes';
import type { InboxTarget } from '../../../shared/api/methods/inbox';
import { FORUM_PRESETS } from '../../../shared/domain/forums';
import { Field } from '../../components/Field';
import { clockTime, shortDate } from '../../format';
import { inboxText } from '../../text/inbox';
import { listeningText as t } from '../../text/listening';

/** The select's value for a shared forum of the kommune: its inbox, not one of its meetings. */
export function inboxChoice(target: InboxTarget): string {
  return `indbakke ${target.serverUrl} ${target.forumId}`;
}

interface TargetFieldsProps {
  targets: readonly ListeningSendTarget[];
  /** The kommune's shared forums that take input; chosen, the input goes to the forum's inbox. */
  kommune: readonly InboxTarget[];
  forumId: string;
  meetingId: string;
  meetingError?: string;
  onChange(next: { forumId: string; meetingId: string }): void;
}

/** "Praksisforum · Egeskolen (skolens eget forum)"; the forum type only when the name does not say it. */
function optionLabel(target: ListeningSendTarget): string {
  const kind = FORUM_PRESETS[target.kind].label;
  const notes = [target.forumName.includes(kind) ? '' : kind, target.sameSchool ? t.sameSchool : ''].filter(Boolean);
  return `${target.forumName} · ${target.school}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
}

/** Which forum, and which of its coming meetings. */
export function TargetFields({ targets, kommune, forumId, meetingId, meetingError, onChange }: TargetFieldsProps) {
  const forum = targets.find((target) => target.forumId === forumId);
  const toInbox = kommune.some((target) => inboxChoice(target) === forumId);
  const local = targets.map((target) => (
    <option key={target.forumId} value={target.forumId} disabled={target.meetings.length === 0}>
      {optionLabel(target)}
    </option>
  ));
  return (
    <>
      <Field label={t.forum}>
        {(props) => (
          <select
            {...props}
            value={forumId}
            onChange={(e) => {
              const next = targets.find((target) => target.forumId === e.target.value);
              onChange({ forumId: e.target.value, meetingId: next?.meetings[0]?.id ?? '' });
            }}
          >
            {kommune.length === 0 ? (
              local
            ) : (
              <>
                <optgroup label={inboxText.localGroup}>{local}</optgroup>
                <optgroup label={inboxText.kommuneGroup}>
                  {kommune.map((target) => (
                    <option key={inboxChoice(target)} value={inboxChoice(target)}>
                      {inboxText.kommuneOption(target.name)}
                    </option>
                  ))}
                </optgroup>
              </>
            )}
          </select>
        )}
      </Field>
      {!toInbox && (
      <Field label={t.meeting} error={meetingError}>
        {(props) =>
          forum && forum.meetings.length > 0 ? (
            <select {...props} value={meetingId} onChange={(e) => onChange({ forumId, meetingId: e.target.value })}>
              {forum.meetings.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.title} · {shortDate(m.startsAt)} {clockTime(m.startsAt)}
                </option>
              ))}
            </select>
          ) : (
            <p {...props} className="muted">
              {t.noMeetingsForForum}
            </p>
          )
        }
      </Field>
      )}
    </>
  );
}
