import type { InboxSubmission } from '../../shared/api/methods/inbox';
import { FORUM_PRESETS } from '../../shared/domain/forums';
import { insertSubmission, submissionOfItem } from '../archive/queries/inbox';
import { findItem } from '../archive/queries/items';
import { findMeeting } from '../archive/queries/meetings';
import { formatDanishDay } from '../export/danishDay';
import { ServiceError, notFound } from './errors';
import { requireForum } from './forums';
import type { Handlers } from './handler';
import { answered, senderInbox, sharingOf } from './inbox';

/**
 * A TRIO's agenda item proposed to the praksisforum (issue «Praksisforum is its own forum»): the same inbox
 * as a lyttemøde's input (electron/services/inbox.ts), with the item as the submission's source. What is
 * proposed is the title and text the member chose, as shared text; a confidential item is refused before
 * anything is written, so nothing of it reaches the inbox document or the server.
 */

const TRIO = FORUM_PRESETS.trio.label;

function origin(forum: { name: string; school: string }, startsAt: string): string {
  return `Et punkt fra ${forum.name} på ${forum.school} (mødet ${formatDanishDay(startsAt.slice(0, 10))}).`;
}

function sameServer(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

export const proposalHandlers: Handlers<'inbox.propose'> = {
  'inbox.propose': ({ itemId, serverUrl, forumId, forumName, title, text }, ctx): InboxSubmission => {
    const { db } = ctx.archive;
    const item = findItem(db, itemId);
    if (!item) throw notFound('Punktet', 'itemId');
    if (item.confidential) {
      throw new ServiceError(
        'konflikt',
        'Et lukket punkt kan ikke foreslås til praksisforum: dets indhold bliver i TRIO’en. Skriv et nyt, åbent punkt med det, der kan deles, og foreslå det.',
        'itemId',
      );
    }
    const meeting = findMeeting(db, item.meetingId);
    if (!meeting) throw notFound('Mødet', 'itemId');
    const forum = requireForum(db, meeting.forumId);
    if (forum.kind !== 'trio') {
      throw new ServiceError('konflikt', `Kun et punkt fra en ${TRIO} kan foreslås til praksisforum.`, 'itemId');
    }
    const here = sharingOf(ctx).forum(forum.id);
    if (!here.shared) {
      throw new ServiceError('konflikt', `${forum.name} er ikke delt på kommunens server. Del den først; så kan dens medlemmer foreslå punkter til praksisforum.`, 'itemId');
    }
    if (here.right !== 'medlem') {
      throw new ServiceError('konflikt', `Kun medlemmer af ${forum.name} kan foreslå dens punkter til praksisforum; du kan læse med.`, 'itemId');
    }
    if (forumId === forum.id) throw new ServiceError('ugyldigt_input', 'Vælg praksisforummet, ikke TRIO’en selv.', 'forumId');
    if (!sameServer(serverUrl, here.serverUrl)) {
      throw new ServiceError('ugyldigt_input', 'Vælg et praksisforum på den server, hvor TRIO’en er delt.', 'forumId');
    }
    const earlier = submissionOfItem(db, itemId);
    if (earlier) throw new ServiceError('konflikt', `Punktet er allerede foreslået til ${earlier.forumName}.`, 'itemId');
    const document = senderInbox(ctx, { serverUrl, forumId, forumName });
    const id = ctx.newId();
    insertSubmission(db, {
      id,
      document,
      title,
      text,
      origin: origin(forum, meeting.startsAt),
      sentAt: ctx.now().toISOString(),
      listeningInputId: null,
      agendaItemId: itemId,
    });
    sharingOf(ctx).inboxWritten(document);
    return answered(ctx, id);
  },
};
