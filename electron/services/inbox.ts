import { contract } from '../../shared/api/contract';
import type { InboxSubmission } from '../../shared/api/methods/inbox';
import { findSubmission, forumInbox, insertSubmission, saveAnswer, sentSubmissions, sharedForumTargets, submissionOfInput } from '../archive/queries/inbox';
import { findInput, setSentToInbox } from '../archive/queries/listening';
import { findMeeting } from '../archive/queries/meetings';
import { formatDanishDay } from '../export/danishDay';
import { inboxDocumentName } from '../sync/inbox';
import { agendaHandlers } from './agenda';
import type { ServiceContext } from './context';
import { ServiceError, notFound } from './errors';
import { requireForum } from './forums';
import type { Handlers } from './handler';
import { NameGuard } from './listening';
import type { Sharing } from './sharing';

/**
 * Inboxes across the kommune (docs/server.md «Indbakker»): a lyttemøde's input sent to a shared forum's inbox,
 * and the forum's answer (accepted onto a meeting, or declined with a reason) going back to the sender. Each
 * write is one transaction: its rows, and the laptop's own part of the inbox document (electron/sync/inbox.ts).
 */

const NOT_CONNECTED = 'Indbakker kræver, at computeren er tilmeldt kommunens delingsserver. Tilmeld den under Indstillinger.';

export function sharingOf(ctx: ServiceContext): Sharing {
  if (!ctx.sharing) throw new ServiceError('konflikt', NOT_CONNECTED);
  return ctx.sharing;
}

function requireSubmission(ctx: ServiceContext, submissionId: string): InboxSubmission & { document: string } {
  const found = findSubmission(ctx.archive.db, submissionId);
  // Only a forum's inbox is answered here; what this laptop sent is answered by the forum.
  if (!found || found.role !== 'modtager') throw notFound('Indsendelsen', 'submissionId');
  if (found.answer) {
    const what = found.answer.outcome === 'optaget' ? 'sat på dagsordenen' : 'afvist';
    throw new ServiceError('konflikt', `Indsendelsen er allerede ${what} (${found.answer.answeredBy}).`, 'submissionId');
  }
  const sharing = sharingOf(ctx).forum(found.forumId);
  if (!sharing.shared || sharing.right !== 'medlem') {
    throw new ServiceError('konflikt', 'Kun forummets medlemmer kan sætte en indsendelse på dagsordenen eller afvise den.', 'submissionId');
  }
  return found;
}

/**
 * The sender's own inbox document at the forum (kept in step from now on): inside the write that adds a
 * submission to it. Refused when this laptop is not on the forum's server.
 */
export function senderInbox(ctx: ServiceContext, target: { serverUrl: string; forumId: string; forumName: string }): string {
  const sharing = sharingOf(ctx);
  const senderId = sharing.personAt(target.serverUrl);
  if (senderId === null) {
    throw new ServiceError('konflikt', `Denne computer er ikke tilmeldt delingsserveren på ${new URL(target.serverUrl).host}. ${NOT_CONNECTED}`, 'forumId');
  }
  const document = inboxDocumentName(target.forumId, senderId);
  sharing.keepInbox({ document, forumId: target.forumId, forumName: target.forumName, senderId, senderName: '', serverUrl: target.serverUrl, role: 'afsender' });
  return document;
}

export function answered(ctx: ServiceContext, submissionId: string): InboxSubmission {
  const found = findSubmission(ctx.archive.db, submissionId);
  if (!found) throw notFound('Indsendelsen', 'submissionId');
  const { document: _document, role: _role, ...submission } = found;
  return submission;
}

