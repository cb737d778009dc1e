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
