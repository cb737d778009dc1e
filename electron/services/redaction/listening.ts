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

/**
 * A forum's answer as the sender of an inbox submission receives it. The sender is outside the forum, so once the
 * item the submission was taken onto is closed (even after the answer was given), the answer names it only as
 * «Lukket punkt»; the meeting it went to stays, as on the visitors' own screens.
 */
export function senderAnswer<V>(answer: Readonly<Record<string, V>>, itemClosed: boolean): Record<string, V | string> {
  return itemClosed ? { ...answer, itemTitle: CLOSED_ITEM_TITLE } : { ...answer };
}
