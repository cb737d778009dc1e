import type { Cadence } from '../domain/cadence';
import type { ColourDefinition, ColourKey } from '../domain/colours';
import type { Dissent } from '../domain/dissent';
import type { ForumKind } from '../domain/forums';
import type { ItemType, ItemTypeDefinition } from '../domain/items';
import type { ScaleAnswer } from '../domain/checkout';
import type { ProcessKind } from '../domain/prompts';
import type { YearPlan } from '../domain/yearPlan';
import type { ConsentKind } from '../sync/personKeys';
import type { FromListening } from './listeningTypes';

/** What the services return. Dates are ISO strings; meeting times are local wall-clock 'YYYY-MM-DDTHH:mm'. */

export interface ForumSummary {
  id: string;
  kind: ForumKind;
  name: string;
  school: string;
  demo: boolean;
  meetingCount: number;
  nextMeetingAt: string | null;
}

export interface GroundRulesVersion {
  version: number;
  text: string;
  /** Why the forum changed them; empty for the first version. */
  note: string;
  changedAt: string;
}

/** A person holding a role in a forum for a period; a replaced TR keeps the history. */
export interface ForumMember {
  id: string;
  personId: string;
  name: string;
  role: string;
  fromDate: string;
  toDate: string | null;
  agendaOwner: boolean;
  chair: boolean;
}

export interface ForumTheme {
  id: string;
  month: number;
  title: string;
}

export interface Forum {
  id: string;
  kind: ForumKind;
  name: string;
  school: string;
  purpose: string;
  /** Kommissorium. */
  mandate: string;
  /** Forståelsespapir. */
  understanding: string;
  cadence: Cadence;
  defaultMinutes: number;
  defaultPlace: string;
  /** The forum has agreed that every action gets a deadline. */
  requireActionDue: boolean;
  demo: boolean;
  createdAt: string;
  colours: ColourDefinition[];
  /** Newest first; the first entry is in force. */
  groundRules: GroundRulesVersion[];
  members: ForumMember[];
  themes: ForumTheme[];
}

export type MeetingStatus = 'planlagt' | 'afholdt';

export interface MeetingSummary {
  id: string;
  forumId: string;
  forumName: string;
  title: string;
  startsAt: string;
  durationMinutes: number;
  place: string;
  status: MeetingStatus;
  itemCount: number;
  /** Where the referat stands: null before anyone has started approving it. */
  referatStatus: 'udkast' | 'godkendt' | null;
}

/** One page of the meeting list, newest first, with the number of meetings in all. */
export interface MeetingPage {
  rows: MeetingSummary[];
  total: number;
}

/** What the Oversigt shows of meetings: the next few, and the referater awaiting approval, bounded. */
export interface MeetingOverview {
  upcoming: MeetingSummary[];
  /** The longest waiting first. */
  awaitingApproval: MeetingSummary[];
  awaitingApprovalCount: number;
}

export type DecisionOutcome = 'beslutning' | 'afklaring_uden_enighed';

/** Fair Proces: how others were involved, what the reasoning was, and what is expected of whom. */
export interface FairProces {
  involveContext: string;
  involveNeed: string;
  involveHow: string;
  explainReasoning: string;
  explainCompromises: string;
  explainConstraints: string;
  expectGiven: string;
  expectOpen: string;
  expectOfWhom: string;
}

export interface Decision extends FairProces {
  id: string;
  itemId: string;
  outcome: DecisionOutcome;
  colour: ColourKey;
  /** Why the colour used differs from the one announced; empty when it does not. */
  colourReason: string;
  text: string;
  /** Who decides (e.g. "Skolelederen", "TRIO'en i fællesskab"). */
  decidedBy: string;
  /** Dissent and mindretalsudtalelser, each verbatim and attributed by role, in the order they were given. */
  dissents: Dissent[];
  recordedAt: string;
  /** Set when the decision was read back to the room and confirmed; a draft until then. */
  finalAt: string | null;
}

export type { Dissent };

/** A dissent as the panel sends it: the record without its id. */
export type DissentInput = Omit<Dissent, 'id'>;

/** What the decision panel holds for an item before the decision is recorded: its fields as typed. */
export interface DecisionDraft extends FairProces {
  itemId: string;
  outcome: DecisionOutcome;
  /** Null while no colour is chosen (an item announced without one). */
  colour: ColourKey | null;
  colourReason: string;
  text: string;
  decidedBy: string;
  /** As typed; a record gets its id when the decision is recorded. */
  dissents: DissentInput[];
  savedAt: string;
}

export type ActionStatus = 'aaben' | 'igang' | 'udfoert' | 'forsinket' | 'droppet';
export type ActionTerm = 'kort' | 'lang';

export interface Action {
  id: string;
  forumId: string;
  meetingId: string | null;
  itemId: string | null;
  term: ActionTerm;
  what: string;
  who: string;
  due: string | null;
  status: ActionStatus;
  createdAt: string;
  /** Why the action was dropped; null unless status is 'droppet'. */
  dropReason: string | null;
  /** The action this one was split from; null for an action agreed as it is. */
  parentActionId: string | null;
  /**
   * Agreed under a confidential item (or split from such an action): left out of everything shared,
   * also after the item is removed.
   */
  confidential: boolean;
}

