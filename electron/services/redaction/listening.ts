import type { SentTo } from '../../../shared/api/listeningTypes';
import { CLOSED_ITEM_TITLE } from './meeting';

/**
 * Where an input is taken up, as the school's tilbagemeldingsbrev may say it. An input sent to a closed item
 * would tell what the closed item is about, so the school is not told where it went.
 */
export function sharedSentTo(sentTo: SentTo | null): SentTo | null {
  return sentTo?.itemConfidential ? null : sentTo;
}

/**
 * Where an input went, as the lyttemøde's own screens show it to the visitors, who are not members of the
 * forum: the meeting it went to stays (so it is not sent twice), the closed item's title does not.
 */
export function visitorsSentTo(sentTo: SentTo | null): SentTo | null {
  return sentTo?.itemConfidential ? { ...sentTo, itemTitle: CLOSED_ITEM_TITLE } : sentTo;
}
