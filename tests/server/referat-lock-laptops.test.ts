// The referat locks on every laptop, its confidential part too: the last approval writes the locked version in
// the meeting document and in the members-only one, and the server takes the second although the first locked
// the meeting (server/sync/meetingLocks.ts), and nothing else after the lock.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MEETING_ROOT, REFERAT_LOCKED_KEY, documentName } from '../../shared/sync/documents';
import { must } from '../unit/support';
import { serverInvitationCode, startAppLaptop, type AppLaptop } from './appLaptops';
import { shareForum } from './forum';
import { acknowledged, until } from './laptop';
import { versionIn } from './referatVersions';
import { laptop } from './scenarios';
import { sqliteStorage, type LogLine, type ServerProcess, type Storage } from './serverProcess';
import { serverForSuite } from './suite';

describe('referatet låses på alle bærbare, også den fortrolige del', () => {
  let server: ServerProcess;
  let storage: Storage;
  serverForSuite(sqliteStorage, (started, made) => {
    server = started;
    storage = made;
  });

  /** A TRIO shared by the skoleleder, joined by the TR and the AMR, all three agenda owners; its meeting with a closed item is held. */
  async function heldTrio() {
    const skoleleder = await startAppLaptop('Skolelederens bærbar');
    await must(skoleleder.app, 'sync.join', { serverAddress: server.http, code: await serverInvitationCode(storage, '--deler', '--navn', 'Skoleleder') });
    const forum = await must(skoleleder.app, 'forums.create', { kind: 'trio', name: 'TRIO Østskolen', school: 'Østskolen' });
    const owner = (name: string, role: string) => must(skoleleder.app, 'members.add', { forumId: forum.id, name, role, fromDate: '2026-08-01', agendaOwner: true });
    const mette = await owner('Mette Lund', 'Skoleleder');
    const jonas = await owner('Jonas Holm', 'TR (lærere)');
    const anne = await owner('Anne Berg', 'AMR');
    const meeting = await must(skoleleder.app, 'meetings.create', { forumId: forum.id, title: 'TRIO-møde', startsAt: '2026-12-10T14:00', durationMinutes: 90 });
    await must(skoleleder.app, 'agenda.addItem', { meetingId: meeting.id, title: 'Skemaet', type: 'droeftelse', minutes: 20 });
    await must(skoleleder.app, 'agenda.addItem', { meetingId: meeting.id, title: 'Sygefravær i indskolingen', type: 'droeftelse', minutes: 15, confidential: true });
    await must(skoleleder.app, 'sync.shareForum', { forumId: forum.id, serverAddress: server.http, forumPersonId: mette.personId });
    const join = async (name: string, personId: string): Promise<AppLaptop> => {
      const invitation = await must(skoleleder.app, 'sync.invite', { forumId: forum.id, right: 'medlem', name, forumPersonId: personId });
      const joined = await startAppLaptop(`${name}s bærbar`);
      await must(joined.app, 'sync.join', { serverAddress: server.http, code: invitation.code });
      return joined;
    };
    const tr = await join('Jonas Holm', jonas.personId);
    const amr = await join('Anne Berg', anne.personId);

    await must(skoleleder.app, 'run.start', { meetingId: meeting.id });
    await must(skoleleder.app, 'run.end', { meetingId: meeting.id });
    const held = async (at: AppLaptop) => {
      const detail = await at.app.call('meetings.get', { meetingId: meeting.id });
      return detail.ok && detail.value.status === 'afholdt' && detail.value.items.some((i) => i.title === 'Sygefravær i indskolingen');
    };
    for (const at of [tr, amr]) await until(() => held(at), 30_000, 'det afholdte møde med det lukkede punkt');
    return { skoleleder, tr, amr, forum, meeting, mette, jonas, anne };
  }

  /** The locked version in the fortroligt document as the server holds it for members: what a fresh laptop gets. */
  async function lockedOnServer(credential: string, forumId: string, meetingId: string): Promise<Y.Map<unknown>[]> {
    const fresh = laptop(server, credential);
    const confidential = await fresh.sync(documentName({ kind: 'fortroligt', forumId, meetingId }));
    const versions = [...confidential.doc.getMap('referatversioner').values()].filter((v): v is Y.Map<unknown> => v instanceof Y.Map);
    return versions;
  }

  it('tre dagsordensejere godkender hver på sin bærbar et møde med et lukket punkt', { timeout: 180_000 }, async () => {
    const { skoleleder, tr, amr, forum, meeting, mette, jonas, anne } = await heldTrio();
    const laptops = [skoleleder, tr, amr];

    const approvals = async (at: AppLaptop) => (await must(at.app, 'referat.get', { meetingId: meeting.id })).versions.at(-1)?.approvals.length ?? 0;
    await must(skoleleder.app, 'referat.approve', { meetingId: meeting.id, personId: mette.personId });
    await until(async () => (await approvals(amr)) === 1, 30_000, 'skolelederens godkendelse hos AMR');
    await must(amr.app, 'referat.approve', { meetingId: meeting.id, personId: anne.personId });
    await until(async () => (await approvals(tr)) === 2, 30_000, 'to godkendelser hos TR');
    // The last approval locks the referat: the TR's laptop writes the locked version in both documents.
    const locked = await must(tr.app, 'referat.approve', { meetingId: meeting.id, personId: jonas.personId });
    expect(locked.locked).toBe(true);
    for (const at of laptops) {
      await until(async () => (await must(at.app, 'referat.get', { meetingId: meeting.id })).locked, 30_000, 'det låste referat på hver bærbar');
    }

    // What the server holds for members: the locked version, confidential part included, as a fresh laptop gets it.
    const versions = await lockedOnServer(amr.credentials.read(server.http)?.credential ?? '', forum.id, meeting.id);
    expect(versions.map((v) => v.get('status'))).toEqual(['godkendt']);
    expect(String(versions[0]?.get('snapshot'))).toContain('Sygefravær i indskolingen');
    expect(server.logs().filter((line) => line.event === 'refused' && line.forum === forum.id)).toEqual([]);
  });

  it('de to sidste godkendelser gives uden forbindelse på hver sin bærbar; referatet låses, når begge kommer på igen', { timeout: 180_000 }, async () => {
    const { skoleleder, tr, amr, forum, meeting, mette, jonas, anne } = await heldTrio();
    const approvals = async (at: AppLaptop) => (await must(at.app, 'referat.get', { meetingId: meeting.id })).versions.at(-1)?.approvals.length ?? 0;
    await must(skoleleder.app, 'referat.approve', { meetingId: meeting.id, personId: mette.personId });
    for (const at of [tr, amr]) await until(async () => (await approvals(at)) === 1, 30_000, 'skolelederens godkendelse');

    // The TR approves on the train, the AMR at home: each laptop without the server, neither sees the other's.
    const offline = async (at: AppLaptop, personId: string, name: string) => {
      at.app.close();
      const away = await startAppLaptop(name, { path: at.path, offline: true });
      expect((await must(away.app, 'referat.approve', { meetingId: meeting.id, personId })).locked).toBe(false);
      away.app.close();
    };
    await offline(tr, jonas.personId, 'Jonas Holms bærbar');
    await offline(amr, anne.personId, 'Anne Bergs bærbar');
    const laptops = [
      skoleleder,
      ...(await Promise.all([startAppLaptop('Jonas Holms bærbar', { path: tr.path }), startAppLaptop('Anne Bergs bærbar', { path: amr.path })])),
    ];

    const referatAt = (at: AppLaptop) => must(at.app, 'referat.get', { meetingId: meeting.id });
    for (const at of laptops) await until(async () => (await referatAt(at)).locked, 30_000, 'det låste referat på hver bærbar');
    // One locked version, the same on every laptop, with all three approvals.
    const versions = await Promise.all(laptops.map(async (at) => (await referatAt(at)).versions));
    const lockedAt = versions[0]?.[0]?.approvedAt;
    for (const held of versions) {
      expect(held.map((v) => [v.status, v.approvedAt])).toEqual([['godkendt', lockedAt]]);
      expect(held[0]?.approvals.map((a) => a.personId).sort()).toEqual([mette.personId, jonas.personId, anne.personId].sort());
    }
    // The confidential part's locked version is on every member's laptop, and on the server.
    const fortroligt = documentName({ kind: 'fortroligt', forumId: forum.id, meetingId: meeting.id });
    for (const at of laptops) {
      const services = await at.app.ready;
      await until(
        () => {
          const [held, ...more] = [...services.sync.docFor(fortroligt).getMap('referatversioner').values()] as Y.Map<unknown>[];
          return more.length === 0 && held !== undefined && held.get('approvedAt') === lockedAt && String(held.get('snapshot')).includes('Sygefravær i indskolingen');
        },
        30_000,
        'den låste version i det fortrolige dokument',
      );
    }
    const stored = await lockedOnServer(amr.credentials.read(server.http)?.credential ?? '', forum.id, meeting.id);
    expect(stored.map((v) => [v.get('status'), v.get('approvedAt')])).toEqual([['godkendt', lockedAt]]);
    // Nothing refused, nothing left waiting on any laptop.
    for (const at of laptops) {
      await until(async () => (await must(at.app, 'sync.status', {})).every((s) => s.waiting === 0 && s.refusedChange === undefined), 30_000, 'intet ventende');
    }
    expect(server.logs().filter((line) => line.event === 'refused' && line.forum === forum.id)).toEqual([]);
  });

  it('TR godkender sidst uden forbindelse efter at have fulgt op på en fortrolig handling; låsen venter, til opfølgningen er taget', { timeout: 180_000 }, async () => {
    const { skoleleder, tr, amr, forum, meeting, mette, jonas, anne } = await heldTrio();
    const closedItem = (await must(skoleleder.app, 'meetings.get', { meetingId: meeting.id })).items.find((i) => i.confidential);
    if (!closedItem) throw new Error('Mødet har intet lukket punkt.');
    const closedAction = await must(skoleleder.app, 'actions.create', { itemId: closedItem.id, what: 'Tal med de sygemeldte', who: 'Skoleleder' });
    const statusAt = async (at: AppLaptop) => (await must(at.app, 'actions.list', { forumId: forum.id })).rows.find((r) => r.id === closedAction.id)?.status;
    await until(async () => (await statusAt(tr)) === 'aaben', 30_000, 'den fortrolige handling hos TR');
    const approvals = async (at: AppLaptop) => (await must(at.app, 'referat.get', { meetingId: meeting.id })).versions.at(-1)?.approvals.length ?? 0;
    await must(skoleleder.app, 'referat.approve', { meetingId: meeting.id, personId: mette.personId });
    await until(async () => (await approvals(amr)) === 1, 30_000, 'skolelederens godkendelse hos AMR');
    await must(amr.app, 'referat.approve', { meetingId: meeting.id, personId: anne.personId });
    await until(async () => (await approvals(tr)) === 2, 30_000, 'to godkendelser hos TR');

    // On the train: the TR follows up the closed item's action (the fortroligt document) and approves last.
    tr.app.close();
    const away = await startAppLaptop('Jonas Holms bærbar', { path: tr.path, offline: true });
    await must(away.app, 'actions.markDone', { actionId: closedAction.id });
    // Approved by all, but not locked while the server lacks the follow-up: the lock would travel with it, after the
    // meeting document had locked the meeting, and be refused (electron/sync/awaitedLock.ts).
    expect((await must(away.app, 'referat.approve', { meetingId: meeting.id, personId: jonas.personId })).locked).toBe(false);
    away.app.close();
    const back = await startAppLaptop('Jonas Holms bærbar', { path: tr.path });

    // Online again: the follow-up reaches the others, and so does the lock, confidential part included.
    const laptops = [skoleleder, back, amr];
    for (const at of laptops) await until(async () => (await must(at.app, 'referat.get', { meetingId: meeting.id })).locked, 30_000, 'det låste referat på hver bærbar');
    for (const at of laptops) await until(async () => (await statusAt(at)) === 'udfoert', 30_000, 'opfølgningen på hver bærbar');
    const versions = await lockedOnServer(amr.credentials.read(server.http)?.credential ?? '', forum.id, meeting.id);
    expect(versions.map((v) => v.get('status'))).toEqual(['godkendt']);
    await until(async () => (await must(back.app, 'sync.status', {})).every((s) => s.waiting === 0 && s.refusedChange === undefined), 30_000, 'intet ventende hos TR');
    expect(server.logs().filter((line) => line.event === 'refused' && line.forum === forum.id)).toEqual([]);
  });

  it('låsens skrivning til det fortrolige dokument tages, også når den kommer efter låsen, og intet andet', { timeout: 60_000 }, async () => {
    const forum = await shareForum(server);
    const meetingId = randomUUID();
    const moede = documentName({ kind: 'moede', forumId: forum.forumId, meetingId });
    const fortroligt = documentName({ kind: 'fortroligt', forumId: forum.forumId, meetingId });
    const locker = laptop(server, forum.admin);
    const lockerMeeting = await locker.sync(moede);
    const lockerSecret = await locker.sync(fortroligt);
    const other = await laptop(server, forum.medlem).sync(fortroligt);

    // A draft referat of a meeting with a closed item, as the laptops write them (electron/sync/README.md).
    const versionId = randomUUID();
    const itemId = randomUUID();
    const earlier = randomUUID();
    lockerSecret.doc.transact(() => {
      versionIn(lockerSecret.doc, versionId);
      const approvedBefore = new Y.Map<unknown>();
      lockerSecret.doc.getMap('referatversioner').set(earlier, approvedBefore);
      approvedBefore.set('status', 'godkendt');
      approvedBefore.set('snapshot', 'Det første referat');
      const item = new Y.Map<unknown>();
      lockerSecret.doc.getMap('punkter').set(itemId, item);
      item.set('title', 'Sygefravær i indskolingen');
    });
    lockerMeeting.doc.transact(() => versionIn(lockerMeeting.doc, versionId));
    await Promise.all([acknowledged(lockerSecret.provider), acknowledged(lockerMeeting.provider)]);
    await until(() => other.doc.getMap('punkter').has(itemId), 5000, 'det lukkede punkt hos det andet medlem');

    // The meeting document's lock arrives first: the two documents' messages are handled side by side.
    const lockedAt = new Date().toISOString();
    lockerMeeting.doc.transact(() => {
      versionIn(lockerMeeting.doc, versionId).set('status', 'godkendt');
      versionIn(lockerMeeting.doc, versionId).set('approvedAt', lockedAt);
      lockerMeeting.doc.getMap(MEETING_ROOT).set(REFERAT_LOCKED_KEY, lockedAt);
    });
    await server.waitForLog((line) => line.event === 'referat-locked' && line.document === moede);
    const refusedFrom = (device: string) => (line: LogLine) => line.event === 'refused' && line.reason === 'referat-locked' && line.document === fortroligt && line.device === device;

    // Another member may not write the locked version, not even its status.
    versionIn(other.doc, versionId).set('snapshot', 'Et andet referat');
    await server.waitForLog(refusedFrom(forum.medlem.deviceId));
    // The locking device itself may change nothing else, each tried from a connection of its own: the closed
    // item, and an earlier version of the referat.
    const refusedLocker = (count: number) => until(() => server.logs().filter(refusedFrom(forum.admin.deviceId)).length === count, 5000, `${count} afvisninger`);
    const sneakyItem = (await laptop(server, forum.admin).sync(fortroligt)).doc.getMap('punkter').get(itemId);
    if (!(sneakyItem instanceof Y.Map)) throw new Error('Det lukkede punkt kom ikke med.');
    sneakyItem.set('title', 'Ændret efter låsen');
    await refusedLocker(1);
    const sneakyVersion = (await laptop(server, forum.admin).sync(fortroligt)).doc.getMap('referatversioner').get(earlier);
    if (!(sneakyVersion instanceof Y.Map)) throw new Error('Den første version kom ikke med.');
    sneakyVersion.set('snapshot', 'Et omskrevet første referat');
    await refusedLocker(2);

    // The locker's own write of the version it locked is taken, once.
    lockerSecret.doc.transact(() => {
      versionIn(lockerSecret.doc, versionId).set('status', 'godkendt');
      versionIn(lockerSecret.doc, versionId).set('approvedAt', lockedAt);
      versionIn(lockerSecret.doc, versionId).set('snapshot', 'Referatet, som det blev godkendt');
    });
    await acknowledged(lockerSecret.provider);
    await server.waitForLog((line) => line.event === 'lock-write-taken' && line.document === fortroligt);
    versionIn(lockerSecret.doc, versionId).set('snapshot', 'Rettet bagefter');
    await refusedLocker(3);

    const fresh = await laptop(server, forum.medlem).sync(fortroligt);
    const held = fresh.doc.getMap('referatversioner').get(versionId);
    expect(held instanceof Y.Map ? held.toJSON() : null).toEqual({ status: 'godkendt', approvedAt: lockedAt, snapshot: 'Referatet, som det blev godkendt' });
    expect((fresh.doc.getMap('referatversioner').get(earlier) as Y.Map<unknown> | undefined)?.get('snapshot')).toBe('Det første referat');
    expect((fresh.doc.getMap('punkter').get(itemId) as Y.Map<unknown> | undefined)?.get('title')).toBe('Sygefravær i indskolingen');
  });
});
