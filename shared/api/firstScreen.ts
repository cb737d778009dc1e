import type { MethodInput } from './contract';
import { OVERVIEW_MEETINGS } from './limits';
import type { ReadMethod } from './reads';

/**
 * The first screen is always the Oversigt. What it reads is said once, here: the window asks it
 * together with its first question (renderer/views/overviewReads.ts), and the services read the same
 * while the window is still loading (electron/services/startup.ts), so the window's reads find the
 * archive's pages and statements warm. No zod: both starts import this before their heavy code.
 */

/** How many open actions the Oversigt shows; the rest are under Opfølgning. */
const OPEN_ACTIONS_SHOWN = 6;
/** How many of the newest decisions it shows; the rest are in the archive's register. */
const LATEST_DECISIONS = 5;

export interface OverviewInputs {
  /** Today's midnight, local time: the lists start from it. */
  now: string;
  meetings: MethodInput<'meetings.overview'>;
  actions: MethodInput<'actions.list'>;
  decisions: MethodInput<'decisions.list'>;
}

/** What the Oversigt reads on the given day ('YYYY-MM-DD', local time). */
export function overviewInputs(today: string): OverviewInputs {
  const now = `${today}T00:00`;
  return {
    now,
    meetings: { from: now, limit: OVERVIEW_MEETINGS.default },
    actions: { status: 'alle_aabne', limit: OPEN_ACTIONS_SHOWN },
    decisions: { limit: LATEST_DECISIONS },
  };
}

export type FirstScreenRead = { [M in ReadMethod]: { method: M; input: MethodInput<M> } }[ReadMethod];

/** Every read of the first screen: the window's own (the forums, the archive's notices) and the Oversigt's. */
export function firstScreenReads(today: string): FirstScreenRead[] {
  const inputs = overviewInputs(today);
  return [
    { method: 'forums.list', input: {} },
    { method: 'backup.notices', input: {} },
    { method: 'meetings.overview', input: inputs.meetings },
    { method: 'actions.list', input: inputs.actions },
    { method: 'decisions.list', input: inputs.decisions },
  ];
}

/** A day as 'YYYY-MM-DD' in local time, as the window's lists and deadlines count days. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
