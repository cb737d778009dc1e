import * as z from 'zod';
import {
  cadence,
  colourKey,
  entityId,
  flag,
  forumKind,
  hexColour,
  input,
  localDate,
  month,
  optionalText,
  requiredText,
  wholeMinutes,
} from '../fields';
import { LIMITS } from '../limits';
import { read, write } from '../spec';
import type { Forum, ForumMember, ForumSummary, ForumTheme, YearPlan } from '../types';

const forumFields = {
  name: requiredText('Forummets navn', LIMITS.name),
  school: requiredText('Skole eller kommune', LIMITS.name),
  purpose: optionalText('Formål', LIMITS.longText, 'many'),
  mandate: optionalText('Kommissorium', LIMITS.longText, 'many'),
  understanding: optionalText('Forståelsespapir', LIMITS.longText, 'many'),
  cadence: cadence.default('maanedlig'),
  defaultMinutes: wholeMinutes('Mødernes længde', LIMITS.meetingMinutes).default(90),
  defaultPlace: optionalText('Fast mødested', LIMITS.name),
  requireActionDue: flag('Frist på alle handlinger'),
};

export const forumMethods = {
  'forums.list': read<ForumSummary[]>()(input({})),
  'forums.get': read<Forum>()(input({ forumId: entityId('Forummet') })),
  'forums.create': write<Forum>()(input({ kind: forumKind, ...forumFields })),
  'forums.update': write<Forum>()(input({ forumId: entityId('Forummet'), ...forumFields })),
  'forums.updateGroundRules': write<Forum>()(
    input({
      forumId: entityId('Forummet'),
      text: requiredText('Spillereglerne', LIMITS.longText, 'many'),
      note: optionalText('Begrundelsen for ændringen', LIMITS.shortText, 'many'),
    }),
  ),
  'forums.updateColour': write<Forum>()(
    input({
      forumId: entityId('Forummet'),
      colour: colourKey,
      label: requiredText('Farvens navn', 30),
      code: z
        .string({ error: 'Koden skal være to bogstaver.' })
        .trim()
        .regex(/^\p{L}{2}$/u, { error: 'Koden skal være præcis to bogstaver, fx GU.' })
        .transform((code) => code.toUpperCase()),
      meaning: requiredText('Farvens betydning', LIMITS.shortText, 'many'),
      hex: hexColour,
    }),
  ),
  'forums.yearPlan': read<YearPlan>()(
    input({
      forumId: entityId('Forummet'),
      schoolYearStart: z
        .number({ error: 'Skoleåret skal angives med sit startår.' })
        .int({ error: 'Skoleåret skal angives med sit startår.' })
        .min(2000, { error: 'Skoleåret skal ligge mellem 2000 og 2200.' })
        .max(2200, { error: 'Skoleåret skal ligge mellem 2000 og 2200.' }),
    }),
  ),

  'members.add': write<ForumMember>()(
    input({
      forumId: entityId('Forummet'),
      name: requiredText('Navn', LIMITS.name),
      role: requiredText('Rolle', LIMITS.name),
      fromDate: localDate('Fra-dato'),
      agendaOwner: flag('Dagsordensejer'),
      chair: flag('Mødeleder'),
    }),
  ),
  'members.end': write<ForumMember>()(input({ memberId: entityId('Rollen'), toDate: localDate('Til-dato') })),

  'themes.add': write<ForumTheme>()(
    input({ forumId: entityId('Forummet'), month: month('Måneden'), title: requiredText('Temaet', LIMITS.title) }),
  ),
  'themes.remove': write<{ removed: true }>()(input({ themeId: entityId('Temaet') })),
} as const;
