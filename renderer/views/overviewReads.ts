import { OVERVIEW_MEETINGS } from '../../shared/api/limits';
import type { MethodInput } from '../../shared/api/contract';
import { prefetchApiQuery } from '../api/queries';
import { todayLocal } from '../today';

/** How many open actions the overview shows; the rest are under Opfølgning. */
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

/** What the Oversigt reads, in one place for the page and for the start that asks before it draws. */
export function overviewInputs(): OverviewInputs {
  const now = `${todayLocal()}T00:00`;
  return {
    now,
    meetings: { from: now, limit: OVERVIEW_MEETINGS.default },
    actions: { status: 'alle_aabne', limit: OPEN_ACTIONS_SHOWN },
    decisions: { limit: LATEST_DECISIONS },
  };
}

/**
 * The first screen is always the Oversigt: its reads (and the window's own, the forums and the archive's
 * notices) go out together with the start's first question instead of after its answer. The services
 * answer them as soon as the archive is open; the page then finds them in the cache.
 */
export function readFirstScreen(): void {
  const inputs = overviewInputs();
  prefetchApiQuery('forums.list', {});
  prefetchApiQuery('backup.notices', {});
  prefetchApiQuery('meetings.overview', inputs.meetings);
  prefetchApiQuery('actions.list', inputs.actions);
  prefetchApiQuery('decisions.list', inputs.decisions);
}
