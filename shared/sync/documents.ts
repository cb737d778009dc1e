/**
 * The names of the shared documents, which the laptop and the server both read. A name carries the forum
 * it belongs to, so the server decides every right from the name and its membership table alone:
 *
 * - `forum/<forumId>`: the forum index (members, roles, settings, colours, the meeting list, sager)
 * - `forum/<forumId>/moede/<meetingId>`: one meeting's shared record (items, decisions, actions, referat
 *   versions, approvals and consents per person); a confidential item is a title-less placeholder here
 * - `forum/<forumId>/moede/<meetingId>/fortroligt`: the meeting's confidential content, for members only
 * - `forum/<forumId>/indbakke/<personId>`: what one outside submitter sends to the forum
 *
 * Ids are the archive's own (lower-case UUIDs), so a forum shared later keeps its history and its ids.
 */

const ID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const NAME = new RegExp(`^forum/(${ID})(?:/(moede|indbakke)/(${ID})(/fortroligt)?)?$`);

export type SharedDocument =
  | { kind: 'forum'; forumId: string }
  | { kind: 'moede'; forumId: string; meetingId: string }
  | { kind: 'fortroligt'; forumId: string; meetingId: string }
  | { kind: 'indbakke'; forumId: string; personId: string };

export function documentName(doc: SharedDocument): string {
  switch (doc.kind) {
    case 'forum':
      return `forum/${doc.forumId}`;
    case 'moede':
      return `forum/${doc.forumId}/moede/${doc.meetingId}`;
    case 'fortroligt':
      return `forum/${doc.forumId}/moede/${doc.meetingId}/fortroligt`;
    case 'indbakke':
      return `forum/${doc.forumId}/indbakke/${doc.personId}`;
  }
}

/** The document a name stands for, or null for any name that is not exactly one of ours. */
export function parseDocumentName(name: string): SharedDocument | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, forumId = '', kind, id = '', confidential] = match;
  if (kind === undefined) return { kind: 'forum', forumId };
  if (kind === 'indbakke') return confidential ? null : { kind: 'indbakke', forumId, personId: id };
  return confidential ? { kind: 'fortroligt', forumId, meetingId: id } : { kind: 'moede', forumId, meetingId: id };
}

/**
 * The meeting document's root map and the key the laptops set when every owner has approved the same
 * referat: from then on the server refuses every change to the meeting's documents.
 */
export const MEETING_ROOT = 'moede';
export const REFERAT_LOCKED_KEY = 'referatLaast';
