/**
 * What a write touched, named the way screens read it. The services work it out from the rows the
 * write changed (electron/archive/changes.ts), so a screen refetches only what it shows.
 *
 * - `forum`: a forum's own row, members, colours, ground rules and themes (id: forum id)
 * - `person`: a person's name (id: person id)
 * - `meeting`: what a meeting summary shows: the meeting row, its number of items, its referat status (id: meeting id)
 * - `agenda`: what only the open meeting shows: items, decisions, participants, check-out, referat
 *   versions and the actions agreed in it (id: meeting id)
 * - `notes`: the notes of a meeting's items, saved every few hundred milliseconds while someone writes;
 *   apart from `agenda`, so the projector, which shows no notes, is not read again for them (id: meeting id)
 * - `action`: a forum's actions and their notes (id: forum id)
 * - `sag`: a sag's own row (id: sag id)
 * - `listening`: a series of lyttemøder with its meetings, themes and inputs (id: series id)
 * - `itemTypes`: the archive's own item types (no id)
 * - `comments`: the comments and questions on an item (id: item id)
 * - `seen`: when this laptop's user last looked at a meeting's agenda (id: meeting id)
 */
export type Aggregate = 'forum' | 'person' | 'meeting' | 'agenda' | 'notes' | 'action' | 'sag' | 'listening' | 'itemTypes' | 'comments' | 'seen';

export const AGGREGATES: readonly Aggregate[] = ['forum', 'person', 'meeting', 'agenda', 'notes', 'action', 'sag', 'listening', 'itemTypes', 'comments', 'seen'];

/**
 * One thing a write changed. `alt` stands for everything: a restored backup, or a write so large
 * (an import) that listing it would cost more than refetching what is open.
 */
export type Change = { aggregate: Aggregate; id?: string } | { aggregate: 'alt' };

export const EVERYTHING: readonly Change[] = [{ aggregate: 'alt' }];