export const inboxHandlers: Handlers<'inbox.targets' | 'inbox.send' | 'inbox.sent' | 'inbox.list' | 'inbox.accept' | 'inbox.decline'> = {
  'inbox.targets': async (_input, ctx) => {
    const own = sharedForumTargets(ctx.archive.db);
    const reachable = (await ctx.sharing?.inboxTargets()) ?? { targets: [], unreachable: null };
    return { ...reachable, own };
  },

  'inbox.send': ({ inputId, serverUrl, forumId, forumName, title }, ctx) => {
    const { db } = ctx.archive;
    const input = findInput(db, inputId);
    if (!input) throw notFound('Inputtet', 'inputId');
    if (input.sentTo) throw new ServiceError('konflikt', `Inputtet er allerede sendt videre til ${input.sentTo.forumName}.`, 'inputId');
    // Sent by the other visitor of a shared series: their laptop holds the submission, the series says so here.
    if (input.sentToInbox) throw new ServiceError('konflikt', `Inputtet er allerede sendt til ${input.sentToInbox.forumName}s indbakke.`, 'inputId');
    const earlier = submissionOfInput(db, inputId);
    if (earlier) throw new ServiceError('konflikt', `Inputtet er allerede sendt til ${earlier.forumName}s indbakke.`, 'inputId');
    new NameGuard(db).check(title, 'Titlen', 'title');
    const document = senderInbox(ctx, { serverUrl, forumId, forumName });
    const id = ctx.newId();
    const sentAt = ctx.now().toISOString();
    setSentToInbox(db, inputId, forumName, sentAt);
    const themes = input.themes.length > 0 ? ` Tema: ${input.themes.join(', ')}.` : '';
    insertSubmission(db, {
      id,
      document,
      title,
      text: input.isQuote ? `»${input.text}«` : input.text,
      origin: `Lyttemødet på ${input.school} ${formatDanishDay(input.date)}.${themes}`,
      sentAt,
      listeningInputId: inputId,
      agendaItemId: null,
    });
    sharingOf(ctx).inboxWritten(document);
    return answered(ctx, id);
  },

  'inbox.sent': (_input, ctx) => sentSubmissions(ctx.archive.db),

  'inbox.list': ({ forumId }, ctx) => {
    requireForum(ctx.archive.db, forumId);
    return forumInbox(ctx.archive.db, forumId);
  },

  'inbox.accept': ({ submissionId, meetingId, title, type, announcedColour, minutes }, ctx) => {
    const { db } = ctx.archive;
    const submission = requireSubmission(ctx, submissionId);
    const meeting = findMeeting(db, meetingId);
    if (!meeting || meeting.forumId !== submission.forumId) {
      throw new ServiceError('ugyldigt_input', `Vælg et kommende møde i ${submission.forumName}.`, 'meetingId');
    }
    const from = submission.senderName === '' ? '' : ` fra ${submission.senderName}`;
    const background = [`Fra forummets indbakke${from}, sendt ${formatDanishDay(submission.sentAt.slice(0, 10))}. ${submission.origin}`, submission.text]
      .filter((part) => part.trim() !== '')
      .join('\n\n');
    // The agenda's own rules and code path: item types, colours, positions, a late item after the agenda was sent.
    const parsed = contract['agenda.addItem'].input.safeParse({ meetingId, title, type, announcedColour, minutes, background });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ServiceError('ugyldigt_input', issue?.message ?? 'Punktet kunne ikke sættes på dagsordenen.', issue?.path.join('.'));
    }
    const item = agendaHandlers['agenda.addItem'](parsed.data, ctx);
    saveAnswer(db, {
      submissionId,
      outcome: 'optaget',
      meetingId,
      meetingStartsAt: meeting.startsAt,
      itemId: item.id,
      itemTitle: title,
      reason: '',
      answeredBy: meeting.forumName,
      answeredAt: ctx.now().toISOString(),
    });
    sharingOf(ctx).inboxWritten(submission.document);
    return answered(ctx, submissionId);
  },

  'inbox.decline': ({ submissionId, reason }, ctx) => {
    const submission = requireSubmission(ctx, submissionId);
    saveAnswer(ctx.archive.db, {
      submissionId,
      outcome: 'afvist',
      meetingId: null,
      meetingStartsAt: null,
      itemId: null,
      itemTitle: '',
      reason,
      answeredBy: submission.forumName,
      answeredAt: ctx.now().toISOString(),
    });
    sharingOf(ctx).inboxWritten(submission.document);
    return answered(ctx, submissionId);
  },
};
