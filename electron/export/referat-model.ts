/**
 * What the referat and staff-summary builders need, resolved by the service layer (names, Danish
 * labels, colours), so the builders only lay out text and never read the archive.
 */
import type { ColourDefinition } from '../../shared/domain/colours';
import type { Variant } from '../../shared/domain/variant';
import type { AgendaParticipant, ItemNorm, ItemSagLine } from './dagsorden-model';

export interface ReferatFairProces {
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

export interface ReferatDecision {
  outcome: 'beslutning' | 'afklaring_uden_enighed';
  text: string;
  decidedBy: string;
  /** The colour actually used; differs from the announced one only with a reason. */
  colour: ColourDefinition | null;
  colourReason: string;
  fair: ReferatFairProces;
  dissents: ReferatDissent[];
}

/** One dissent as a document states it: its kind, who by role (and name in the referat), its words verbatim. */
export interface ReferatDissent {
  /** 'Dissens' or 'Mindretalsudtalelse'. */
  kind: string;
  /** E.g. «TR (pædagoger), Hanne Berg»; '' when the words themselves say who (carried from the old free text). */
  by: string;
  text: string;
}

export interface ReferatItem {
  number: number;
  title: string;
  typeLabel: string;
  owner: string;
  announcedColour: ColourDefinition | null;
  confidential: boolean;
  /** The short summary written during the meeting. */
  summary: string;
  /** Danish note when the item did not end normally, e.g. "Parkeret til næste møde"; '' otherwise. */
  outcomeNote: string;
  /** The item where «Opfølgning fra sidst» is gone through: the follow-up table stands under it. */
  listsFollowUp: boolean;
  decision: ReferatDecision | null;
  /** When forvarsel was given and who consented to a late item, or that it is missing. */
  norms?: ItemNorm[];
  sag?: ItemSagLine | null;
}

export interface ReferatAction {
  what: string;
  who: string;
  /** 'YYYY-MM-DD' */
  due: string | null;
  /** Danish label: 'Åben', 'Udført' … */
  status: string;
  /** 'Kort sigt' or 'Langt sigt'. */
  term: string;
  /** The item it came from; null for actions on the meeting as a whole. */
  itemNumber: number | null;
  /** True when it came from a confidential item: marked in the full referat (the shared one never has it). */
  confidential: boolean;
}

export interface ReferatVersionInfo {
  /** 1, 2, … */
  number: number;
  /** 'udkast' until the co-owners approve; an approved referat is locked. */
  status: 'udkast' | 'godkendt';
  approvedAt: string | null;
  approvedBy: { name: string; role: string }[];
  /** Earlier changes, visible to all: when, why, and what changed. */
  history: { version: number; at: string; note: string; changes: string[] }[];
}

export interface ReferatDocument {
  /** 'delt' is shared with staff and built from the shared view; 'fuld' is marked FORTROLIGT. */
  variant: Variant;
  version: ReferatVersionInfo;
  forumName: string;
  forumKindLabel: string;
  school: string;
  title: string;
  /** Local time, 'YYYY-MM-DDTHH:mm'. */
  startsAt: string;
  durationMinutes: number;
  place: string;
  purpose: string;
  participants: AgendaParticipant[];
  /** "Opfølgning fra sidst": the actions brought into this meeting, with their status now and their history. */
  followUp: ReferatFollowUp[];
  /** "Udført siden sidst": actions done between the previous meeting and this one. */
  doneSinceLast: ReferatFollowUp[];
  items: ReferatItem[];
  actions: ReferatAction[];
  nextMeeting: { startsAt: string; place: string } | null;
  checkout: { question: string; answers: { label: string; count: number }[] }[];
  colours: ColourDefinition[];
}

/** A followed-up action with its dated history, oldest first: «2. december 2026: Ikke løst: Virker stadig ikke». */
export interface ReferatFollowUp extends ReferatAction {
  history: string[];
}

/** The decisions and what they mean for staff, grouped by colour; never a confidential item. */
export interface StaffSummary {
  forumName: string;
  school: string;
  title: string;
  startsAt: string;
  groups: {
    colour: ColourDefinition;
    decisions: { title: string; text: string; forStaff: string; dissents: ReferatDissent[] }[];
  }[];
  /** Actions staff should know about (not from confidential items). */
  actions: { what: string; who: string; due: string | null }[];
}
