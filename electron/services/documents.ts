import { followUpItemId } from '../../shared/domain/items';
import { startTimes } from '../../shared/domain/startTimes';
import type { FollowUpAction, GeneratedDocument, MeetingDetail } from '../../shared/api/types';
import type { ReferatMeeting } from '../../shared/domain/referatSnapshot';
import type { Variant } from '../../shared/domain/variant';
import type { AgendaDocument, AgendaFollowUp, ItemSagLine } from '../export/dagsorden-model';
import type { Handlers } from './handler';
import { meetingHeader } from './documentHeader';
import { itemNorms, sagLines } from './itemRecord';
import { meetingDetail } from './meetings';
import { localMinute } from './time';
import { frozenReferat, meetingForReferat, referatState } from './referat';
import { referatDocument, staffSummary, type ReferatContext } from './referatDocument';
import type { ServiceContext } from './context';
import { followUpOf, historyLines } from './followUp';
import { ACTION_STATUS_LABELS } from '../../shared/domain/actions';
import { nextMeetingOf } from '../archive/queries/meetings';
import { versionsOf } from '../archive/queries/referat';
import { closedTitlesOf, sharedActions, sharedMeeting, sharedVersions } from './redaction';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Resolves names, labels and start times so the builder only lays out text. */
export function agendaDocument(meeting: MeetingDetail, variant: Variant, sager: ReadonlyMap<string, ItemSagLine> = new Map()): AgendaDocument {
  const typeLabel = (key: string) => meeting.itemTypes.find((t) => t.key === key)?.label ?? key;
  const times = startTimes(meeting.startsAt, meeting.items);
  const followUpItem = followUpItemId(meeting.items);
  const items = meeting.items.map((item, index) => {
    const startTime = times[index] ?? '';
    return {
      number: item.position,
      title: item.title,
      typeLabel: typeLabel(item.type),
      owner: item.owner,
      minutes: item.minutes,
      startTime,
      colour: meeting.forumColours.find((c) => c.key === item.announcedColour) ?? null,
      background: item.background,
      announcedGiven: item.announcedGiven,
      announcedOpen: item.announcedOpen,
      confidential: item.confidential,
      listsFollowUp: item.id === followUpItem,
      norms: variant === 'fuld' ? itemNorms(item) : [],
      sag: sager.get(item.id) ?? null,
    };
  });
  return {
    variant,
    ...meetingHeader(meeting),
    followUp: meeting.followUp.map(agendaFollowUp),
    doneSinceLast: meeting.doneSinceLast.map(agendaFollowUp),
    items,
    colours: meeting.forumColours,
  };
}

function agendaFollowUp(a: FollowUpAction): AgendaFollowUp {
  return { what: a.what, who: a.who, due: a.due, status: ACTION_STATUS_LABELS[a.status], history: historyLines(a) };
}

/** "Dagsorden TRIO 2026-12-01 (delt).docx": sorts by date in a folder and says which variant it is. */
function fileName(meeting: MeetingDetail, variant: Variant): string {
  return `Dagsorden ${safeName(meeting.forumName)} ${meeting.startsAt.slice(0, 10)} (${variantInFileName(variant)}).docx`;
}

/** The same words in every document's file name, so a folder shows at once which files are fortrolige. */
function variantInFileName(variant: Variant): string {
  return variant === 'delt' ? 'delt' : 'fuld, fortrolig';
}

function safeName(name: string): string {
  return name.replace(/[\\/:*?"<>|]+/g, '-').trim();
}

function referatContext(ctx: ServiceContext, meeting: ReferatMeeting): ReferatContext {
  const { db } = ctx.archive;
  const next = nextMeetingOf(db, meeting.forumId, meeting.startsAt);
  return {
    state: referatState(db, meeting.id),
    nextMeeting: next && { startsAt: next.startsAt, place: next.place },
    ...followUpOf(db, meeting),
  };
}

/** The referat's context as a reader without the confidential right may see it. */
function sharedReferatContext(ctx: ServiceContext, meeting: ReferatMeeting, context: ReferatContext): ReferatContext {
  const snapshots = versionsOf(ctx.archive.db, meeting.id).flatMap((v) => (v.snapshot ? [frozenReferat(v.snapshot)] : []));
  const closedTitles = closedTitlesOf([meeting, ...snapshots]);
  return {
    ...context,
    state: { ...context.state, versions: sharedVersions(context.state.versions, closedTitles) },
    followUp: sharedActions(context.followUp),
    doneSinceLast: sharedActions(context.doneSinceLast),
  };
}

function docx(fileName: string, buffer: Buffer): GeneratedDocument {
  return { fileName, mimeType: DOCX, base64: buffer.toString('base64') };
}

/** The referat as the Word file that is exported; the preview reads this same file back. */
async function referatFile(ctx: ServiceContext, meetingId: string, variant: Variant): Promise<GeneratedDocument> {
  const meeting = meetingForReferat(ctx, meetingId);
  const context = referatContext(ctx, meeting);
  const seen = variant === 'delt' ? sharedMeeting(meeting) : meeting;
  const sager = sagLines(ctx.archive.db, seen, localMinute(ctx.now()), variant === 'delt');
  const doc =
    variant === 'delt'
      ? referatDocument(seen, sharedReferatContext(ctx, meeting, context), variant, sager)
      : referatDocument(meeting, context, variant, sager);
  const name = `Referat ${safeName(meeting.forumName)} ${meeting.startsAt.slice(0, 10)} (${variantInFileName(variant)}).docx`;
  const { buildReferat } = await import('../export/referat');
  return docx(name, await buildReferat(doc));
}

export const documentHandlers: Handlers<
  'documents.dagsorden' | 'documents.referat' | 'documents.referatPreview' | 'documents.staffSummary' | 'documents.staffText'
> = {
  'documents.dagsorden': async ({ meetingId, variant }, ctx): Promise<GeneratedDocument> => {
    // Read everything first: nothing from the archive is touched after the await.
    const meeting = meetingDetail(ctx, meetingId);
    const seen = variant === 'delt' ? sharedMeeting(meeting) : meeting;
    const sager = sagLines(ctx.archive.db, seen, localMinute(ctx.now()), variant === 'delt');
    const document = agendaDocument(seen, variant, sager);
    const { buildDagsorden } = await import('../export/dagsorden');
    return docx(fileName(meeting, variant), await buildDagsorden(document));
  },

  'documents.referat': ({ meetingId, variant }, ctx) => referatFile(ctx, meetingId, variant),

  'documents.referatPreview': async ({ meetingId, variant }, ctx) => {
    const file = await referatFile(ctx, meetingId, variant);
    const { documentHtml } = await import('../export/preview');
    return { fileName: file.fileName, html: await documentHtml(Buffer.from(file.base64, 'base64')) };
  },

  'documents.staffSummary': async ({ meetingId }, ctx) => {
    const meeting = meetingForReferat(ctx, meetingId);
    const name = `Nyt fra ${safeName(meeting.forumName)} ${meeting.startsAt.slice(0, 10)}.docx`;
    const summary = staffSummary(sharedMeeting(meeting));
    const { buildStaffSummary } = await import('../export/staffSummary');
    return docx(name, await buildStaffSummary(summary));
  },

  'documents.staffText': async ({ meetingId }, ctx) => {
    const summary = staffSummary(sharedMeeting(meetingForReferat(ctx, meetingId)));
    const { staffSummaryText } = await import('../export/staffSummary');
    return { text: staffSummaryText(summary) };
  },
};
