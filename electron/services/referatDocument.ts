import { ACTION_STATUS_LABELS } from '../../shared/domain/actions';
import { CHECKOUT_QUESTIONS, SCALE, SCALE_LABELS } from '../../shared/domain/checkout';
import { followUpItemId } from '../../shared/domain/items';
import { meetingHeader } from './documentHeader';
import type { Action, AgendaItem, FollowUpAction, ReferatState } from '../../shared/api/types';
import type { ReferatMeeting } from '../../shared/domain/referatSnapshot';
import type { Variant } from '../../shared/domain/variant';
import type { ItemSagLine } from '../export/dagsorden-model';
import type { ReferatAction, ReferatDissent, ReferatDocument, ReferatFollowUp, ReferatItem, StaffSummary } from '../export/referat-model';
import { historyLines } from './followUp';
import { itemNorms } from './itemRecord';
import { dissentBy, dissentKind, type Dissent } from '../../shared/domain/dissent';

const OUTCOME_NOTE: Partial<Record<AgendaItem['runState'], string>> = {
  parkeret: 'Parkeret til næste møde.',
  handling: 'Resten af punktet blev til en handling.',
};

function referatAction(action: Action, items: readonly AgendaItem[]): ReferatAction {
  const item = items.find((i) => i.id === action.itemId);
  return {
    what: action.what,
    who: action.who,
    due: action.due,
    status: action.status === 'droppet' && action.dropReason ? `${ACTION_STATUS_LABELS.droppet}: ${action.dropReason}` : ACTION_STATUS_LABELS[action.status],
    term: action.term === 'kort' ? 'Kort sigt' : 'Langt sigt',
    itemNumber: item?.position ?? null,
    confidential: action.confidential,
  };
}

/** The action with its notes as dated lines. */
function referatFollowUp(action: FollowUpAction): ReferatFollowUp {
  const history = historyLines(action);
  // The reason stands in the history (a dropped action's note is its reason); the status column keeps to the word.
  const reason = action.status === 'droppet' && action.dropReason && !history.some((line) => line.includes(action.dropReason ?? '')) ? [`Begrundelse: ${action.dropReason}`] : [];
  return { ...referatAction(action, []), status: ACTION_STATUS_LABELS[action.status], history: [...history, ...reason] };
}

/** The referat names who (role first); staff read it by role only, as the decision's own words do. */
function referatDissents(dissents: readonly Dissent[], withName: boolean): ReferatDissent[] {
  return dissents.map((d) => ({ kind: dissentKind(d), by: dissentBy(d, withName), text: d.text }));
}

function referatItem(item: AgendaItem, meeting: ReferatMeeting, followUpItem: string | null, sager: ReadonlyMap<string, ItemSagLine>): ReferatItem {
  const colourOf = (key: string | null) => meeting.forumColours.find((c) => c.key === key) ?? null;
  const { decision } = item;
  return {
    number: item.position,
    title: item.title,
    typeLabel: meeting.itemTypes.find((t) => t.key === item.type)?.label ?? item.type,
    owner: item.owner,
    announcedColour: colourOf(item.announcedColour),
    confidential: item.confidential,
    summary: item.notes,
    outcomeNote: OUTCOME_NOTE[item.runState] ?? '',
    listsFollowUp: item.id === followUpItem,
    norms: itemNorms(item),
    sag: sager.get(item.id) ?? null,
    decision: decision && {
      outcome: decision.outcome,
      text: decision.text,
      decidedBy: decision.decidedBy,
      colour: colourOf(decision.colour),
      colourReason: decision.colourReason,
      dissents: referatDissents(decision.dissents, true),
      fair: {
        involveContext: decision.involveContext,
        involveNeed: decision.involveNeed,
        involveHow: decision.involveHow,
        explainReasoning: decision.explainReasoning,
        explainCompromises: decision.explainCompromises,
        explainConstraints: decision.explainConstraints,
        expectGiven: decision.expectGiven,
        expectOpen: decision.expectOpen,
        expectOfWhom: decision.expectOfWhom,
      },
    },
  };
}

export interface ReferatContext {
  state: ReferatState;
  /** The forum's next meeting after this one, if planned. */
  nextMeeting: { startsAt: string; place: string } | null;
  /** Actions brought into this meeting from earlier ones, with their status now and their notes. */
  followUp: FollowUpAction[];
  /** Actions done between the forum's previous meeting and this one. */
  doneSinceLast: FollowUpAction[];
}

/** Resolves everything the referat builder needs from the meeting (or its approved snapshot). */
export function referatDocument(
  meeting: ReferatMeeting,
  context: ReferatContext,
  variant: Variant,
  sager: ReadonlyMap<string, ItemSagLine> = new Map(),
): ReferatDocument {
  const latest = context.state.versions.at(-1);
  const actions = [...meeting.items.flatMap((i) => i.actions), ...meeting.otherActions];
  const followUpItem = followUpItemId(meeting.items);
  return {
    variant,
    version: {
      number: latest?.number ?? 1,
      status: latest?.status ?? 'udkast',
      approvedAt: latest?.approvedAt ?? null,
      approvedBy: latest?.status === 'godkendt' ? latest.approvals.map((a) => ({ name: a.name, role: a.role })) : [],
      history: context.state.versions
        .filter((v) => v.number > 1)
        .map((v) => ({ version: v.number, at: v.approvedAt ?? v.createdAt, note: v.changeNote, changes: v.changes.map((c) => c.text) })),
    },
    ...meetingHeader(meeting),
    followUp: context.followUp.map(referatFollowUp),
    doneSinceLast: context.doneSinceLast.map(referatFollowUp),
    items: meeting.items.map((item) => referatItem(item, meeting, followUpItem, sager)),
    actions: actions.map((a) => referatAction(a, meeting.items)),
    nextMeeting: context.nextMeeting,
    checkout: meeting.checkout
      .filter((q) => SCALE.some((a) => q.tallies[a] > 0))
      .map((q) => ({
        question: CHECKOUT_QUESTIONS[q.questionIndex] ?? q.question,
        answers: SCALE.map((a) => ({ label: SCALE_LABELS[a], count: q.tallies[a] })),
      })),
    colours: meeting.forumColours,
  };
}

/** The decisions for staff, grouped by colour in the forum's order, from the meeting's shared view. */
export function staffSummary(meeting: ReferatMeeting): StaffSummary {
  return {
    forumName: meeting.forumName,
    school: meeting.school,
    title: meeting.title,
    startsAt: meeting.startsAt,
    groups: meeting.forumColours
      .map((colour) => ({
        colour,
        decisions: meeting.items
          .filter((i) => i.decision?.colour === colour.key && i.decision.outcome === 'beslutning')
          .map((i) => ({
            title: i.title,
            text: i.decision?.text ?? '',
            forStaff: i.decision?.expectOfWhom ?? '',
            dissents: referatDissents(i.decision?.dissents ?? [], false),
          })),
      }))
      .filter((g) => g.decisions.length > 0),
    actions: [...meeting.items.flatMap((i) => i.actions), ...meeting.otherActions].map((a) => ({ what: a.what, who: a.who, due: a.due })),
  };
}