/** A row of the actions overview: an action with where it came from and whether it is overdue. */
export interface ActionListRow extends OpenAction {
  /** Open and past its deadline (today in local time). */
  overdue: boolean;
  meetingTitle: string | null;
  meetingStartsAt: string | null;
  /** How many smaller actions it was split into. */
  childCount: number;
}

export interface ActionPage {
  rows: ActionListRow[];
  /** More rows after this page. */
  more: boolean;
}

/** A dated status update between meetings. */
/** Whether the problem behind a followed-up action is solved; «ikke løst» keeps it on the next agenda. */
export type ProblemResolution = 'loest' | 'ikke_loest';

export interface ActionNote {
  id: string;
  actionId: string;
  note: string;
  statusFrom: ActionStatus;
  statusTo: ActionStatus;
  createdAt: string;
  /** The meeting it was written in, under «Opfølgning fra sidst»; null for a note between meetings. */
  meetingId: string | null;
  /** Said when the action was followed up; null when the note says nothing about it. */
  resolution: ProblemResolution | null;
}

export interface AgendaItem {
  id: string;
  meetingId: string;
  position: number;
  title: string;
  type: ItemType;
  minutes: number;
  announcedColour: ColourKey | null;
  owner: string;
  background: string;
  /** Announced while preparing (Fair Proces): what is given and cannot be changed here; '' when nothing is. */
  announcedGiven: string;
  /** Announced while preparing: what is up for discussion, where the room has influence; '' when not said. */
  announcedOpen: string;
  /** Lukket punkt: only "Lukket punkt" reaches the versions that are sent out. */
  confidential: boolean;
  /** Needs forvarsel: the other party must be briefed before the meeting. */
  sensitive: boolean;
  forvarselAt: string | null;
  forvarselNote: string;
  /** Put on the agenda after it was sent out; needs the co-owner's consent. */
  addedLate: boolean;
  consentBy: string;
  consentAt: string | null;
  /** Short summary written during the meeting: outcomes, not a transcript. */
  notes: string;
  process: ProcessKind | null;
  /** Participants who have had their turn in the round (person ids). */
  roundDone: string[];
  /** Index of the current phase when the process is a cycle. */
  cyclePhase: number;
  /** Seconds used while the timer was stopped; add the time since timerStartedAt while it runs. */
  timerElapsed: number;
  timerStartedAt: string | null;
  runState: ItemRunState;
  carriedFromItemId: string | null;
  /** Set when the item was sent on from a lyttemøde: the input it came from, so the meeting can link back. */
  fromListening: FromListening | null;
  decision: Decision | null;
  actions: Action[];
  /** The sag the item is part of across meetings and forums; null when it stands alone. */
  sag: ItemSag | null;
}

/** A sag as an item or a decision names it. */
export interface SagRef {
  id: string;
  title: string;
}

export interface ItemSag extends SagRef {
  /** Items in the sag, this one included. */
  itemCount: number;
}

export type ItemRunState = 'kommende' | 'igang' | 'faerdig' | 'parkeret' | 'handling';
export type RunPhase = 'ikke_startet' | 'saet_scenen' | 'punkt' | 'checkout' | 'afsluttet';

export interface RunState {
  phase: RunPhase;
  currentItemId: string | null;
  /** The facilitator chose to show confidential content on the projector. */
  presenterConfidential: boolean;
  /** The item whose decision is being read back to the room. */
  readbackItemId: string | null;
}

export interface CheckoutResult {
  questionIndex: number;
  question: string;
  tallies: Record<ScaleAnswer, number>;
}

export interface ProcessCycle {
  name: string;
  phases: { title: string; hint: string }[];
}

export interface Participant {
  personId: string;
  name: string;
  /** The "kasket" the person came in. */
  role: string;
  attendance: 'deltager' | 'afbud';
  facilitator: boolean;
  referent: boolean;
}

export interface MeetingDetail extends MeetingSummary {
  purpose: string;
  agendaSentAt: string | null;
  school: string;
  forumKind: ForumKind;
  forumColours: ColourDefinition[];
  itemTypes: ItemTypeDefinition[];
  participants: Participant[];
  /**
   * "Opfølgning fra sidst": the forum's actions from earlier meetings that were open when this meeting
   * began, also those followed up and closed in it.
   */
  followUp: FollowUpAction[];
  /** "Udført siden sidst": actions done between the forum's previous meeting and this one. */
  doneSinceLast: FollowUpAction[];
  /** Actions agreed in this meeting that belong to no single item. */
  otherActions: Action[];
  items: AgendaItem[];
  plannedMinutes: number;
  groundRules: string;
  run: RunState;
  checkout: CheckoutResult[];
  cycle: ProcessCycle;
  /** The server's clock when this was read, so timers agree across windows. */
  serverNow: string;
}

