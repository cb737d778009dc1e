import type { ParsedInput } from '../../shared/api/contract';
import type { ChartMonth, ColourCounts, DecisionChart } from '../../shared/api/methods/register';
import { COLOUR_KEYS } from '../../shared/domain/colours';
import { buildSearchQuery } from '../../shared/domain/searchQuery';
import { forumColours } from '../archive/queries/forums';
import { chartCounts, registerCount, registerPage, type RegisterFilter } from '../archive/queries/register';
import { requireForum, requireForumIfGiven } from './forums';
import type { Handlers } from './handler';

/** August–June; July is the summer holiday. */
const SCHOOL_MONTHS = [8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6] as const;

const noCounts = (): ColourCounts => ({ roed: 0, gul: 0, groen: 0, blaa: 0 });
const pad = (n: number) => String(n).padStart(2, '0');

type RegisterInput = ParsedInput<'decisions.count'>;

/** The filters as the archive's queries take them; free text that holds no word to search for finds nothing, with a message. */
function registerFilter(input: RegisterInput): { ok: true; filter: RegisterFilter; note?: string } | { ok: false; message: string } {
  let match: string | undefined;
  let note: string | undefined;
  if (input.text !== undefined && input.text.trim() !== '') {
    const query = buildSearchQuery(input.text);
    if (!query.ok) return { ok: false, message: query.message };
    match = query.match;
    note = query.note;
  }
  const filter: RegisterFilter = {
    ...(input.forumId === undefined ? {} : { forumId: input.forumId }),
    ...(input.colour === undefined ? {} : { colour: input.colour }),
    ...(input.from === undefined ? {} : { from: input.from }),
    ...(input.to === undefined ? {} : { to: input.to }),
    ...(match === undefined ? {} : { match }),
    includeConfidential: input.includeConfidential,
  };
  return note === undefined ? { ok: true, filter } : { ok: true, filter, note };
}

/**
 * The decision register (beslutningslog) and its chart. The register is read a page at a time, newest
 * first; free text goes through the same safe query building as the archive's search, so whatever is
 * typed is never FTS5 syntax.
 */
export const registerHandlers: Handlers<'decisions.list' | 'decisions.count' | 'decisions.chart'> = {
  'decisions.list': (input, ctx) => {
    const { db } = ctx.archive;
    requireForumIfGiven(db, input.forumId);
    const filter = registerFilter(input);
    if (!filter.ok) return { rows: [], more: false, message: filter.message };
    // One row more than asked tells whether there is a next page, without counting every decision.
    const rows = registerPage(db, { ...filter.filter, limit: input.limit + 1, offset: input.offset });
    const page = { rows: rows.slice(0, input.limit), more: rows.length > input.limit };
    return filter.note === undefined ? page : { ...page, message: filter.note };
  },

  'decisions.count': (input, ctx) => {
    const { db } = ctx.archive;
    requireForumIfGiven(db, input.forumId);
    const filter = registerFilter(input);
    return filter.ok ? registerCount(db, filter.filter) : 0;
  },

  'decisions.chart': ({ forumId, schoolYearStart }, ctx) => {
    const { db } = ctx.archive;
    const forum = requireForum(db, forumId);
    const start = schoolYearStart;
    const months: ChartMonth[] = SCHOOL_MONTHS.map((month) => {
      const year = month >= 8 ? start : start + 1;
      return { key: `${year}-${pad(month)}`, month, year, counts: noCounts(), unresolved: 0, total: 0 };
    });
    const byKey = new Map(months.map((m) => [m.key, m]));
    const totals = { counts: noCounts(), unresolved: 0, total: 0 };
    // July (the summer holiday) is outside the months and so not counted.
    for (const row of chartCounts(db, forumId, `${start}-08-01`, `${start + 1}-07-01`)) {
      const month = byKey.get(row.month);
      if (!month) continue;
      if (row.outcome === 'afklaring_uden_enighed') {
        month.unresolved += row.n;
        totals.unresolved += row.n;
      } else if ((COLOUR_KEYS as readonly string[]).includes(row.colour)) {
        month.counts[row.colour] += row.n;
        totals.counts[row.colour] += row.n;
      }
      month.total += row.n;
      totals.total += row.n;
    }
    const chart: DecisionChart = {
      forumId: forum.id,
      forumName: forum.name,
      schoolYearStart: start,
      years: `${start}/${pad((start + 1) % 100)}`,
      months,
      totals,
      colours: forumColours(db, forumId),
    };
    return chart;
  },
};
