import { FORUM_PRESETS } from '../../shared/domain/forums';
import type { ReferatMeeting } from '../../shared/domain/referatSnapshot';
import type { AgendaParticipant } from '../export/dagsorden-model';

/** The title block every meeting document opens with: forum, school, time, place, purpose and who came. */
export function meetingHeader(meeting: ReferatMeeting) {
  const participants: AgendaParticipant[] = meeting.participants.map((p) => ({
    name: p.name,
    role: p.role,
    status: p.attendance,
    facilitator: p.facilitator,
    referent: p.referent,
  }));
  return {
    forumName: meeting.forumName,
    forumKindLabel: FORUM_PRESETS[meeting.forumKind].label,
    school: meeting.school,
    title: meeting.title,
    startsAt: meeting.startsAt,
    durationMinutes: meeting.durationMinutes,
    place: meeting.place,
    purpose: meeting.purpose,
    participants,
  };
}