/** Only what the room needs on the projector; confidential content is left out unless chosen. */
export interface PresenterView {
  meetingId: string;
  meetingTitle: string;
  forumName: string;
  phase: RunPhase;
  purpose: string;
  item: {
    position: number;
    itemCount: number;
    title: string;
    typeLabel: string;
    colour: ColourDefinition | null;
    minutes: number;
    timerElapsed: number;
    timerStartedAt: string | null;
    process: ProcessKind | null;
    hidden: boolean;
    /** What the item announced as given and as up for discussion; '' for a hidden item. */
    announcedGiven: string;
    announcedOpen: string;
  } | null;
  readback: {
    text: string;
    outcome: DecisionOutcome;
    colour: ColourDefinition | null;
    /** Each dissent on its line with its kind and who, or '' when there is none. */
    dissent: string;
  } | null;
  colours: ColourDefinition[];
  serverNow: string;
}

export interface RegisteredDecision extends Decision {
  meetingId: string;
  meetingTitle: string;
  meetingStartsAt: string;
  forumId: string;
  forumName: string;
  itemTitle: string;
  announcedColour: ColourKey | null;
  /** The forum's own definition of the colour used (forums may edit labels and meanings). */
  colourDefinition: ColourDefinition;
  /** The sag the decided item is part of, so the register can open its timeline. */
  sag: SagRef | null;
}

export interface OpenAction extends Action {
  forumName: string;
  itemTitle: string | null;
}

/** An action under «Opfølgning fra sidst» or «Udført siden sidst», with its dated notes, oldest first. */
export interface FollowUpAction extends OpenAction {
  history: ActionNote[];
}

export interface AppInfo {
  version: string;
  archivePath: string;
  schemaVersion: number;
}

/** A generated document, handed to the user's own save dialog (browser download or Electron's). */
export interface GeneratedDocument {
  fileName: string;
  mimeType: string;
  base64: string;
}

/**
 * A Word file read back as HTML (headings, paragraphs, tables, bold and italics, and classes for the
 * document's own styles), so the app shows exactly the text and order of the file it would export.
 */
export interface DocumentPreview {
  fileName: string;
  html: string;
}

export type { YearPlan };

export interface ReferatApproval {
  personId: string;
  name: string;
  role: string;
  approvedAt: string;
}

/** One line of what changed between two versions; a line about a confidential item stays confidential. */
export interface ReferatChange {
  text: string;
  confidential: boolean;
}

export interface ReferatVersionSummary {
  number: number;
  status: 'udkast' | 'godkendt';
  createdAt: string;
  approvedAt: string | null;
  /** Why this version was started; empty for the first. */
  changeNote: string;
  /** What changed compared with the version before, in words. */
  changes: ReferatChange[];
  approvals: ReferatApproval[];
}

/** Where the referat of a meeting stands: who must approve, who has, and every version so far. */
export interface ReferatState {
  meetingId: string;
  /** The co-owners (the forum's agenda owners on the day) who approve the referat. */
  coOwners: { personId: string; name: string; role: string }[];
  /**
   * Who approves on this laptop: in a shared forum the person this laptop is (each co-owner approves on their
   * own); null in a forum that is not shared, where any co-owner's approval is recorded here.
   */
  me: string | null;
  /** The forum is shared: each co-owner approves only on their own laptop. */
  shared: boolean;
  /** Newest last; the last one is the one in force or being worked on. */
  versions: ReferatVersionSummary[];
  /** True when the newest version is approved: the meeting's content can then only change in a new version. */
  locked: boolean;
}

/** A late item's consent (`sent`) or a sensitive item's forvarsel confirmed by the other side (`forvarsel`). */
export type { ConsentKind };

export interface ConsentGiven {
  personId: string;
  name: string;
  givenAt: string;
}

/** Who has given one kind of consent to an item, and whom it still waits for. */
export interface ConsentRound {
  given: ConsentGiven[];
  awaited: { personId: string; name: string }[];
  /** Everyone who must has given it. */
  complete: boolean;
}

/** Per person, for each item of a meeting: consent to a late item and confirmation of a forvarsel. */
export interface ItemConsents {
  itemId: string;
  sent: ConsentRound;
  forvarsel: ConsentRound;
}

export interface MeetingConsents {
  meetingId: string;
  /** The forum is shared: each gives their own consent on their own laptop. */
  shared: boolean;
  /** The person this laptop is in a shared forum, who consents here only for themselves; null when the forum is not shared. */
  me: string | null;
  /** True when this laptop may only read the forum. */
  readOnly: boolean;
  items: ItemConsents[];
}

export interface ImportSummary {
  forums: number;
  meetings: number;
  /** Rows written for the first time. */
  added: number;
  /** Rows that were already there, identical or updated from the file. */
  alreadyPresent: number;
  /**
   * Items in the file that need forvarsel or a late item's consent and do not have it, one Danish sentence
   * each, so the importer sees at once what to see to before the meeting.
   */
  unmetNorms: string[];
  /**
   * One Danish sentence per shared forum the file touched: such a forum is merged with, not overwritten
   * (docs/udveksling.md, «Et delt forum»). Empty when the file touches no shared forum.
   */
  merged: string[];
}
