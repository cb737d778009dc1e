import * as z from 'zod';
import { colourKey, entityId, flag, input, itemType, optionalText, requiredText, wholeMinutes } from '../fields';
import { LIMITS } from '../limits';
import { CONSENT_KINDS } from '../../sync/personKeys';
import { read, write } from '../spec';
import type { ItemTypeDefinition } from '../../domain/items';
import type { AgendaItem, MeetingConsents, MeetingDetail } from '../types';

export const BESLUTNING_NEEDS_COLOUR =
  'Et beslutningspunkt skal have en varslet farve, så alle ved, hvor meget indflydelse der er.';

const itemFields = {
  title: requiredText('Punktets titel', LIMITS.title),
  type: itemType,
  minutes: wholeMinutes('Tidsrammen', LIMITS.itemMinutes),
  announcedColour: colourKey.nullable().default(null),
  owner: optionalText('Ansvarlig', LIMITS.name),
  background: optionalText('Baggrund', LIMITS.longText, 'many'),
  announcedGiven: optionalText('Det givne', LIMITS.longText, 'many'),
  announcedOpen: optionalText('Det, der er til diskussion', LIMITS.longText, 'many'),
  confidential: flag('Lukket punkt'),
  sensitive: flag('Kræver forvarsel'),
};

/** A beslutning without an announced colour invites a skinproces; the message names the field. */
function colourRequiredForBeslutning(item: { type: string; announcedColour: string | null }, ctx: z.RefinementCtx): void {
  if (item.type === 'beslutning' && item.announcedColour === null) {
    ctx.addIssue({ code: 'custom', path: ['announcedColour'], message: BESLUTNING_NEEDS_COLOUR });
  }
}

export const agendaMethods = {
  'agenda.addItem': write<AgendaItem>()(
    input({ meetingId: entityId('Mødet'), ...itemFields }).superRefine(colourRequiredForBeslutning),
  ),
  'agenda.updateItem': write<AgendaItem>()(
    input({ itemId: entityId('Punktet'), ...itemFields }).superRefine(colourRequiredForBeslutning),
  ),
  'agenda.moveItem': write<MeetingDetail>()(
    input({
      itemId: entityId('Punktet'),
      toPosition: z
        .number({ error: 'Den nye plads skal være et nummer.' })
        .int({ error: 'Den nye plads skal være et helt nummer.' })
        .min(1, { error: 'Den nye plads skal være mindst 1.' })
        .max(500, { error: 'Den nye plads er uden for dagsordenen.' }),
    }),
  ),
  'agenda.removeItem': write<MeetingDetail>()(input({ itemId: entityId('Punktet') })),
  'agenda.confirmForvarsel': write<AgendaItem>()(
    input({ itemId: entityId('Punktet'), note: optionalText('Noten om forvarslet', LIMITS.shortText, 'many') }),
  ),
  /** The single-laptop flow: a consent given by phone, recorded under the name typed (a forum that is not shared). */
  'agenda.recordConsent': write<AgendaItem>()(
    input({ itemId: entityId('Punktet'), consentBy: requiredText('Hvem gav samtykke', LIMITS.name) }),
  ),
  /** Who has consented to each item and who is awaited, per person. */
  'agenda.consents': read<MeetingConsents>()(input({ meetingId: entityId('Mødet') })),
  /**
   * A person's consent to a late item (`sent`) or confirmation of a forvarsel, given or withdrawn; in a shared
   * forum only the person this laptop is.
   */
  'agenda.consent': write<MeetingConsents>()(
    input({
      itemId: entityId('Punktet'),
      kind: z.enum(CONSENT_KINDS, { error: 'Vælg samtykke til et sent punkt eller bekræftelse af forvarsel.' }),
      personId: entityId('Personen'),
      given: z.boolean({ error: 'Angiv, om samtykket gives eller trækkes tilbage.' }),
    }),
  ),

  'itemTypes.list': read<ItemTypeDefinition[]>()(input({})),
  'itemTypes.create': write<ItemTypeDefinition>()(input({ label: requiredText('Punkttypens navn', 40) })),
} as const;
