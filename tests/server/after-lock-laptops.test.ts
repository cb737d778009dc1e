// After a shared meeting's referat is locked, its actions are still followed up, and a new referat version can be
// started, corrected and approved, from the laptops of a TRIO through the real server (server/sync/afterLock.ts).
// Everything else of the locked meeting stays refused, and a læser writes nothing.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentName } from '../../shared/sync/documents';
import { must } from '../unit/support';
import { serverInvitationCode, startAppLaptop, type AppLaptop } from './appLaptops';
import { until } from './laptop';
import { laptop } from './scenarios';
import { sqliteStorage, type LogLine, type ServerProcess, type Storage } from './serverProcess';
import { serverForSuite } from './suite';

const WAIT_MS = 30_000;

describe('et låst referat i et delt forum', () => {
  let server: ServerProcess;
  let storage: Storage;
  serverForSuite(sqliteStorage, (started, made) => {
    server = started;
    storage = made;
  });

  /** A TRIO of two agenda owners on their own laptops (and a læser's), a held meeting whose referat both approved. */
  async function lockedMeeting() {
    const skoleleder = await startAppLaptop('Skolelederens bærbar');
    await must(skoleleder.app, 'sync.join', { serverAddress: server.http, code: await serverInvitationCode(storage, '--deler', '--navn', 'Skoleleder') });
    const forum = await must(skoleleder.app, 'forums.create', { kind: 'trio', name: 'TRIO Nordskolen', school: 'Nordskolen' });
    const owner = (name: string, role: string) => must(skoleleder.app, 'members.add', { forumId: forum.id, name, role, fromDate: '2026-08-01', agendaOwner: true });
    const mette = await owner('Mette Lund', 'Skoleleder');
    const jonas = await owner('Jonas Holm', 'TR (lærere)');
    const meeting = await must(skoleleder.app, 'meetings.create', { forumId: forum.id, title: 'TRIO-møde', startsAt: '2026-12-10T14:00', durationMinutes: 90 });
    const skema = await must(skoleleder.app, 'agenda.addItem', { meetingId: meeting.id, title: 'Skemaet', type: 'droeftelse', minutes: 20 });
    const fravaer = await must(skoleleder.app, 'agenda.addItem', { meetingId: meeting.id, title: 'Sygefravær i indskolingen', type: 'droeftelse', minutes: 15, confidential: true });
    const action = await must(skoleleder.app, 'actions.create', { itemId: skema.id, what: 'Lav et udkast til skemaet', who: 'TR' });
    const closedAction = await must(skoleleder.app, 'actions.create', { itemId: fravaer.id, what: 'Tal med de sygemeldte', who: 'Skoleleder' });
    await must(skoleleder.app, 'sync.shareForum', { forumId: forum.id, serverAddress: server.http, forumPersonId: mette.personId });
    const join = async (name: string, right: 'medlem' | 'læser', forumPersonId: string | null): Promise<AppLaptop> => {
      const invitation = await must(skoleleder.app, 'sync.invite', { forumId: forum.id, right, name, forumPersonId });
      const joined = await startAppLaptop(`${name}s bærbar`);
      await must(joined.app, 'sync.join', { serverAddress: server.http, code: invitation.code });
      return joined;
    };
    const tr = await join('Jonas Holm', 'medlem', jonas.personId);
    const laeser = await join('Skolechefen', 'læser', null);

    await must(skoleleder.app, 'run.start', { meetingId: meeting.id });
    await must(skoleleder.app, 'run.end', { meetingId: meeting.id });
    const held = async (at: AppLaptop) => {
      const detail = await at.app.call('meetings.get', { meetingId: meeting.id });
      return detail.ok && detail.value.status === 'afholdt' && detail.value.items.some((i) => i.title === 'Sygefravær i indskolingen');
    };
    await until(() => held(tr), WAIT_MS, 'det afholdte møde hos TR');
    await approveOnBoth(meeting.id, [skoleleder, mette.personId], [tr, jonas.personId]);
    const ids = { forumId: forum.id, meetingId: meeting.id };
    return { skoleleder, tr, laeser, forum, skema, fravaer, action, closedAction, mette, jonas, ids };
  }

  /** Each approves on their own laptop; the second approval locks the referat, and every laptop sees it locked. */
  async function approveOnBoth(meetingId: string, [first, firstPerson]: [AppLaptop, string], [second, secondPerson]: [AppLaptop, string]) {
    const latest = async (at: AppLaptop) => (await must(at.app, 'referat.get', { meetingId })).versions.at(-1);
    await must(first.app, 'referat.approve', { meetingId, personId: firstPerson });
    await until(async () => (await latest(second))?.approvals.length === 1, WAIT_MS, 'den første godkendelse hos den anden');
    expect((await must(second.app, 'referat.approve', { meetingId, personId: secondPerson })).locked).toBe(true);
    for (const at of [first, second]) await until(async () => (await must(at.app, 'referat.get', { meetingId })).locked, WAIT_MS, 'det låste referat');
  }

  const refusals = (document: string) => server.logs().filter((line: LogLine) => line.event === 'refused' && line.reason === 'referat-locked' && line.document === document).length;

  it('handlingerne følges op efter låsen, også den fortrolige, og intet andet ved mødet ændres', { timeout: 180_000 }, async () => {
    const { skoleleder, tr, laeser, forum, action, closedAction, skema, fravaer, ids } = await lockedMeeting();
    const moede = documentName({ kind: 'moede', ...ids });
    const fortroligt = documentName({ kind: 'fortroligt', ...ids });

    await must(tr.app, 'actions.update', { actionId: action.id, status: 'udfoert', note: 'Udkastet er sendt til alle' });
    await must(tr.app, 'actions.update', { actionId: closedAction.id, status: 'igang', note: 'Første samtale er holdt' });
    const statusAt = async (at: AppLaptop, id: string) => (await must(at.app, 'actions.list', { forumId: forum.id })).rows.find((r) => r.id === id)?.status;
    await until(async () => (await statusAt(skoleleder, action.id)) === 'udfoert', WAIT_MS, 'den udførte handling hos skolelederen');
    await until(async () => (await statusAt(skoleleder, closedAction.id)) === 'igang', WAIT_MS, 'den fortrolige handling hos skolelederen');
    const notes = async (at: AppLaptop, id: string) => (await must(at.app, 'actions.notes', { actionId: id })).map((n) => n.note);
    expect(await notes(skoleleder, action.id)).toContain('Udkastet er sendt til alle');
    expect(await notes(skoleleder, closedAction.id)).toContain('Første samtale er holdt');
    await until(async () => (await statusAt(laeser, action.id)) === 'udfoert', WAIT_MS, 'den udførte handling hos læseren');
    expect(await statusAt(laeser, closedAction.id)).toBeUndefined();
    expect(refusals(moede) + refusals(fortroligt)).toBe(0);

    // The læser's own write is refused, as is a member's change of the locked meeting's item, even beside a follow-up.
    const laeserCredential = laeser.credentials.read(server.http)?.credential ?? '';
    const trCredential = tr.credentials.read(server.http)?.credential ?? '';
    const fromLaeser = await laptop(server, laeserCredential).sync(moede);
    (fromLaeser.doc.getMap('handlinger').get(action.id) as Y.Map<unknown>).set('status', 'droppet');
    await until(() => refusals(moede) === 1, 5000, 'afvisningen af læserens skrivning');
    const fromMember = await laptop(server, trCredential).sync(moede);
    fromMember.doc.transact(() => {
      (fromMember.doc.getMap('handlinger').get(action.id) as Y.Map<unknown>).set('status', 'igang');
      (fromMember.doc.getMap('punkter').get(skema.id) as Y.Map<unknown>).set('title', 'Ændret efter låsen');
    });
    await until(() => refusals(moede) === 2, 5000, 'afvisningen af ændringen af punktet');
    const deciding = await laptop(server, trCredential).sync(moede);
    deciding.doc.transact(() => {
      const decision = new Y.Map<unknown>();
      deciding.doc.getMap('beslutninger').set(randomUUID(), decision);
      decision.set('itemId', skema.id);
    });
    await until(() => refusals(moede) === 3, 5000, 'afvisningen af en beslutning til det låste møde');
    const secret = await laptop(server, trCredential).sync(fortroligt);
    (secret.doc.getMap('punkter').get(fravaer.id) as Y.Map<unknown>).set('title', 'Ændret efter låsen');
    await until(() => refusals(fortroligt) === 1, 5000, 'afvisningen af ændringen af det lukkede punkt');

    const fresh = await laptop(server, trCredential).sync(moede);
    expect((fresh.doc.getMap('punkter').get(skema.id) as Y.Map<unknown>).get('title')).toBe('Skemaet');
    expect(fresh.doc.getMap('beslutninger').size).toBe(0);
    expect((fresh.doc.getMap('handlinger').get(action.id) as Y.Map<unknown>).get('status')).toBe('udfoert');
    expect((await must(skoleleder.app, 'meetings.get', { meetingId: ids.meetingId })).items.map((i) => i.title)).toContain('Skemaet');
  });

  it('en ny version af referatet rettes og godkendes på begge bærbare og låses igen', { timeout: 180_000 }, async () => {
    const { skoleleder, tr, skema, mette, jonas, ids } = await lockedMeeting();
    const moede = documentName({ kind: 'moede', ...ids });

    const started = await must(skoleleder.app, 'referat.newVersion', { meetingId: ids.meetingId, reason: 'Punktets titel var forkert' });
    expect(started.locked).toBe(false);
    const titleAt = async (at: AppLaptop) => (await must(at.app, 'meetings.get', { meetingId: ids.meetingId })).items.find((i) => i.id === skema.id)?.title;
    const versionsAt = async (at: AppLaptop) => (await must(at.app, 'referat.get', { meetingId: ids.meetingId })).versions;
    await until(async () => (await versionsAt(tr)).length === 2, WAIT_MS, 'den nye version hos TR');

    expect((await versionsAt(tr)).at(-1)).toMatchObject({ number: 2, status: 'udkast', changeNote: 'Punktets titel var forkert' });

    // The server has lifted the lock, so the new version's corrections and approvals go through.
    await server.waitForLog((line) => line.event === 'referat-unlocked' && line.document === moede);
    await must(tr.app, 'agenda.updateItem', { itemId: skema.id, title: 'Skemaet for 2027', type: 'droeftelse', minutes: 20 });
    await until(async () => (await titleAt(skoleleder)) === 'Skemaet for 2027', WAIT_MS, 'rettelsen hos skolelederen');

    await approveOnBoth(ids.meetingId, [tr, jonas.personId], [skoleleder, mette.personId]);
    for (const at of [skoleleder, tr]) expect((await versionsAt(at)).map((v) => v.status)).toEqual(['godkendt', 'godkendt']);
    // The server's log reaches the test through its output, which may come after the laptops have the lock.
    const locks = () => server.logs().filter((line) => line.event === 'referat-locked' && line.document === moede).length;
    await until(() => locks() === 2, 5000, 'den anden låsning i serverens log');

    // Locked again everywhere: the laptop refuses an edit, and so does the server.
    const again = await tr.app.call('agenda.updateItem', { itemId: skema.id, title: 'Skemaet igen', type: 'droeftelse', minutes: 20 });
    expect(again).toMatchObject({ ok: false, error: { code: 'konflikt' } });
    const refusedBefore = refusals(moede);
    const raw = await laptop(server, tr.credentials.read(server.http)?.credential ?? '').sync(moede);
    (raw.doc.getMap('punkter').get(skema.id) as Y.Map<unknown>).set('title', 'Skemaet igen');
    await until(() => refusals(moede) === refusedBefore + 1, 5000, 'afvisningen efter den nye låsning');
    expect(server.logs().filter((line) => line.event === 'refused' && line.forum === ids.forumId && line.device !== undefined && line.reason !== 'referat-locked')).toEqual([]);
  });
});
