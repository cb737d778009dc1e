/**
 * The layout of an inbox document (`forum/<forumId>/indbakke/<personId>`): what one person outside the forum
 * sends to it, and the forum's answer to each. The two parts have different writers, and the server holds
 * each writer to their own part (server/sync/inboxWrites.ts):
 *
 * - `indsendelser` (submission id → map): written only by the person whose inbox it is. An input is shared
 *   text by nature (what teachers said at a lyttemøde, or an item proposed to a praksisforum), never
 *   confidential content: the laptop says so before it sends.
 * - `svar` (submission id → map): written only by the forum's members (medlem), who accept a submission
 *   onto a meeting or decline it with a reason. A læser may not open someone else's inbox at all.
 */
export const INBOX_SUBMISSIONS = 'indsendelser';
export const INBOX_ANSWERS = 'svar';

export type InboxPart = typeof INBOX_SUBMISSIONS | typeof INBOX_ANSWERS;

/** The parts of an inbox document a person may write: the sender their submissions, a member the answers. */
export function writableInboxParts(isSender: boolean, isMember: boolean): ReadonlySet<InboxPart> {
  const parts = new Set<InboxPart>();
  if (isSender) parts.add(INBOX_SUBMISSIONS);
  if (isMember) parts.add(INBOX_ANSWERS);
  return parts;
}
