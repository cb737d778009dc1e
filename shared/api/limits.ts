/**
 * The contract's limits and the few other values the windows share with it, in a module without zod:
 * the renderer imports these, and the schemas (zod, the largest part of the contract) stay out of the
 * code a window must evaluate before it can draw. The schemas in fields.ts and methods/ build on them.
 */

export const LIMITS = {
  name: 120,
  title: 200,
  shortText: 500,
  longText: 20_000,
  meetingMinutes: 12 * 60,
  itemMinutes: 240,
} as const;

export const COLOUR_REQUIRED = 'Vælg en af farverne rød, gul, grøn eller blå.';

/** Screens read meetings a page at a time; the whole list is for the year plan's export and the CLI. */
export const MEETING_PAGE = { default: 50, max: 200 } as const;
/** How many meetings each of the Oversigt's lists shows at most. */
export const OVERVIEW_MEETINGS = { default: 5, max: 50 } as const;

export const SEARCH_KINDS = ['meeting', 'item', 'decision', 'action'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export type ArchiveNoticeKind = 'afbrudt-gendannelse' | 'beskadiget' | 'beskadiget-indeks' | 'sikkerhedskopi-fejlet' | 'adgang-mistet';

/** Notices about damage: told as an error, and a restore of the newest good backup is offered. */
export const DAMAGE_NOTICES: readonly ArchiveNoticeKind[] = ['beskadiget', 'beskadiget-indeks'];

/**
 * Why a backup was taken; part of its file name, so the list can say it in words. Here, without zod, as
 * the archive reads backup names while the app starts, before the contract is loaded.
 */
export const BACKUP_REASONS = ['daglig', 'foer-migrering', 'foer-import', 'foer-gendannelse', 'manuel'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/**
 * "samtalerum-20261201-140312-daglig.sqlite": when (local time) and why; a second backup for the same
 * reason within the same second gets a number ("-2"). Only names of this form can be restored.
 */
export const BACKUP_FILE_NAME = new RegExp(
  `^samtalerum-(\\d{4})(\\d{2})(\\d{2})-(\\d{2})(\\d{2})(\\d{2})-(${BACKUP_REASONS.join('|')})(?:-(\\d+))?\\.sqlite$`,
);
