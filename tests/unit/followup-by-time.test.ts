import { describe, expect, test } from 'vitest';
import { openArchive } from '../../electron/archive/open';
import { doneSinceLastMeeting, followUpOfMeeting } from '../../electron/archive/queries/actions';
import { tempArchivePath } from './support';

/**
 * The follow-up lists are read through time when few actions were closed in the stretch they cover, and
 * through the forum's actions otherwise (electron/archive/queries/actions.ts). Either way they must hold
 * exactly what their definition says, in its order: checked here against the definition written as one
 * plain query over every action of the forum.
 */
const OPEN = "('aaben', 'igang', 'forsinket')";
const CLOSED_AT = '(SELECT MAX(n.created_at) FROM action_note n WHERE n.action_id = a.id AND n.status_to = a.status)';
const ROWS = 'SELECT a.id FROM action a LEFT JOIN meeting m ON m.id = a.meeting_id';
const FOLLOW_UP = `${ROWS} WHERE a.forum_id = @forumId AND (m.id IS NULL OR m.starts_at < @startsAt) AND a.meeting_id IS NOT @meetingId
  AND (a.status IN ${OPEN} OR ${CLOSED_AT} >= @startsAtUtc OR EXISTS (SELECT 1 FROM action_note n WHERE n.action_id = a.id AND n.meeting_id = @meetingId))
  ORDER BY a.due IS NULL, a.due, a.created_at, a.rowid`;
const DONE_SINCE = `${ROWS} WHERE a.forum_id = @forumId AND a.status = 'udfoert' AND (m.id IS NULL OR m.starts_at < @startsAt)
  AND ${CLOSED_AT} >= @previousUtc AND ${CLOSED_AT} < @startsAtUtc
  AND NOT EXISTS (SELECT 1 FROM action_note n WHERE n.action_id = a.id AND n.meeting_id IN (@meetingId, @previousId))
  ORDER BY ${CLOSED_AT}, a.created_at, a.rowid`;

const STATUSES = ['aaben', 'igang', 'forsinket', 'udfoert', 'droppet'] as const;

describe('opfølgningslisterne læst efter tid', () => {
  test('hold the same actions in the same order as their definition, for a meeting now and for one long past', () => {
    const archive = openArchive(tempArchivePath());
    const { db } = archive;
    db.prepare("INSERT INTO forum (id, kind, name, school, created_at) VALUES ('f', 'trio', 'TRIO', 'Egeskolen', 'nu'), ('g', 'trio', 'Andet', 'Egeskolen', 'nu')").run();
    const meeting = db.prepare("INSERT INTO meeting (id, forum_id, title, starts_at, duration_minutes, created_at) VALUES (?, ?, 'Møde', ?, 90, 'nu')");
    // Monthly meetings over four years; the last one is running now.
    const months = Array.from({ length: 48 }, (_, i) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-05T14:00`);
    db.transaction(() => months.forEach((startsAt, i) => ['m', 'g'].forEach((prefix) => meeting.run(`${prefix}${i}`, prefix === 'm' ? 'f' : 'g', startsAt))))();
    const action = db.prepare(
      "INSERT INTO action (id, forum_id, meeting_id, what, who, due, status, drop_reason, created_at) VALUES (?, ?, ?, 'Gøre noget', 'SL', ?, ?, ?, ?)",
    );
    const note = db.prepare('INSERT INTO action_note (id, action_id, note, status_from, status_to, created_at, meeting_id) VALUES (?, ?, ?, ?, ?, ?, ?)');
    let n = 0;
    const seed = db.transaction(() => months.forEach((startsAt, i) => {
      for (const forum of ['f', 'g']) {
        for (let k = 0; k < 4; k++) {
          const id = `${forum}${i}-${k}`;
          const status = STATUSES[(i + k) % STATUSES.length] ?? 'aaben';
          // Same deadline and creation time for several actions: the order of ties is part of the definition.
          action.run(id, forum, `${forum === 'f' ? 'm' : 'g'}${i}`, k % 2 === 0 ? null : `${startsAt.slice(0, 7)}-28`, status, status === 'droppet' ? 'Giver ikke mening længere' : null, `${startsAt}:00.000Z`);
          if (status === 'aaben') continue;
          // Closed some weeks later (some of them during a later meeting, noted on it), with a note on the way.
          const later = months[Math.min(months.length - 1, i + 1 + (k % 3))] ?? startsAt;
          note.run(`n${n++}`, id, 'I gang', 'aaben', 'igang', `${startsAt.slice(0, 8)}20T10:00:00.000Z`, null);
          const inMeeting = k === 1 ? `${forum === 'f' ? 'm' : 'g'}${Math.min(months.length - 1, i + 1 + (k % 3))}` : null;
          note.run(`n${n++}`, id, 'Lukket', 'igang', status, `${later.slice(0, 10)}T14:30:00.000Z`, inMeeting);
        }
      }
    }));
    seed();
    for (const index of [47, 46, 30, 3]) {
      const startsAt = months[index] ?? '';
      const previous = months[index - 1] ?? '';
      const self = { id: `m${index}`, forumId: 'f', startsAt, startsAtUtc: `${startsAt}:00.000Z` };
      const before = { id: `m${index - 1}`, startsAtUtc: `${previous}:00.000Z` };
      const params = { forumId: 'f', startsAt, startsAtUtc: self.startsAtUtc, meetingId: self.id, previousId: before.id, previousUtc: before.startsAtUtc };
      const followUp = followUpOfMeeting(db, self).map((a) => a.id);
      expect(followUp, `opfølgning på ${startsAt}`).toEqual(db.prepare(FOLLOW_UP).pluck().all(params));
      expect(followUp.length).toBeGreaterThan(0);
      expect(doneSinceLastMeeting(db, self, before).map((a) => a.id), `udført siden ${previous}`).toEqual(db.prepare(DONE_SINCE).pluck().all(params));
    }
    archive.close();
  });
});
