import type { AgendaNews, HistoryLine, Novelty } from '../../shared/api/methods/comments';
import { commentsOfMeeting, itemPlace, markSeen, personNames, seenAt } from '../archive/queries/comments';
import type { SqliteDb } from '../archive/open';
import { statement } from '../archive/statements';
import { DECISIONS, ITEMS } from '../sync/codec/meetingRecords';
import { readHistory, type HistoryEntry } from '../sync/history';
import { storedMeetingDocuments } from '../sync/storedDocuments';
import { notFound } from './errors';
import type { Handlers } from './handler';
import { requireMeeting } from './meetings';
import { meIn } from './me';

/**
 * «Nyt siden sidst» and «Historik»: what others added or changed on a meeting's agenda since this laptop's user
 * last looked, and who changed what on an item when. Both are read from the shared documents' history
 * (electron/sync/history.ts); a forum that is not shared has nobody else, and no history.
 */

function novelty(entries: readonly HistoryEntry[]): Novelty {
  if (entries.length === 0) return null;
  return entries.some((e) => e.added) ? 'nyt' : 'aendret';
}

function newsOf(db: SqliteDb, meetingId: string): AgendaNews {
  const meeting = requireMeeting(db, meetingId);
  const seen = seenAt(db, meetingId);
  const items = statement(db, 'SELECT i.id, (SELECT d.id FROM decision d WHERE d.item_id = i.id) AS decisionId FROM agenda_item i WHERE i.meeting_id = ? ORDER BY i.position').all(
    meetingId,
  ) as { id: string; decisionId: string | null }[];
  const me = meIn(db, meeting.forumId);
  if (!me.shared) return { meetingId, seenAt: seen, items: items.map((i) => ({ itemId: i.id, item: null, decision: null, newComments: 0 })) };
  const byOthersSince = (e: { who: string | null; at: string }) => e.who !== me.forumPersonId && (seen === null || e.at > seen);
  const docs = storedMeetingDocuments(db, meeting.forumId, meetingId);
  const comments = commentsOfMeeting(db, meetingId).filter((c) => byOthersSince({ who: c.authorId, at: c.changedAt }));
  return {
    meetingId,
    seenAt: seen,
    items: items.map((i) => ({
      itemId: i.id,
      item: novelty(readHistory(docs, ITEMS, i.id).filter(byOthersSince)),
      decision: i.decisionId === null ? null : novelty(readHistory(docs, DECISIONS, i.decisionId).filter(byOthersSince)),
      newComments: comments.filter((c) => c.itemId === i.id).length,
    })),
  };
}

function historyOf(db: SqliteDb, itemId: string): HistoryLine[] {
  const place = itemPlace(db, itemId);
  if (!place) throw notFound('Punktet', 'itemId');
  if (!meIn(db, place.forumId).shared) return [];
  const docs = storedMeetingDocuments(db, place.forumId, place.meetingId);
  const entries = [
    ...readHistory(docs, ITEMS, itemId).map((e) => ({ ...e, record: 'punkt' as const })),
    ...(place.decisionId === null ? [] : readHistory(docs, DECISIONS, place.decisionId).map((e) => ({ ...e, record: 'beslutning' as const }))),
  ];
  const names = personNames(db, entries.flatMap((e) => (e.who === null ? [] : [e.who])));
  return entries
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .map((e) => ({ record: e.record, personName: e.who === null ? null : (names.get(e.who) ?? null), at: e.at, added: e.added, fields: e.fields }));
}

export const agendaNewsHandlers: Handlers<'agenda.news' | 'agenda.markSeen' | 'agenda.history'> = {
  'agenda.news': ({ meetingId }, ctx) => newsOf(ctx.archive.db, meetingId),
  'agenda.markSeen': ({ meetingId }, ctx) => {
    const { db } = ctx.archive;
    requireMeeting(db, meetingId);
    markSeen(db, meetingId, ctx.now().toISOString());
    return newsOf(db, meetingId);
  },
  'agenda.history': ({ itemId }, ctx) => historyOf(ctx.archive.db, itemId),
};
