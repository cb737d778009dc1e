import type { Action, AgendaItem, Decision, MeetingDetail, OpenAction } from '../api/types';

/**
 * An approved referat's frozen content: the meeting as the referat showed it when the co-owners approved
 * it. It is stored as JSON in referat_version.snapshot and travels in the exchange file as that text, so
 * its shape is versioned here and read only through `readReferatSnapshot`, never as an API answer.
 *
 * Versions:
 * - 1 (no tag): what the app wrote until now, a JSON dump of the whole `meetings.get` answer, including
 *   the clock, the run state and the process cycle of the moment it was approved. Dumps made before
 *   actions carried their own confidential flag lack it; it is derived from the action's item.
 * - 2: `snapshotVersion: 2` and only the meeting's content below.
 * - 3: a decision's dissent as records (`dissents`) instead of one free text (`dissent`); older snapshots
 *   are read with that text, word for word, as one record naming no one.
 *
 * The items stay at the top level with their `title` and `confidential`: migration 009's triggers read
 * them to mark the change lines about confidential items when a version arrives from an exchange file.
 */
export const REFERAT_SNAPSHOT_VERSION = 3;

/**
 * What a referat shows of a meeting: the meeting without what only matters while it is being held. The
 * follow-up is kept as the snapshots always held it (without history); the referat's «Opfølgning fra sidst»
 * and «Udført siden sidst» are read from the archive when the document is made.
 */
export type ReferatMeeting = Omit<
  MeetingDetail,
  'serverNow' | 'run' | 'cycle' | 'status' | 'referatStatus' | 'agendaSentAt' | 'followUp' | 'doneSinceLast'
> & { followUp: OpenAction[] };

export type ReferatSnapshot = ReferatMeeting & { snapshotVersion: typeof REFERAT_SNAPSHOT_VERSION };

const CONTENT_KEYS = [
  'id',
  'forumId',
  'forumName',
  'title',
  'startsAt',
  'durationMinutes',
  'place',
  'itemCount',
  'purpose',
  'school',
  'forumKind',
  'forumColours',
  'itemTypes',
  'participants',
  'followUp',
  'otherActions',
  'items',
  'plannedMinutes',
  'groundRules',
  'checkout',
] as const satisfies readonly (keyof ReferatMeeting)[];

/** The referat's content of a meeting, without the parts of the moment (clock, run state, cycle). */
export function referatMeetingOf(meeting: ReferatMeeting): ReferatMeeting {
  return Object.fromEntries(CONTENT_KEYS.map((key) => [key, meeting[key]])) as ReferatMeeting;
}

/** The text stored for an approved version. */
export function writeReferatSnapshot(meeting: ReferatMeeting): string {
  const snapshot: ReferatSnapshot = { snapshotVersion: REFERAT_SNAPSHOT_VERSION, ...referatMeetingOf(meeting) };
  return JSON.stringify(snapshot);
}

export type SnapshotReading = { ok: true; meeting: ReferatMeeting } | { ok: false; message: string };

/** Reads a stored snapshot of any version into the current shape, or says in Danish why it cannot. */
export function readReferatSnapshot(text: string): SnapshotReading {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, message: 'Det godkendte referat er ikke gemt som gyldig JSON.' };
  }
  if (!isRecord(parsed)) return { ok: false, message: 'Det godkendte referat er ikke gemt som et møde.' };
  const version = parsed.snapshotVersion ?? 1;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, message: 'Det godkendte referat har et ukendt format.' };
  }
  if (version > REFERAT_SNAPSHOT_VERSION) {
    return { ok: false, message: 'Det godkendte referat er gemt af en nyere version af Samtalerum. Opdatér programmet for at læse det.' };
  }
  const problem = shapeProblem(parsed);
  if (problem) return { ok: false, message: `Det godkendte referat kan ikke læses: ${problem}` };
  const meeting = version === 1 ? upgradeFromDump(parsed as unknown as MeetingDump) : referatMeetingOf(parsed as unknown as ReferatSnapshot);
  return { ok: true, meeting: version < 3 ? withDissentRecords(meeting) : meeting };
}

/** A decision as snapshots before version 3 held it: dissent as one free text. */
type DecisionWithFreeText = Omit<Decision, 'dissents'> & { dissent?: string; dissents?: Decision['dissents'] };

