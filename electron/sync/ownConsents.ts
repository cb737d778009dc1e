import type * as Y from 'yjs';
import { CONSENT_RECORDS, parseConsentKey } from '../../shared/sync/personKeys';
import type { SqliteDb } from '../archive/open';
import { statement } from '../archive/statements';

/**
 * A consent is its giver's: only the giver's laptop may write it (the server refuses anyone else's,
 * server/sync/ownEntries.ts). So when another laptop closes an item, the consents others gave to it stay where
 * they were, in the meeting document a læser receives, and only each giver's laptop can move its own to where the
 * redaction boundary puts it (CLOSED_ROW.item_consent: the fortroligt document). This says whether the documents
 * hold one of this user's consents in the wrong one, once a remote update has been projected into the rows.
 */
export function ownConsentsMisplaced(db: SqliteDb, docs: { meeting: Y.Doc; confidential: Y.Doc }, me: string): boolean {
  const closed = statement(db, 'SELECT confidential FROM main.agenda_item WHERE id = ?').pluck();
  const placed: [Y.Doc, number][] = [
    [docs.meeting, 0],
    [docs.confidential, 1],
  ];
  for (const [doc, belongs] of placed) {
    for (const key of doc.getMap(CONSENT_RECORDS).keys()) {
      const consent = parseConsentKey(key);
      if (consent?.personId !== me) continue;
      // An item this laptop has not placed yet decides nothing: its consent is checked when it arrives.
      const flag = closed.get(consent.itemId) as number | undefined;
      if (flag !== undefined && flag !== belongs) return true;
    }
  }
  return false;
}
