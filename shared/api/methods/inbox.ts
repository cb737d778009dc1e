import type { ForumKind } from '../../domain/forums';
import { entityId, colourKey, input, itemType, optionalText, requiredText, wholeMinutes } from '../fields';
import { LIMITS } from '../limits';
import { read, write } from '../spec';
import { BESLUTNING_NEEDS_COLOUR } from './agenda';

/**
 * Inboxes (docs/server.md «Indbakker»): an input sent from outside a shared forum (a lyttemøde's input to a
 * school's TRIO, a TRIO's item proposed to the praksisforum), and the forum's answer, which goes back to
 * the sender. What is sent is shared text by nature, never confidential content.
 */

/** A forum on the kommune's server that takes input, as the send dialog offers it. */
export interface InboxTarget {
  serverUrl: string;
  forumId: string;
  name: string;
  /** What kind of forum it is, as the server reads it from the forum itself; null when not known (yet). */
  kind: ForumKind | null;
}

export interface InboxTargets {
  targets: InboxTarget[];
  /** Why some server could not be asked (offline); the forums sent to before are still offered. */
  unreachable: string | null;
  /**
   * The forums shared from this archive, which `targets` leaves out (a lyttemøde's input goes onto their
   * agendas directly); a TRIO's item may still be proposed to a praksisforum the user is a member of too.
   */
  own: InboxTarget[];
}

/** The forum's answer to a submission. */
export type InboxAnswer =
  | { outcome: 'optaget'; meetingId: string | null; meetingStartsAt: string | null; itemTitle: string; answeredBy: string; answeredAt: string }
  | { outcome: 'afvist'; reason: string; answeredBy: string; answeredAt: string };

/** One submission as both sides see it: the sender's laptop with its forum, the forum's with its sender. */
export interface InboxSubmission {
  id: string;
  forumId: string;
  forumName: string;
  senderName: string;
  title: string;
  text: string;
  /** Where it came from, in words (a lyttemøde's school and day; a TRIO's meeting). */
  origin: string;
  sentAt: string;
  /** On the sender's laptop: the lyttemøde input it came from. */
  listeningInputId: string | null;
  /** On the sender's laptop: the agenda item it proposes (a TRIO's item proposed to the praksisforum). */
  agendaItemId: string | null;
  answer: InboxAnswer | null;
}

const agendaFields = {
  title: requiredText('Punktets titel', LIMITS.title),
  type: itemType,
  announcedColour: colourKey.nullable().default(null),
  minutes: wholeMinutes('Punktets tid', LIMITS.itemMinutes),
};

export const inboxMethods = {
  /** The kommune's shared forums that take input, from every server this laptop is on (and those sent to before). */
  'inbox.targets': read<InboxTargets>()(input({})),
  /**
   * Sends a lyttemøde input to a forum's inbox on the kommune's server. It is saved at once and goes to the
   * server when the laptop is connected; offline it waits.
   */
  'inbox.send': write<InboxSubmission>()(
    input({
      inputId: entityId('Inputtet'),
      serverUrl: requiredText('Serverens adresse', LIMITS.shortText),
      forumId: entityId('Forummet'),
      forumName: requiredText('Forummets navn', LIMITS.name),
      title: requiredText('Titlen', LIMITS.title),
    }),
  ),
  /**
   * Proposes an agenda item of a shared TRIO to a praksisforum's inbox, with the title and text the member
   * chose. A confidential item is never proposed. Saved at once; it goes to the server when connected.
   */
  'inbox.propose': write<InboxSubmission>()(
    input({
      itemId: entityId('Punktet'),
      serverUrl: requiredText('Serverens adresse', LIMITS.shortText),
      forumId: entityId('Forummet'),
      forumName: requiredText('Forummets navn', LIMITS.name),
      title: requiredText('Titlen', LIMITS.title),
      text: optionalText('Teksten', LIMITS.longText, 'many'),
    }),
  ),
  /** What this laptop has sent to other forums' inboxes, with each answer. */
  'inbox.sent': read<InboxSubmission[]>()(input({})),
  /** A shared forum's inbox: what others sent to it, answered or not. */
  'inbox.list': read<InboxSubmission[]>()(input({ forumId: entityId('Forummet') })),
  /** Puts a submission on a coming meeting's agenda (a late item when the agenda was sent); the sender is told. */
  'inbox.accept': write<InboxSubmission>()(
    input({ submissionId: entityId('Indsendelsen'), meetingId: entityId('Mødet'), ...agendaFields }).superRefine((item, ctx) => {
      if (item.type === 'beslutning' && item.announcedColour === null) {
        ctx.addIssue({ code: 'custom', path: ['announcedColour'], message: BESLUTNING_NEEDS_COLOUR });
      }
    }),
  ),
  /** Declines a submission with a reason, which goes back to the sender. */
  'inbox.decline': write<InboxSubmission>()(
    input({ submissionId: entityId('Indsendelsen'), reason: requiredText('Begrundelsen', LIMITS.longText, 'many') }),
  ),
} as const;
