import * as z from 'zod';
import { COMMENT_KINDS, type CommentKind } from '../../domain/comments';
import { entityId, input, requiredText } from '../fields';
import { LIMITS } from '../limits';
import { read, write } from '../spec';

/**
 * Reading before the meeting: comments and questions on an item, what is new since the user last looked at
 * the agenda, and each item's history. The comments travel with the meeting's documents; when the user
 * last looked belongs to this laptop alone.
 */

export interface ItemComment {
  id: string;
  itemId: string;
  kind: CommentKind;
  text: string;
  /** Who wrote it; null when written on this laptop in a forum that is not shared. */
  authorName: string | null;
  /** Written by this laptop's user: only they may change or remove it. */
  mine: boolean;
  createdAt: string;
  changedAt: string;
  /** When a question was marked answered; null while it is open (and always for a comment). */
  answeredAt: string | null;
}

/** What others added or changed since the user last looked. */
export type Novelty = 'nyt' | 'aendret' | null;

export interface ItemNews {
  itemId: string;
  item: Novelty;
  decision: Novelty;
  /** Comments others wrote or changed since then. */
  newComments: number;
}

export interface AgendaNews {
  meetingId: string;
  /** When the user last marked the agenda seen; null when never. */
  seenAt: string | null;
  items: ItemNews[];
}

export interface HistoryLine {
  /** What changed: the item itself or its decision. */
  record: 'punkt' | 'beslutning';
  /** The person who changed it; null when the server did not know who. */
  personName: string | null;
  at: string;
  added: boolean;
  /** The document field names that changed (shared/records/meetingFields.ts); empty when added. */
  fields: string[];
}

const commentText = requiredText('Kommentaren', LIMITS.longText, 'many');
const commentKind = z.enum(COMMENT_KINDS, { error: 'Vælg kommentar eller spørgsmål.' });

export const commentMethods = {
  'comments.list': read<ItemComment[]>()(input({ itemId: entityId('Punktet') })),
  'comments.add': write<ItemComment[]>()(input({ itemId: entityId('Punktet'), kind: commentKind.default('kommentar'), text: commentText })),
  'comments.edit': write<ItemComment[]>()(input({ commentId: entityId('Kommentaren'), kind: commentKind, text: commentText })),
  'comments.remove': write<ItemComment[]>()(input({ commentId: entityId('Kommentaren') })),
  'comments.markAnswered': write<ItemComment[]>()(
    input({ commentId: entityId('Spørgsmålet'), answered: z.boolean({ error: 'Angiv, om spørgsmålet er besvaret.' }) }),
  ),
  'agenda.news': read<AgendaNews>()(input({ meetingId: entityId('Mødet') })),
  'agenda.markSeen': write<AgendaNews>()(input({ meetingId: entityId('Mødet') })),
  'agenda.history': read<HistoryLine[]>()(input({ itemId: entityId('Punktet') })),
} as const;