/** Versions 1–2 → 3: the free-text dissent becomes one record with its words as they stand. */
function withDissentRecords(meeting: ReferatMeeting): ReferatMeeting {
  const decision = (stored: DecisionWithFreeText | null): Decision | null => {
    if (!stored || Array.isArray(stored.dissents)) return stored as Decision | null;
    const { dissent = '', ...rest } = stored;
    const dissents = dissent.trim() === '' ? [] : [{ id: stored.id, personId: null, name: '', role: '', text: dissent, minorityStatement: false }];
    return { ...rest, dissents };
  };
  return { ...meeting, items: meeting.items.map((item) => ({ ...item, decision: decision(item.decision as DecisionWithFreeText | null) })) };
}

/** An action as older dumps held it: before splitting, dropping with a reason and its own confidential flag. */
type DumpedAction<A extends Action> = Omit<A, 'confidential' | 'parentActionId' | 'dropReason'> &
  Partial<Pick<Action, 'confidential' | 'parentActionId' | 'dropReason'>>;

type DumpedItem = Omit<AgendaItem, 'actions' | 'carriedFromItemId' | 'fromListening' | 'sag'> &
  Partial<Pick<AgendaItem, 'carriedFromItemId' | 'fromListening' | 'sag'>> & { actions: DumpedAction<Action>[] };

/** A version 1 snapshot: the `meetings.get` answer of the day, with what older versions of the app lacked. */
type MeetingDump = Omit<ReferatMeeting, 'items' | 'followUp' | 'otherActions' | 'itemTypes' | 'checkout'> & {
  items: DumpedItem[];
  followUp?: DumpedAction<ReferatMeeting['followUp'][number]>[];
  otherActions?: DumpedAction<Action>[];
  itemTypes?: ReferatMeeting['itemTypes'];
  checkout?: ReferatMeeting['checkout'];
};

/**
 * Version 1 → 2: keep the content, drop the moment, and give older dumps what later versions of the app
 * added to items and actions (an action from a confidential item is confidential).
 */
function upgradeFromDump(dump: MeetingDump): ReferatMeeting {
  const closedItems = new Set(dump.items.filter((item) => item.confidential).map((item) => item.id));
  const action = <A extends Action>(a: DumpedAction<A>): A =>
    ({
      ...a,
      parentActionId: a.parentActionId ?? null,
      dropReason: a.dropReason ?? null,
      confidential: a.confidential ?? (a.itemId !== null && closedItems.has(a.itemId)),
    }) as A;
  const item = (i: DumpedItem): AgendaItem => ({
    ...i,
    carriedFromItemId: i.carriedFromItemId ?? null,
    fromListening: i.fromListening ?? null,
    sag: i.sag ?? null,
    actions: i.actions.map(action),
  });
  return referatMeetingOf({
    ...dump,
    followUp: (dump.followUp ?? []).map(action),
    otherActions: (dump.otherActions ?? []).map(action),
    items: dump.items.map(item),
    itemTypes: dump.itemTypes ?? [],
    checkout: dump.checkout ?? [],
  });
}

/** The first thing a stored snapshot lacks that the referat needs, or null. */
function shapeProblem(value: Record<string, unknown>): string | null {
  for (const key of ['id', 'forumId', 'forumName', 'title', 'startsAt', 'place', 'purpose', 'school', 'forumKind'] as const) {
    if (typeof value[key] !== 'string') return `mødets felt «${key}» mangler.`;
  }
  for (const key of ['participants', 'forumColours', 'items'] as const) {
    if (!Array.isArray(value[key])) return `mødets liste «${key}» mangler.`;
  }
  for (const key of ['followUp', 'otherActions', 'itemTypes', 'checkout'] as const) {
    if (value[key] !== undefined && !Array.isArray(value[key])) return `mødets felt «${key}» er ikke en liste.`;
  }
  const items = value.items as unknown[];
  for (const [index, item] of items.entries()) {
    if (!isRecord(item) || typeof item.id !== 'string' || typeof item.title !== 'string' || typeof item.confidential !== 'boolean') {
      return `punkt ${index + 1} mangler id, titel eller om det er lukket.`;
    }
    if (!Array.isArray(item.actions)) return `punkt ${index + 1} mangler sine handlinger.`;
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
