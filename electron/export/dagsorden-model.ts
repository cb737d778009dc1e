/**
 * What the dagsorden builder needs, already resolved by the service layer (names, Danish labels, start
 * times), so the builder only lays out text and never reads the archive.
 */
import type { ColourDefinition } from '../../shared/domain/colours';
import type { Variant } from '../../shared/domain/variant';

export interface AgendaParticipant {
  name: string;
  /** The "kasket" the person wears in this forum, e.g. 'TR (lærere)'. */
  role: string;
  status: 'deltager' | 'afbud';
  facilitator: boolean;
  referent: boolean;
}

/** An open action from an earlier meeting ("Opfølgning fra sidst"). */
export interface AgendaFollowUp {
  what: string;
  who: string;
  /** 'YYYY-MM-DD' */
  due: string | null;
  /** Danish label, e.g. 'Åben', 'I gang'. */
  status: string;
  /** Its dated notes, oldest first, so a problem not yet solved shows its way so far. */
  history: string[];
}

/** Forvarsel or late-item consent, given (when, by whom) or missing; a missing one is flagged in the document. */
export interface ItemNorm {
  text: string;
  missing: boolean;
}

/** The sag an item is part of, with the sag's earlier steps already written as one line. */
export interface ItemSagLine {
  title: string;
  earlier: string;
}

export interface AgendaItem {
  number: number;
  title: string;
  typeLabel: string;
  owner: string;
  minutes: number;
  /** 'HH.mm' */
  startTime: string;
  /** The decision colour announced with the item, so nobody expects more influence than they get. */
  colour: ColourDefinition | null;
  background: string;
  /** Announced with the colour: what is given, and what is up for discussion; '' when not said. */
  announcedGiven?: string;
  announcedOpen?: string;
  confidential: boolean;
  /** The item where «Opfølgning fra sidst» is gone through: the follow-up table stands under it. */
  listsFollowUp: boolean;
  /** Only in the full version: the version sent out says nothing about who was briefed or consented. */
  norms?: ItemNorm[];
  sag?: ItemSagLine | null;
}

export interface AgendaDocument {
  /**
   * 'delt' is the agenda sent out to the participants and staff: confidential items keep only their
   * number, type, time box and start time. 'fuld' is for the co-owners, marked FORTROLIGT.
   */
  variant: Variant;
  forumName: string;
  forumKindLabel: string;
  school: string;
  title: string;
  /** Local time, 'YYYY-MM-DDTHH:mm'. */
  startsAt: string;
  durationMinutes: number;
  place: string;
  /** May be ''. */
  purpose: string;
  participants: AgendaParticipant[];
  followUp: AgendaFollowUp[];
  /** «Udført siden sidst»: done between the previous meeting and this one. */
  doneSinceLast: AgendaFollowUp[];
  items: AgendaItem[];
  /** The forum's colour model, for the legend. */
  colours: ColourDefinition[];
}
