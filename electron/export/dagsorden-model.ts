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
  confidential: boolean;
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
