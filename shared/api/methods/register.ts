import * as z from 'zod';
import type { ColourDefinition, ColourKey } from '../../domain/colours';
import { colourKey, entityId, input, localDate, plainText } from '../fields';
import { LIMITS } from '../limits';
import { read } from '../spec';
import type { RegisteredDecision } from '../types';
import { wholeNumber } from '../../wholeNumber';

/** The decision register (beslutningslog): newest first, a page at a time. */
export interface DecisionPage {
  rows: RegisteredDecision[];
  /** More rows follow; ask again with offset = rows read so far. */
  more: boolean;
  /** A Danish sentence when the free text held no word to search for. */
  message?: string;
}

export type ColourCounts = Record<ColourKey, number>;

export interface ChartMonth {
  /** '2026-08' */
  key: string;
  month: number;
  year: number;
  /** Decisions by the colour actually used; 'afklaring uden enighed' is counted in `unresolved` instead. */
  counts: ColourCounts;
  unresolved: number;
  total: number;
}

/** One forum's decisions by colour, month by month through a school year (August–June). */
export interface DecisionChart {
  forumId: string;
  forumName: string;
  schoolYearStart: number;
  /** '2026/27' */
  years: string;
  /** 11 months, August–June; July is the summer holiday and not counted. */
  months: ChartMonth[];
  totals: { counts: ColourCounts; unresolved: number; total: number };
  /** The forum's own wording of its colours. */
  colours: ColourDefinition[];
}

export const REGISTER_PAGE = { default: 50, max: 200, maxOffset: 1_000_000 } as const;

const schoolYearStart = z
  .number({ error: 'Skoleåret skal angives med sit startår.' })
  .int({ error: 'Skoleåret skal angives med sit startår.' })
  .min(2000, { error: 'Skoleåret skal ligge mellem 2000 og 2200.' })
  .max(2200, { error: 'Skoleåret skal ligge mellem 2000 og 2200.' });

/** What narrows the register; the same for a page and for the count of all rows. */
const registerFilters = {
  forumId: entityId('Forummet').optional(),
  colour: colourKey.optional(),
  from: localDate('Fra-datoen').optional(),
  to: localDate('Til-datoen').optional(),
  /** Plain text, never FTS5 syntax: it goes through shared/domain/searchQuery.ts. */
  text: plainText('Søgeteksten')
    .max(LIMITS.shortText, { error: `Søgeteksten må højst være ${LIMITS.shortText} tegn.` })
    .optional(),
  /** Confidential items' decisions only when the user has turned on the visible switch, as in search. */
  includeConfidential: z.boolean({ error: 'Vælg om lukkede punkter skal med.' }).default(false),
};

const periodInOrder = { path: ['to'], error: 'Til-datoen må ikke ligge før fra-datoen.' };
const inOrder = (v: { from?: string | undefined; to?: string | undefined }) => v.from === undefined || v.to === undefined || v.from <= v.to;

export const registerMethods = {
  'decisions.list': read<DecisionPage>()(
    input({
      ...registerFilters,
      limit: z
        .number({ error: 'Antallet af beslutninger skal være et tal.' })
        .int({ error: 'Antallet af beslutninger skal være et helt tal.' })
        .min(1, { error: 'Antallet af beslutninger skal være mindst 1.' })
        .max(REGISTER_PAGE.max, { error: `Antallet af beslutninger må højst være ${REGISTER_PAGE.max}.` })
        .default(REGISTER_PAGE.default),
      offset: z
        .number({ error: 'Startpunktet i beslutningsloggen skal være et tal.' })
        .int({ error: 'Startpunktet i beslutningsloggen skal være et helt tal.' })
        .min(0, { error: 'Startpunktet i beslutningsloggen kan ikke være negativt.' })
        .max(REGISTER_PAGE.maxOffset, {
          error: `Startpunktet i beslutningsloggen må højst være ${wholeNumber(REGISTER_PAGE.maxOffset)}.`,
        })
        .default(0),
    }).refine(inOrder, periodInOrder),
  ),
  /** How many decisions the same filters find in all, for «Viser 50 af 1.234»; asked apart from the page, so the page never waits for it. */
  'decisions.count': read<number>()(input(registerFilters).refine(inOrder, periodInOrder)),
  'decisions.chart': read<DecisionChart>()(input({ forumId: entityId('Forummet'), schoolYearStart })),
} as const;
