import type { Cadence } from '../domain/cadence';
import type { ColourDefinition, ColourKey } from '../domain/colours';
import type { ForumKind } from '../domain/forums';
import type { ItemType, ItemTypeDefinition } from '../domain/items';
import type { YearPlan } from '../domain/yearPlan';

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
}

export interface Decision {
  id: string;
  itemId: string;
  colour: ColourKey;
  /** Why the colour used differs from the one announced; empty when it does not. */
  colourReason: string;
  text: string;
  /** Dissent or mindretalsudtalelse, verbatim and attributed by role; empty when there was none. */
  dissent: string;
  recordedAt: string;
}

export type ActionStatus = 'aaben' | 'udfoert';

export interface Action {
  id: string;
  forumId: string;
  itemId: string | null;
  what: string;
  who: string;
  due: string | null;
  status: ActionStatus;
  createdAt: string;
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
  decision: Decision | null;
  actions: Action[];
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
  /** Open actions from the forum's earlier meetings: "Opfølgning fra sidst". */
  followUp: OpenAction[];
  items: AgendaItem[];
  plannedMinutes: number;
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
}

export interface OpenAction extends Action {
  forumName: string;
  itemTitle: string | null;
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

export type { YearPlan };
