import type { SentTo } from '../../../shared/api/listeningTypes';

/**
 * Where an input is taken up, as a reader outside the forum may see it. An input sent to a closed item
 * would tell what the closed item is about, so the school is not told where it went.
 */
export function sharedSentTo(sentTo: SentTo | null): SentTo | null {
  return sentTo?.itemConfidential ? null : sentTo;
}
