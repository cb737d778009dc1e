import type { MeetingSummary } from '../../shared/api/types';
import { CliError } from './errors';

/** How the listings show ids: the first 8 characters, more only where two ids would otherwise look alike. */
export const SHORT_ID = 8;
/** Fewer characters than this would too easily pick a record by accident after a typo. */
export const MIN_PREFIX = 4;

/** The shortest length, from SHORT_ID up, at which every id of the set is told apart from the others. */
export function shortIdLength(ids: readonly string[]): number {
  const lower = ids.map((id) => id.toLowerCase());
  const longest = Math.max(SHORT_ID, ...lower.map((id) => id.length));
  for (let length = SHORT_ID; length < longest; length += 1) {
    if (new Set(lower.map((id) => id.slice(0, length))).size === new Set(lower).size) return length;
  }
  return longest;
}

/** The ids of a set as the listings show them. */
export function shortIds(ids: readonly string[]): (id: string) => string {
  const length = shortIdLength(ids);
  return (id) => id.slice(0, length);
}

/** What a kind of record is called in the messages about finding it. */
export interface IdKind {
  /** «Mødet» */
  the: string;
  /** «det», the pronoun for it */
  it: string;
  /** «Intet møde» */
  none: string;
  /** «møder» */
  many: string;
  /** The flag or word it was given as, e.g. «--meeting». */
  given: string;
  /** The command that lists them, e.g. «list-meetings». */
  list: string;
}

export const MEETING: IdKind = { the: 'Mødet', it: 'det', none: 'Intet møde', many: 'møder', given: '--meeting', list: 'list-meetings' };
export const FORUM: IdKind = { the: 'Forummet', it: 'det', none: 'Intet forum', many: 'fora', given: '--forum', list: 'list-forums' };
export const SAG: IdKind = { the: 'Sagen', it: 'den', none: 'Ingen sag', many: 'sager', given: 'Sags-id\'et', list: 'vis-sag' };

const FULL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The whole id, as a script passes it, rather than its beginning. */
export function isWholeId(typed: string): boolean {
  return FULL_ID.test(typed.trim().toLowerCase());
}

/**
 * The one record whose id is, or begins with, what was typed: the whole id from a script, or its first
 * characters as the listings show them. None, or more than one, is a Danish line saying what to do.
 * `describe` names a record in the message about an ambiguous prefix, so the user sees which to pick.
 */
export function byIdPrefix<T extends { id: string }>(records: readonly T[], typed: string, kind: IdKind, describe: (record: T) => string): T {
  const prefix = typed.trim().toLowerCase();
  if (isWholeId(prefix)) {
    const found = records.find((r) => r.id.toLowerCase() === prefix);
    if (found) return found;
    throw new CliError(`${kind.the} findes ikke i arkivet. Måske er ${kind.it} slettet.`);
  }
  if (!/^[0-9a-f-]+$/.test(prefix)) {
    throw new CliError(`${kind.given} «${typed}» er ikke et id. Id'et står forrest i linjen i samtalerum ${kind.list}.`);
  }
  if (prefix.length < MIN_PREFIX) {
    throw new CliError(`${kind.given} «${typed}» er for kort: skriv mindst ${MIN_PREFIX} tegn af id'et fra samtalerum ${kind.list}.`);
  }
  const matches = records.filter((r) => r.id.toLowerCase().startsWith(prefix));
  const [first, second] = matches;
  if (first !== undefined && second === undefined) return first;
  if (first === undefined) {
    throw new CliError(`${kind.none} i arkivet har et id, der begynder med «${typed}». Se samtalerum ${kind.list}.`);
  }
  const short = shortIds(matches.map((m) => m.id));
  const named = matches.slice(0, 3).map((m) => `${short(m.id)} ${describe(m)}`);
  const more = matches.length > 3 ? ` og ${matches.length - 3} til` : '';
  throw new CliError(`«${typed}» passer på ${matches.length} ${kind.many}: ${named.join('; ')}${more}. Skriv flere tegn af id'et.`);
}

/** A meeting as the ambiguity message names it: «2026-12-01 TRIO». */
export function meetingName(meeting: Pick<MeetingSummary, 'startsAt' | 'forumName'>): string {
  return `${meeting.startsAt.slice(0, 10)} ${meeting.forumName}`;
}
