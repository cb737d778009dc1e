import { firstScreenReads, overviewInputs as inputsOn, type OverviewInputs } from '../../shared/api/firstScreen';
import { prefetchApiQuery } from '../api/queries';
import { todayLocal } from '../today';

/** What the Oversigt reads today, in one place for the page and for the start that asks before it draws. */
export function overviewInputs(): OverviewInputs {
  return inputsOn(todayLocal());
}

/**
 * The first screen is always the Oversigt: its reads (and the window's own, the forums and the archive's
 * notices) go out together with the start's first question instead of after its answer. The services
 * answer them as soon as the archive is open; the page then finds them in the cache.
 */
export function readFirstScreen(): void {
  for (const read of firstScreenReads(todayLocal())) prefetchApiQuery(read.method, read.input);
}
