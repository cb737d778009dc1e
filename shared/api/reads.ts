import { AGGREGATES, type Aggregate, type Change } from './changes';
import type { Contract, Method, MethodInput, MethodResult } from './contract';

/** What one read depends on: an aggregate, and which one of it (absent: any). */
export interface Read {
  aggregate: Aggregate;
  id?: string;
}

export type ReadMethod = { [M in Method]: Contract[M]['writes'] extends false ? M : never }[Method];

type ReadDeclaration<M extends ReadMethod> = (input: MethodInput<M>, value: MethodResult<M> | undefined) => Read[];

const any = (...aggregates: Aggregate[]): Read[] => aggregates.map((aggregate) => ({ aggregate }));
const one = (aggregate: Aggregate, id: string | undefined): Read => (id === undefined ? { aggregate } : { aggregate, id });
/** Generated documents and exports gather from all over the archive; they are fetched once, never kept. */
const everything = (): Read[] => any(...AGGREGATES);

/**
 * For each read method, what it reads. Some depend on their answer: a meeting shows its forum's
 * colours and «Opfølgning fra sidst», but only the answer says which forum; before that, any forum.
 */
const READS: { [M in ReadMethod]: ReadDeclaration<M> } = {
  'app.info': () => [],
  'app.startup': () => [],
  // Notices change by their own event (queries.ts) and with a restore, which changes everything.
  'backup.notices': () => [],
  'backup.list': () => [],
  'backup.create': () => [],
  // Changes by its own event (queries.ts), never by a write to the archive.
  'sync.status': () => [],
  // Calls to the server, not views; the local change that follows each is announced as usual.
  'sync.join': () => [],
  'sync.shareForum': () => [],
  'sync.invite': () => [],
  // Shared or not, and the right, change with the forum (sharing, joining) and with 'sync.changed'.
  'sync.forum': ({ forumId }) => [one('forum', forumId)],
  // Changes by 'sync.changed' (a credential stored or dropped, a sign-in begun or ended), never by a write to the archive.
  'sync.servers': () => [],
  // Calls to the server and the browser; who is signed in is told by 'sync.changed'.
  'sync.signIn': () => [],
  'sync.cancelSignIn': () => [],
  'sync.signOut': () => [],
  // The server's members and who is here change by 'sync.changed' (queries.ts) or the server's answer, never by a write here.
  'sync.members': () => [],
  'sync.presence': () => [],
  // Calls that change the server or what this laptop shows the others, not views.
  'sync.changeMember': () => [],
  'sync.removeMember': () => [],
  'sync.revokeDevice': () => [],
  'sync.lead': () => [],
  // The kommune's forums come from the server; the ones sent to before from the archive.
  'inbox.targets': () => any('forum'),
  // A submission names its lyttemøde input; its answer arrives as a change to it.
  'inbox.sent': () => any('listening', 'forum'),
  'inbox.list': ({ forumId }) => [one('forum', forumId), ...any('meeting')],
  'itemTypes.list': () => any('itemTypes'),
  'comments.list': ({ itemId }) => [one('comments', itemId), ...any('person')],
  // Any of the meeting's items may have new comments; the input names the meeting, not its items.
  'agenda.news': ({ meetingId }) => [one('agenda', meetingId), one('seen', meetingId), ...any('comments')],
  'agenda.history': () => any('agenda', 'person'),
  // Kept in the fortroligt document: a remote update or a write that changes them notes the meeting's agenda.
  'agenda.keptWords': ({ meetingId }) => [one('agenda', meetingId), ...any('person')],
  'forums.list': () => any('forum', 'meeting'),
  'forums.get': ({ forumId }) => [one('forum', forumId), ...any('person')],
  'forums.yearPlan': ({ forumId }) => [one('forum', forumId), ...any('meeting')],
  'meetings.list': () => any('meeting', 'forum'),
  'meetings.page': () => any('meeting', 'forum'),
  'meetings.overview': () => any('meeting', 'forum'),
  'meetings.get': ({ meetingId }, meeting) => [
    one('meeting', meetingId),
    one('agenda', meetingId),
    one('notes', meetingId),
    one('forum', meeting?.forumId),
    one('action', meeting?.forumId),
    ...any('itemTypes', 'person'),
    // An item in a sag lists the sag's items in other meetings; one sent from a lyttemøde shows its input.
    ...(meeting === undefined || meeting.items.some((i) => i.sag) ? any('sag', 'meeting') : []),
    ...(meeting === undefined || meeting.items.some((i) => i.fromListening) ? any('listening') : []),
  ],
  // The projector shows no notes.
  'run.presenter': ({ meetingId }) => [one('meeting', meetingId), one('agenda', meetingId), ...any('forum')],
  // Who consented: the meeting's items and consents, the forum's owners and their names, and whether it is shared.
  'agenda.consents': ({ meetingId }) => [one('meeting', meetingId), one('agenda', meetingId), ...any('forum', 'person')],
  'referat.get': ({ meetingId }) => [one('meeting', meetingId), one('agenda', meetingId), one('notes', meetingId), ...any('forum', 'person')],
  'actions.listOpen': ({ forumId }) => [one('action', forumId), ...any('forum', 'meeting')],
  'actions.list': ({ forumId }) => [one('action', forumId), ...any('forum', 'meeting')],
  'actions.count': ({ forumId }) => [one('action', forumId)],
  'actions.notes': () => any('action'),
  // A row shows its meeting, item, forum and sag; a decision is noted on its meeting.
  'decisions.list': () => any('meeting', 'forum', 'sag'),
  'decisions.draft': () => any('agenda'),
  'decisions.count': () => any('meeting'),
  'decisions.chart': ({ forumId }) => [one('forum', forumId), ...any('meeting')],
  'sager.candidates': () => any('meeting', 'forum', 'sag'),
  // The sag's course shows each item's notes.
  'sager.get': () => any('sag', 'meeting', 'forum', 'action', 'notes'),
  // Notes are searchable, so an open result list follows what is typed in a meeting.
  'search.query': () => any('meeting', 'agenda', 'notes', 'action', 'forum'),
  'listening.listSeries': () => any('listening'),
  'listening.getSeries': ({ seriesId }) => [one('listening', seriesId)],
  // «Sendt til» names the item's forum, meeting and date: they follow a forum renamed or a meeting moved.
  'listening.getMeeting': (_input, detail) => [
    one('listening', detail?.meeting.seriesId),
    ...(detail === undefined || detail.inputs.some((i) => i.sentTo) ? any('meeting', 'forum') : []),
  ],
  'listening.overview': ({ seriesId }, overview) => [
    one('listening', seriesId),
    ...(overview === undefined || [...overview.themes.flatMap((th) => th.inputs), ...overview.withoutTheme].some((i) => i.sentTo) ? any('meeting', 'forum') : []),
  ],
  'listening.sendTargets': () => any('listening', 'forum', 'meeting'),
  'documents.dagsorden': everything,
  'documents.referat': everything,
  'documents.referatPreview': everything,
  'documents.staffSummary': everything,
  'documents.staffText': everything,
  'documents.feedbackLetter': everything,
  'exchange.export': everything,
};

/** What a read with this input depends on; pass its last answer when there is one, for a narrower list. */
export function readsOf<M extends ReadMethod>(method: M, input: MethodInput<M>, value?: MethodResult<M>): Read[] {
  return READS[method](input, value);
}

/** Whether any of a write's changes touches what the read depends on. */
export function isAffected(reads: readonly Read[], changes: readonly Change[]): boolean {
  return changes.some(
    (change) =>
      change.aggregate === 'alt' ||
      reads.some((read) => read.aggregate === change.aggregate && (read.id === undefined || change.id === undefined || read.id === change.id)),
  );
}
