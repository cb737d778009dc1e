import type { ListeningSendTarget } from '../../../shared/api/listeningTypes';
import { FORUM_PRESETS } from '../../../shared/domain/forums';
import { Field } from '../../components/Field';
import { clockTime, shortDate } from '../../format';
import { listeningText as t } from '../../text/listening';

interface TargetFieldsProps {
  targets: readonly ListeningSendTarget[];
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
export function TargetFields({ targets, forumId, meetingId, meetingError, onChange }: TargetFieldsProps) {
  const forum = targets.find((target) => target.forumId === forumId);
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
            {targets.map((target) => (
              <option key={target.forumId} value={target.forumId} disabled={target.meetings.length === 0}>
                {optionLabel(target)}
              </option>
            ))}
          </select>
        )}
      </Field>
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
    </>
  );
}
