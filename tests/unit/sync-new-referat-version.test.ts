import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { afterLockWrite } from '../../server/sync/afterLock';
import { MEETING_ROOT, REFERAT_LOCKED_KEY, documentName } from '../../shared/sync/documents';
import { must } from './support';
import { converge, demoOwners, type Laptop } from './sync-support';

/** What `from` holds of one document and `to` lacks, received by `to` as from the server. */
function sendOne(from: Laptop, to: Laptop, name: string): void {
  const update = Y.encodeStateAsUpdate(from.services.sync.docFor(name), Y.encodeStateVector(to.services.sync.docFor(name)));
  if (update.length > 2) to.services.sync.applyRemoteUpdate(name, update);
}

/** The server's copy of a document: `held` as it holds it, before `writer`'s update arrives. */
function serverCopy(held: Laptop, name: string): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(held.services.sync.docFor(name)));
  return doc;
}

/** What `writer` holds of a document that the server's copy lacks: the update its laptop sends. */
function updateFrom(writer: Laptop, server: Y.Doc, name: string): Uint8Array {
  return Y.encodeStateAsUpdate(writer.services.sync.docFor(name), Y.encodeStateVector(server));
}

describe('en ny version af et låst referat på en delt bærbar', { timeout: 30_000 }, () => {
  it('den bærbare, der startede versionen før låsen nåede mødedokumentet, fjerner låsen, når den kommer', async () => {
    const { a, b, forumId, meetingId, leader, tr } = await demoOwners();
    await must(a.services, 'run.start', { meetingId });
    await must(a.services, 'run.end', { meetingId });
    converge([a, b], forumId);
    await must(a.services, 'referat.approve', { meetingId, personId: leader.personId });
    converge([a, b], forumId);
    expect((await must(b.services, 'referat.approve', { meetingId, personId: tr.personId })).locked).toBe(true);
    const moede = documentName({ kind: 'moede', forumId, meetingId });
    const fortroligt = documentName({ kind: 'fortroligt', forumId, meetingId });
    // The server holds the TR's lock in both documents.
    const server = { moede: serverCopy(b, moede), fortroligt: serverCopy(b, fortroligt) };

    // The lock reaches the skoleleder through the fortroligt document first, and he starts a new version at once.
    sendOne(b, a, fortroligt);
    expect((await must(a.services, 'referat.get', { meetingId })).locked).toBe(true);
    await must(a.services, 'referat.newVersion', { meetingId, reason: 'En rettelse' });
    const started = updateFrom(a, server.moede, moede);
    // The server takes the new version, in both documents, but the lock stays: the skoleleder never saw its key.
    expect(afterLockWrite('moede', server.moede, started)).toBe('ny-version');
    expect(afterLockWrite('fortroligt', server.fortroligt, updateFrom(a, server.fortroligt, fortroligt))).toBe('ny-version');
    Y.applyUpdate(server.moede, started);

    // When the lock key arrives, the skoleleder's laptop removes it, and that lifts the lock on the server.
    sendOne(b, a, moede);
    expect(a.services.sync.docFor(moede).getMap(MEETING_ROOT).has(REFERAT_LOCKED_KEY)).toBe(false);
    expect(afterLockWrite('moede', server.moede, updateFrom(a, server.moede, moede))).toBe('ophaevelse');
    expect((await must(a.services, 'referat.get', { meetingId })).locked).toBe(false);
  });
});
