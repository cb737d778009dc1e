import type { ColourDefinition, ColourKey } from '../domain/colours';
import type { ForumKind } from '../domain/forums';
import type { ItemType } from '../domain/items';

/** What the services return. Dates are ISO strings; meeting times are local wall-clock 'YYYY-MM-DDTHH:mm'. */

export interface ForumSummary {
  id: string;
  kind: ForumKind;
  name: string;
  school: string;
  meetingCount: number;
  nextMeetingAt: string | null;
}

export interface Forum {
  id: string;
  kind: ForumKind;
  name: string;
  school: string;
  purpose: string;
  createdAt: string;
  colours: ColourDefinition[];
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
  decision: Decision | null;
  actions: Action[];
}

export interface MeetingDetail extends MeetingSummary {
  forumColours: ColourDefinition[];
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
