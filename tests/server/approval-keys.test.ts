// The keys of the approvals' hash in a meeting's fortroligt document (shared/sync/approvalKeys.ts): anyone who
// writes there may add one, nobody may change or delete one (that would make the approvals hashed with it stale),
// and the referat lock's late write may add one, against the built server and laptops on real WebSockets.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { APPROVAL_KEYS_MAP } from '../../shared/sync/approvalKeys';
import { MEETING_ROOT, REFERAT_LOCKED_KEY, documentName } from '../../shared/sync/documents';
import { shareForum, type Person } from './forum';
import { acknowledged, until } from './laptop';
import { closedWith } from './namedForum';
import { versionIn } from './referatVersions';
import { laptop } from './scenarios';
import { sqliteStorage, type LogLine, type ServerProcess } from './serverProcess';
import { serverForSuite } from './suite';

const FIRST = '1'.repeat(64);
const SECOND = '2'.repeat(64);

describe('nøglerne til godkendelsernes hash i det fortrolige dokument', () => {
  let server: ServerProcess;
  serverForSuite(sqliteStorage, (started) => void (server = started));

  /** The keys as the server holds them: what a fresh laptop of a member receives. */
  async function storedKeys(by: Person, name: string): Promise<unknown> {
    const fresh = laptop(server, by);
    const keys = (await fresh.sync(name)).doc.getMap(APPROVAL_KEYS_MAP).toJSON();
    fresh.close();
    return keys;
  }

  it('en nøgle kan lægges til af ethvert medlem, men ikke ændres eller slettes', async () => {
    const forum = await shareForum(server);
    const fortroligt = documentName({ kind: 'fortroligt', forumId: forum.forumId, meetingId: randomUUID() });
    const admin = await laptop(server, forum.admin).sync(fortroligt);
    admin.doc.getMap(APPROVAL_KEYS_MAP).set('a', FIRST);
    await acknowledged(admin.provider);
    const member = await laptop(server, forum.medlem).sync(fortroligt);
    await until(() => member.doc.getMap(APPROVAL_KEYS_MAP).has('a'), 5000, 'den første nøgle hos medlemmet');
    member.doc.getMap(APPROVAL_KEYS_MAP).set('b', SECOND);
    await acknowledged(member.provider);

    // Each attempt from a connection of its own: the server closes the document to the one that tried.
    const changed = await laptop(server, forum.medlem).sync(fortroligt);
    const changedClosed = closedWith(changed);
    changed.doc.getMap(APPROVAL_KEYS_MAP).set('a', SECOND);
    expect(await changedClosed).toBe('approval-key-changed');
    const deleted = await laptop(server, forum.admin).sync(fortroligt);
    const deletedClosed = closedWith(deleted);
    deleted.doc.getMap(APPROVAL_KEYS_MAP).delete('b');
    expect(await deletedClosed).toBe('approval-key-changed');
    const refused = (line: LogLine) => line.event === 'refused' && line.reason === 'approval-key-changed' && line.document === fortroligt;
    await until(() => server.logs().filter(refused).length === 2, 5000, 'to afvisninger');

    expect(await storedKeys(forum.medlem, fortroligt)).toEqual({ a: FIRST, b: SECOND });
  });

  it('låsens sene skrivning til det fortrolige dokument må lægge en nøgle til, men ikke ændre en', { timeout: 60_000 }, async () => {
    const forum = await shareForum(server);
    const meetingId = randomUUID();
    const moede = documentName({ kind: 'moede', forumId: forum.forumId, meetingId });
    const fortroligt = documentName({ kind: 'fortroligt', forumId: forum.forumId, meetingId });
    const locker = laptop(server, forum.admin);
    const lockerMeeting = await locker.sync(moede);
    const lockerSecret = await locker.sync(fortroligt);

    // A draft referat of a meeting with a closed item and one key, as the laptops write them.
    const versionId = randomUUID();
    lockerSecret.doc.transact(() => {
      versionIn(lockerSecret.doc, versionId);
      const item = new Y.Map<unknown>();
      lockerSecret.doc.getMap('punkter').set(randomUUID(), item);
      item.set('title', 'Sygefravær');
      lockerSecret.doc.getMap(APPROVAL_KEYS_MAP).set('a', FIRST);
    });
    lockerMeeting.doc.transact(() => versionIn(lockerMeeting.doc, versionId));
    await Promise.all([acknowledged(lockerSecret.provider), acknowledged(lockerMeeting.provider)]);

    const lockedAt = new Date().toISOString();
    const lock = (doc: Y.Doc): void => {
      versionIn(doc, versionId).set('status', 'godkendt');
      versionIn(doc, versionId).set('approvedAt', lockedAt);
    };
    lockerMeeting.doc.transact(() => {
      lock(lockerMeeting.doc);
      lockerMeeting.doc.getMap(MEETING_ROOT).set(REFERAT_LOCKED_KEY, lockedAt);
    });
    await server.waitForLog((line) => line.event === 'referat-locked' && line.document === moede);

    // The locked version with a changed key is not the lock's write, from a connection of the locking device's own.
    const sneaky = await laptop(server, forum.admin).sync(fortroligt);
    sneaky.doc.transact(() => {
      lock(sneaky.doc);
      sneaky.doc.getMap(APPROVAL_KEYS_MAP).set('a', SECOND);
    });
    await server.waitForLog((line) => line.event === 'refused' && line.reason === 'referat-locked' && line.document === fortroligt);

    // The locked version with a new key is: the approval that locked may have made the key it was hashed with.
    lockerSecret.doc.transact(() => {
      lock(lockerSecret.doc);
      lockerSecret.doc.getMap(APPROVAL_KEYS_MAP).set('b', SECOND);
    });
    await acknowledged(lockerSecret.provider);
    await server.waitForLog((line) => line.event === 'lock-write-taken' && line.document === fortroligt);

    const fresh = await laptop(server, forum.medlem).sync(fortroligt);
    expect(fresh.doc.getMap(APPROVAL_KEYS_MAP).toJSON()).toEqual({ a: FIRST, b: SECOND });
    expect((fresh.doc.getMap('referatversioner').get(versionId) as Y.Map<unknown> | undefined)?.get('status')).toBe('godkendt');
  });
});
