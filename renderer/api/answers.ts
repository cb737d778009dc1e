import type { QueryClient } from '@tanstack/react-query';
import type { Method, MethodResult } from '../../shared/api/contract';
import type { ListeningInput, ListeningMeetingDetail } from '../../shared/api/listeningTypes';
import type { AgendaNews } from '../../shared/api/methods/comments';
import type { AgendaItem, Decision, DecisionDraft, Forum, MeetingConsents, MeetingDetail, ReferatState } from '../../shared/api/types';

/**
 * Where a write's answer goes in the query cache, for writes whose answer is the same thing a read
 * returns. The change event that follows still refetches what the write touched beyond it.
 */
type Placement = (client: QueryClient, answer: never) => void;

const meeting = (client: QueryClient, detail: MeetingDetail) => client.setQueryData(['meetings.get', { meetingId: detail.id }], detail);
const forum = (client: QueryClient, answer: Forum) => client.setQueryData(['forums.get', { forumId: answer.id }], answer);
const consents = (client: QueryClient, state: MeetingConsents) => client.setQueryData(['agenda.consents', { meetingId: state.meetingId }], state);
const referat = (client: QueryClient, state: ReferatState) => client.setQueryData(['referat.get', { meetingId: state.meetingId }], state);
/** An item's answer replaces that item in its meeting, when the meeting is in the cache. */
const item = (client: QueryClient, answer: AgendaItem) =>
  client.setQueryData<MeetingDetail>(['meetings.get', { meetingId: answer.meetingId }], (detail) =>
    detail ? { ...detail, items: detail.items.map((i) => (i.id === answer.id ? answer : i)) } : detail,
  );

const decisionDraft = (client: QueryClient, draft: DecisionDraft) => client.setQueryData(['decisions.draft', { itemId: draft.itemId }], { draft });
/** A recorded decision has taken its draft's place; the panel must not find the old draft when it opens again. */
const recordedDecision = (client: QueryClient, decision: Decision) => client.setQueryData(['decisions.draft', { itemId: decision.itemId }], { draft: null });

const listeningMeeting = (client: QueryClient, detail: ListeningMeetingDetail) =>
  client.setQueryData(['listening.getMeeting', { meetingId: detail.meeting.id }], detail);
/** An input's answer replaces that input in its lyttemøde (a choice shows at once, not after the refetch). */
const listeningInput = (client: QueryClient, answer: ListeningInput) =>
  client.setQueryData<ListeningMeetingDetail>(['listening.getMeeting', { meetingId: answer.meetingId }], (detail) =>
    detail ? { ...detail, inputs: detail.inputs.map((i) => (i.id === answer.id ? answer : i)) } : detail,
  );

/** A new input joins its lyttemøde at once, so the count on the listening screen is never one behind. */
const listeningNewInput = (client: QueryClient, answer: ListeningInput) =>
  client.setQueryData<ListeningMeetingDetail>(['listening.getMeeting', { meetingId: answer.meetingId }], (detail) =>
    detail && !detail.inputs.some((i) => i.id === answer.id) ? { ...detail, inputs: [...detail.inputs, answer] } : detail,
  );

const agendaNews = (client: QueryClient, news: AgendaNews) => client.setQueryData(['agenda.news', { meetingId: news.meetingId }], news);

const PLACEMENTS: Partial<Record<Method, Placement>> = {
  'agenda.markSeen': agendaNews,
  'meetings.update': meeting,
  'meetings.markAgendaSent': meeting,
  'agenda.moveItem': meeting,
  'agenda.removeItem': meeting,
  'run.start': meeting,
  'run.goTo': meeting,
  'run.end': meeting,
  'run.showConfidential': meeting,
  'run.takeMinutes': meeting,
  'run.park': meeting,
  'run.toAction': meeting,
  'decisions.saveDraft': decisionDraft,
  'decisions.record': recordedDecision,
  'agenda.updateItem': item,
  'agenda.confirmForvarsel': item,
  'agenda.recordConsent': item,
  'agenda.consent': consents,
  'run.timer': item,
  'run.saveNotes': item,
  'run.setProcess': item,
  'run.tickRound': item,
  'run.setCyclePhase': item,
  'forums.create': forum,
  'forums.update': forum,
  'forums.updateGroundRules': forum,
  'forums.updateColour': forum,
  'referat.approve': referat,
  'referat.newVersion': referat,
  'listening.markHeld': listeningMeeting,
  'listening.removeInput': listeningMeeting,
  'listening.addInput': listeningNewInput,
  'listening.updateInput': listeningInput,
  'listening.sortInput': listeningInput,
  'listening.setInputThemes': listeningInput,
  'listening.sendInput': listeningInput,
};

export function placeAnswer<M extends Method>(client: QueryClient, method: M, answer: MethodResult<M>): void {
  // The table pairs each method with the placement for its answer's type; TypeScript cannot see it through the union.
  PLACEMENTS[method]?.(client, answer as never);
}
