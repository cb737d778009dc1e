import * as z from 'zod';
import { colourKey, entityId, flag, input, itemType, optionalText, requiredText, wholeMinutes } from '../fields';
import { LIMITS } from '../limits';
import { read, write } from '../spec';
import type { ItemTypeDefinition } from '../../domain/items';
import type { AgendaItem, MeetingDetail } from '../types';

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
  'agenda.recordConsent': write<AgendaItem>()(
    input({ itemId: entityId('Punktet'), consentBy: requiredText('Hvem gav samtykke', LIMITS.name) }),
  ),

  'itemTypes.list': read<ItemTypeDefinition[]>()(input({})),
  'itemTypes.create': write<ItemTypeDefinition>()(input({ label: requiredText('Punkttypens navn', 40) })),
} as const;
