/**
 * An action's life between meetings: åben → i gang → udført, or forsinket (by hand, or shown as overdue
 * when its deadline has passed), or droppet with a reason. Open actions come back under "Opfølgning fra
 * sidst" until they are done or dropped.
 */
export const ACTION_STATUSES = ['aaben', 'igang', 'forsinket', 'udfoert', 'droppet'] as const;
export type ActionStatusKey = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABELS: Record<ActionStatusKey, string> = {
  aaben: 'Åben',
  igang: 'I gang',
  forsinket: 'Forsinket',
  udfoert: 'Udført',
  droppet: 'Droppet',
};

/** Statuses that keep an action on the follow-up list. */
export const OPEN_ACTION_STATUSES = ['aaben', 'igang', 'forsinket'] as const satisfies readonly ActionStatusKey[];

export function isOpenStatus(status: ActionStatusKey): boolean {
  return (OPEN_ACTION_STATUSES as readonly string[]).includes(status);
}

/** Overdue: still open and its deadline (a local date) is before today. */
export function isOverdue(action: { status: ActionStatusKey; due: string | null }, today: string): boolean {
  return isOpenStatus(action.status) && action.due !== null && action.due < today;
}

export const PROBLEM_RESOLUTIONS = ['loest', 'ikke_loest'] as const;
export type ProblemResolutionKey = (typeof PROBLEM_RESOLUTIONS)[number];

export const PROBLEM_RESOLUTION_LABELS: Record<ProblemResolutionKey, string> = {
  loest: 'Løst',
  ikke_loest: 'Ikke løst',
};

/**
 * The status a resolution goes with: a solved problem is done; one not solved stays open (as it was, or
 * i gang when nobody had started on it), so it comes back at the next meeting.
 */
export function statusForResolution(resolution: ProblemResolutionKey, current: ActionStatusKey): ActionStatusKey {
  if (resolution === 'loest') return 'udfoert';
  return isOpenStatus(current) && current !== 'aaben' ? current : 'igang';
}

/**
 * One line of a followed-up action's history, without its date: what the follow-up said of the problem
 * or what the status became, then the note. «Ikke løst: Virker stadig ikke på 1. sal».
 */
export function describeActionNote(note: {
  statusFrom: ActionStatusKey;
  statusTo: ActionStatusKey;
  resolution: ProblemResolutionKey | null;
  note: string;
}): string {
  const what =
    note.resolution !== null
      ? PROBLEM_RESOLUTION_LABELS[note.resolution]
      : note.statusFrom !== note.statusTo
        ? `${ACTION_STATUS_LABELS[note.statusFrom]} → ${ACTION_STATUS_LABELS[note.statusTo]}`
        : '';
  const text = note.note.trim();
  if (what === '') return text;
  return text === '' ? what : `${what}: ${text}`;
}
