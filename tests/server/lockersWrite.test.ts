// What the server takes from the locking laptop after a referat's lock (server/sync/lockersWrite.ts), read from
// real Yjs updates: the locked version's own write, with the approvals' hash key when the document has none yet
// (a meeting that needs one approval is locked by its first, which also sets the key), and nothing else.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { APPROVAL_KEY, APPROVAL_KEY_MAP } from '../../shared/sync/personKeys';
import { isLockWrite } from '../../server/sync/lockersWrite';

const LOCKED_AT = '2026-12-10T15:30:00.000Z';

/** The server's fortroligt document before the lock: a draft version and a closed item. */
function serverDocument(withKey: boolean): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const version = new Y.Map<unknown>();
    doc.getMap('referatversioner').set('v1', version);
    version.set('status', 'udkast');
    const item = new Y.Map<unknown>();
    doc.getMap('punkter').set('p1', item);
    item.set('title', 'Sygefravær');
    if (withKey) doc.getMap(APPROVAL_KEY_MAP).set(APPROVAL_KEY, 'a'.repeat(64));
  });
  return doc;
}

/** The update a laptop holding the server's state makes with `change`. */
function updateOf(server: Y.Doc, change: (laptop: Y.Doc) => void): Uint8Array {
  const laptop = new Y.Doc();
  Y.applyUpdate(laptop, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(laptop);
  change(laptop);
  return Y.encodeStateAsUpdate(laptop, before);
}

function approve(laptop: Y.Doc): void {
  const version = laptop.getMap('referatversioner').get('v1') as Y.Map<unknown>;
  version.set('status', 'godkendt');
  version.set('approvedAt', LOCKED_AT);
}

describe('låsens egen skrivning til det fortrolige dokument', () => {
  it('tager den låste version, også med nøglen til godkendelsernes hash, når dokumentet ingen har', () => {
    const server = serverDocument(false);
    expect(isLockWrite(server, updateOf(server, approve), LOCKED_AT)).toBe(true);
    const withKey = updateOf(server, (laptop) => laptop.transact(() => {
      approve(laptop);
      laptop.getMap(APPROVAL_KEY_MAP).set(APPROVAL_KEY, 'b'.repeat(64));
    }));
    expect(isLockWrite(server, withKey, LOCKED_AT)).toBe(true);
  });

  it('afviser en ny nøgle, når dokumentet har en, og enhver anden ændring', () => {
    const keyed = serverDocument(true);
    const newKey = updateOf(keyed, (laptop) => laptop.transact(() => {
      approve(laptop);
      laptop.getMap(APPROVAL_KEY_MAP).set(APPROVAL_KEY, 'b'.repeat(64));
    }));
    expect(isLockWrite(keyed, newKey, LOCKED_AT)).toBe(false);
    const item = updateOf(keyed, (laptop) => laptop.transact(() => {
      approve(laptop);
      (laptop.getMap('punkter').get('p1') as Y.Map<unknown>).set('title', 'Ændret');
    }));
    expect(isLockWrite(keyed, item, LOCKED_AT)).toBe(false);
    const otherTime = updateOf(keyed, (laptop) => (laptop.getMap('referatversioner').get('v1') as Y.Map<unknown>).set('approvedAt', '2026-12-10T15:31:00.000Z'));
    expect(isLockWrite(keyed, otherTime, LOCKED_AT)).toBe(false);
  });
});
