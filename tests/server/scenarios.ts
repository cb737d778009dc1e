// The server's scenarios, each on a running server, so the same ones run on SQLite and on PostgreSQL.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { MEETING_ROOT, REFERAT_LOCKED_KEY, documentName } from '../../shared/sync/documents';
import { INBOX_SUBMISSIONS } from '../../shared/sync/inbox';
import { invite, redeem, shareForum, type Person } from './forum';
import { Laptop, acknowledged, api, until, within } from './laptop';
import type { ServerProcess } from './serverProcess';

/** Every credential, code and content string a scenario used: none of them may appear in the server's output. */
export const secrets: string[] = [];

const laptops: Laptop[] = [];
export function laptop(server: ServerProcess, person: Person | string): Laptop {
  const opened = new Laptop(server.url, typeof person === 'string' ? person : person.credential);
  laptops.push(opened);
  return opened;
}
export function closeLaptops(): void {
  laptops.splice(0).forEach((each) => each.close());
}

function meetingDocs(forumId: string) {
  const meetingId = randomUUID();
  return {
    meetingId,
    moede: documentName({ kind: 'moede', forumId, meetingId }),
    fortroligt: documentName({ kind: 'fortroligt', forumId, meetingId }),
  };
}

function canary(label: string): string {
  const value = `${label}-${randomUUID()}`;
  secrets.push(value);
  return value;
}

/** What a fresh member laptop gets from the server for a document: the server's stored state. */
async function serverText(server: ServerProcess, person: Person, name: string, field = 'punkt'): Promise<string> {
  const fresh = laptop(server, person);
  const opened = await fresh.sync(name);
  const text = opened.doc.getText(field).toString();
  fresh.close();
  return text;
}

export async function membersWriteAndRead(server: ServerProcess): Promise<void> {
  const forum = await shareForum(server);
  const { moede } = meetingDocs(forum.forumId);
  const admin = await laptop(server, forum.admin).sync(moede);
  const medlem = await laptop(server, forum.medlem).sync(moede);
  const item = canary('Trivsel i 7.b');
  admin.doc.getText('punkt').insert(0, item);
  await acknowledged(admin.provider);
  await until(() => medlem.doc.getText('punkt').toString() === item, 5000, 'medlemmet ser punktet');
  medlem.doc.getMap(MEETING_ROOT).set('sted', 'Mødelokale 2');
  await acknowledged(medlem.provider);
  await until(() => admin.doc.getMap(MEETING_ROOT).get('sted') === 'Mødelokale 2', 5000, 'administratoren ser stedet');
  const index = await laptop(server, forum.medlem).sync(documentName({ kind: 'forum', forumId: forum.forumId }));
  expect(index.provider.isAuthenticated).toBe(true);
}

export async function readerReadsOnlyAndNeverReceivesConfidential(server: ServerProcess): Promise<void> {
  const forum = await shareForum(server);
  const { moede, fortroligt } = meetingDocs(forum.forumId);
  const before = canary('FORTROLIG-FOER');
  const member = laptop(server, forum.medlem);
  const memberConfidential = await member.sync(fortroligt);
  memberConfidential.doc.getText('punkt').insert(0, before);
  const memberMeeting = await member.sync(moede);
  memberMeeting.doc.getText('punkt').insert(0, 'Dagsorden');
  await acknowledged(memberConfidential.provider);
  await acknowledged(memberMeeting.provider);

  const reader = laptop(server, forum.laeser);
  await reader.sync(documentName({ kind: 'forum', forumId: forum.forumId }));
  const readerMeeting = await reader.sync(moede);
  expect(readerMeeting.doc.getText('punkt').toString()).toBe('Dagsorden');
  const denied = await within(reader.open(fortroligt).outcome, 5000, 'læserens fortrolige dokument');
  expect(denied).toEqual({ kind: 'denied', reason: 'confidential' });

  // Written while the reader is connected: a broadcast to the wrong socket would carry it.
  const after = canary('FORTROLIG-EFTER');
  memberConfidential.doc.getText('punkt').insert(0, after);
  await acknowledged(memberConfidential.provider);

  // The reader's own change is refused and never stored.
  const attempt = canary('LAESER-SKRIVER');
  readerMeeting.doc.getText('punkt').insert(0, attempt);
  await server.waitForLog((line) => line.event === 'refused' && line.reason === 'read-only' && line.device === forum.laeser.deviceId);
  expect(readerMeeting.provider.hasUnsyncedChanges).toBe(true);
  expect(await serverText(server, forum.medlem, moede)).toBe('Dagsorden');

  // The check can fail: a member's laptop, recorded the same way, does receive the canaries.
  const control = laptop(server, forum.admin);
  await control.sync(fortroligt);
  expect(control.receivedText()).toContain(before);
  expect(control.receivedText()).toContain(after);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(reader.received.bytes.length).toBeGreaterThan(0);
  expect(reader.receivedText()).not.toContain(before);
  expect(reader.receivedText()).not.toContain(after);
  expect(reader.receivedText()).not.toContain('FORTROLIG');
}

export async function removedMemberIsCutOffAtOnce(server: ServerProcess): Promise<void> {
  const forum = await shareForum(server);
  const { moede } = meetingDocs(forum.forumId);
  const member = laptop(server, forum.medlem);
  const opened = await member.sync(moede);
  const closed = new Promise<string>((resolve) => opened.provider.on('close', ({ event }: { event: { reason: string } }) => resolve(event.reason)));
  const started = Date.now();
  const removed = await api(server.http, 'DELETE', `/api/fora/${forum.forumId}/medlemmer/${forum.medlem.personId}`, { credential: forum.admin.credential });
  expect(removed.status).toBe(204);
  expect(await within(closed, 2000, 'lukning af det fjernede medlems forbindelse')).toBe('not-member');
  expect(Date.now() - started).toBeLessThan(2000);
  const again = await within(laptop(server, forum.medlem).open(moede).outcome, 5000, 'nyt forsøg');
  expect(again).toEqual({ kind: 'denied', reason: 'not-member' });
}

export async function revokedDeviceIsCutOffAtOnce(server: ServerProcess): Promise<void> {
  const forum = await shareForum(server);
  const { moede } = meetingDocs(forum.forumId);
  const member = laptop(server, forum.medlem);
  const opened = await member.sync(moede);
  const disconnected = new Promise<number>((resolve) => member.socket.on('disconnect', ({ event }: { event: { code: number } }) => resolve(event.code)));
  const refused = new Promise<string>((resolve) => opened.provider.on('authenticationFailed', ({ reason }: { reason: string }) => resolve(reason)));
  const revoked = await api(server.http, 'DELETE', `/api/enheder/${forum.medlem.deviceId}`, { credential: forum.admin.credential });
  expect(revoked.status).toBe(204);
  expect(await within(disconnected, 2000, 'lukning af den spærrede enheds forbindelse')).toBe(4410);
  // The laptop reconnects by itself and is refused.
  expect(await within(refused, 5000, 'afvisning efter genforbindelse')).toBe('revoked-device');
  const http = await api<{ fejl: string }>(server.http, 'GET', '/api/mig', { credential: forum.medlem.credential });
  expect(http.status).toBe(401);
  expect(http.body.fejl).toMatch(/spærret/);
}

export async function lowerRightTakesEffectAtOnce(server: ServerProcess): Promise<void> {
  const forum = await shareForum(server);
  const { moede, fortroligt } = meetingDocs(forum.forumId);
  const member = laptop(server, forum.medlem);
  const meeting = await member.sync(moede);
  const confidential = await member.sync(fortroligt);
  meeting.doc.getText('punkt').insert(0, 'Før');
  await acknowledged(meeting.provider);
  const closed = new Promise<string>((resolve) => confidential.provider.on('close', ({ event }: { event: { reason: string } }) => resolve(event.reason)));
  const changed = await api(server.http, 'PUT', `/api/fora/${forum.forumId}/medlemmer/${forum.medlem.personId}`, {
    credential: forum.admin.credential,
    body: { ret: 'læser' },
  });
  expect(changed.status).toBe(200);
  expect(await within(closed, 2000, 'lukning af det fortrolige dokument')).toBe('confidential');
  meeting.doc.getText('punkt').insert(0, 'Efter ');
  await server.waitForLog((line) => line.event === 'refused' && line.reason === 'read-only' && line.device === forum.medlem.deviceId);
  expect(await serverText(server, forum.admin, moede)).toBe('Før');
}

export async function invitationsAreSingleUseAndExpire(server: ServerProcess): Promise<void> {
  const forum = await shareForum(server);
  const code = await invite(server, forum.admin, forum.forumId, 'medlem');
  secrets.push(code);
  const first = await redeem(server, code.toLowerCase().replace(/-/g, ' '), 'AMR-bærbar');
  secrets.push(first.credential);
  const second = await api<{ fejl: string; grund?: string }>(server.http, 'POST', '/api/invitationer/indloes', { body: { kode: code, enhedsnavn: 'En anden' } });
  expect(second.status).toBe(410);
  expect(second.body).toMatchObject({ fejl: expect.stringMatching(/allerede brugt/), grund: 'brugt' });

  const short = await invite(server, forum.admin, forum.forumId, 'læser', { gyldigSekunder: 1 });
  secrets.push(short);
  await new Promise((resolve) => setTimeout(resolve, 1200));
  const late = await api<{ fejl: string; grund?: string }>(server.http, 'POST', '/api/invitationer/indloes', { body: { kode: short, enhedsnavn: 'For sent' } });
  expect(late.status).toBe(410);
  expect(late.body).toMatchObject({ fejl: expect.stringMatching(/udløbet/), grund: 'udloebet' });

  const unknown = await api<{ fejl: string; grund?: string }>(server.http, 'POST', '/api/invitationer/indloes', { body: { kode: 'AAAAA-BBBBB-CCCCC-DDDDD', enhedsnavn: 'Gæt' } });
  expect(unknown.status).toBe(404);
  expect(unknown.body).toMatchObject({ grund: 'ukendt' });
  // Only a forum admin may invite.
  const notAdmin = await api<{ fejl: string }>(server.http, 'POST', `/api/fora/${forum.forumId}/invitationer`, {
    credential: forum.medlem.credential,
    body: { ret: 'medlem', navn: 'Ven' },
  });
  expect(notAdmin.status).toBe(403);
  expect(notAdmin.body.fejl).toMatch(/administratorer/);
}

export async function forgedAndStrangersAreDenied(server: ServerProcess): Promise<void> {
  const forum = await shareForum(server);
  const other = await shareForum(server);
  const { moede, meetingId } = meetingDocs(forum.forumId);
  const cases: [string, string, string][] = [
    ['forged credential', 'x'.repeat(43), moede],
    ['empty credential', '', moede],
    ['malformed name', forum.medlem.credential, `forum/${forum.forumId}/moede/ikke-et-id`],
    ['unknown kind', forum.medlem.credential, `forum/${forum.forumId}/sager/${randomUUID()}`],
    ['not a member', other.medlem.credential, moede],
    ['unknown forum', forum.medlem.credential, documentName({ kind: 'forum', forumId: randomUUID() })],
  ];
  const expected = ['unknown-device', 'unknown-device', 'unknown-document', 'unknown-document', 'not-member', 'unknown-forum'];
  for (const [index, [, credential, name]] of cases.entries()) {
    const outcome = await within(laptop(server, credential).open(name).outcome, 5000, `afvisning ${index}`);
    expect(outcome).toEqual({ kind: 'denied', reason: expected[index] });
  }
  // The same meeting id under another forum is that forum's own document and carries nothing of this one.
  const opened = await laptop(server, forum.medlem).sync(moede);
  opened.doc.getText('punkt').insert(0, 'Kun i det ene forum');
  await acknowledged(opened.provider);
  const elsewhere = await laptop(server, other.medlem).sync(documentName({ kind: 'moede', forumId: other.forumId, meetingId }));
  expect(elsewhere.doc.getText('punkt').toString()).toBe('');
  const forged = await api<{ fejl: string }>(server.http, 'GET', '/api/mig', { credential: 'x'.repeat(43) });
  expect(forged.status).toBe(401);
  expect(forged.body.fejl).toMatch(/ikke kendt/);
}

export async function inboxBelongsToSubmitterAndMembers(server: ServerProcess): Promise<void> {
  const forum = await shareForum(server);
  const submitter = (await shareForum(server)).medlem;
  const inbox = documentName({ kind: 'indbakke', forumId: forum.forumId, personId: submitter.personId });
  const own = await laptop(server, submitter).sync(inbox);
  own.doc.getText(INBOX_SUBMISSIONS).insert(0, 'Fra lyttemødet');
  await acknowledged(own.provider);
  expect(await serverText(server, forum.medlem, inbox, INBOX_SUBMISSIONS)).toBe('Fra lyttemødet');
  const notOwn = documentName({ kind: 'indbakke', forumId: forum.forumId, personId: forum.medlem.personId });
  expect(await within(laptop(server, submitter).open(notOwn).outcome, 5000, 'en andens indbakke')).toEqual({ kind: 'denied', reason: 'not-member' });
  expect(await within(laptop(server, forum.laeser).open(inbox).outcome, 5000, 'læserens indbakke')).toEqual({ kind: 'denied', reason: 'confidential' });
}

export async function lockedReferatRefusesWrites(server: ServerProcess): Promise<void> {
  const forum = await shareForum(server);
  const { moede, fortroligt } = meetingDocs(forum.forumId);
  const owner = laptop(server, forum.admin);
  const ownerMeeting = await owner.sync(moede);
  const other = laptop(server, forum.medlem);
  const otherMeeting = await other.sync(moede);
  const otherConfidential = await other.sync(fortroligt);
  ownerMeeting.doc.getText('punkt').insert(0, 'Godkendt referat');
  ownerMeeting.doc.getMap(MEETING_ROOT).set(REFERAT_LOCKED_KEY, new Date().toISOString());
  await acknowledged(ownerMeeting.provider);
  await server.waitForLog((line) => line.event === 'referat-locked');

  // Connections that were open before the lock can no longer write, to either document.
  otherMeeting.doc.getText('punkt').insert(0, 'Rettet bagefter ');
  otherConfidential.doc.getText('punkt').insert(0, 'Fortroligt bagefter');
  await server.waitForLog((line) => line.event === 'refused' && line.reason === 'referat-locked' && line.document === fortroligt);
  await server.waitForLog((line) => line.event === 'refused' && line.reason === 'referat-locked' && line.document === moede);
  // Nor can a connection opened after it.
  const late = await laptop(server, forum.medlem).sync(moede);
  late.doc.getText('punkt').insert(0, 'Endnu senere ');
  await until(() => server.logs().filter((line) => line.event === 'refused' && line.document === moede).length >= 2, 5000, 'afvisning af den sene skrivning');
  expect(await serverText(server, forum.admin, moede)).toBe('Godkendt referat');
  expect(await serverText(server, forum.admin, fortroligt)).toBe('');
}

/** The acknowledged change survives a kill -9 of the server right after the laptop saw the acknowledgement. */
export async function acknowledgedSurvivesKill9(start: () => Promise<ServerProcess>): Promise<void> {
  const server = await start();
  const forum = await shareForum(server);
  const { moede } = meetingDocs(forum.forumId);
  const writer = laptop(server, forum.medlem);
  const opened = await writer.sync(moede);
  const text = opened.doc.getText('punkt');
  const words: string[] = [];
  for (let i = 0; i < 30; i++) {
    const word = `ord${i} `;
    words.push(word);
    opened.doc.transact(() => text.insert(text.length, word));
    opened.doc.getMap(MEETING_ROOT).set(`felt${i}`, i);
  }
  await acknowledged(opened.provider);
  await server.kill9();
  writer.close();
  const restarted = await start();
  expect(restarted.firstAdminCode).toBeNull();
  const fresh = await laptop(restarted, forum.medlem).sync(moede);
  expect(fresh.doc.getText('punkt').toString()).toBe(words.join(''));
  expect(fresh.doc.getMap(MEETING_ROOT).get('felt29')).toBe(29);
  // And it still holds after the restarted server has compacted the updates into the stored state.
  fresh.doc.getText('punkt').insert(0, 'Til sidst: ');
  await acknowledged(fresh.provider);
  await restarted.stop();
  const third = await start();
  const last = await laptop(third, forum.medlem).sync(moede);
  expect(last.doc.getText('punkt').toString()).toBe(`Til sidst: ${words.join('')}`);
  await third.stop();
}

export async function personJoinsAnotherForumOnSameDevice(server: ServerProcess): Promise<void> {
  const first = await shareForum(server);
  const second = await shareForum(server);
  const code = await invite(server, second.admin, second.forumId, 'medlem');
  secrets.push(code);
  const joined = await api<{ personId: string; deviceId: string; credential?: string }>(server.http, 'POST', '/api/invitationer/indloes', {
    credential: first.medlem.credential,
    body: { kode: code },
  });
  expect(joined.status).toBe(201);
  expect(joined.body).toEqual({ personId: first.medlem.personId, deviceId: first.medlem.deviceId });
  const me = await api<{ fora: { forumId: string; ret: string }[] }>(server.http, 'GET', '/api/mig', { credential: first.medlem.credential });
  expect(me.body.fora.map((forum) => forum.forumId).sort()).toEqual([first.forumId, second.forumId].sort());
  await laptop(server, first.medlem).sync(documentName({ kind: 'forum', forumId: second.forumId }));
}

export async function membersAreListedWithRightsAndDevices(server: ServerProcess): Promise<void> {
  const forum = await shareForum(server);
  type Listed = { medlemmer: { personId: string; ret: string; admin: boolean; enheder?: { deviceId: string; spaerret: string | null }[] }[] };
  const asAdmin = await api<Listed>(server.http, 'GET', `/api/fora/${forum.forumId}/medlemmer`, { credential: forum.admin.credential });
  expect(asAdmin.status).toBe(200);
  const byPerson = new Map(asAdmin.body.medlemmer.map((member) => [member.personId, member]));
  expect(byPerson.get(forum.admin.personId)).toMatchObject({ ret: 'medlem', admin: true });
  expect(byPerson.get(forum.laeser.personId)).toMatchObject({ ret: 'læser', admin: false, enheder: [{ deviceId: forum.laeser.deviceId, spaerret: null }] });
  const asReader = await api<Listed>(server.http, 'GET', `/api/fora/${forum.forumId}/medlemmer`, { credential: forum.laeser.credential });
  expect(asReader.body.medlemmer.every((member) => member.enheder === undefined)).toBe(true);

  // The forum keeps an administrator who is a medlem.
  const lastAdmin = await api<{ fejl: string }>(server.http, 'DELETE', `/api/fora/${forum.forumId}/medlemmer/${forum.admin.personId}`, { credential: forum.admin.credential });
  expect(lastAdmin.status).toBe(409);
  expect(lastAdmin.body.fejl).toMatch(/mindst én administrator/);
  const badRight = await api<{ fejl: string }>(server.http, 'PUT', `/api/fora/${forum.forumId}/medlemmer/${forum.medlem.personId}`, {
    credential: forum.admin.credential,
    body: { ret: 'ejer' },
  });
  expect(badRight.status).toBe(400);
  expect(badRight.body.fejl).toMatch(/«medlem» eller «læser»/);
}

/** A laptop opens every meeting of a long-lived forum on one socket, all before the first is authenticated. */
export async function laptopSyncsHundredsOfMeetings(server: ServerProcess, count: number): Promise<void> {
  const forum = await shareForum(server);
  const member = laptop(server, forum.medlem);
  const opened = Array.from({ length: count }, () => member.open(meetingDocs(forum.forumId).moede));
  const outcomes = await within(Promise.all(opened.map((each) => each.outcome)), 20_000, `${count} møder`);
  expect(outcomes.filter((outcome) => outcome.kind === 'synced')).toHaveLength(count);
}

/**
 * The server is killed while a laptop is writing; the laptop keeps writing offline, reconnects to the
 * restarted server by itself and sends what was not acknowledged. Nothing is lost.
 */
export async function killedMidSyncLosesNothing(start: () => Promise<ServerProcess>): Promise<void> {
  const server = await start();
  const forum = await shareForum(server);
  const { moede } = meetingDocs(forum.forumId);
  const writer = laptop(server, forum.medlem);
  const opened = await writer.sync(moede);
  const list = opened.doc.getArray<string>('punkter');
  const written: string[] = [];
  const write = (count: number): void => {
    for (let i = 0; i < count; i++) {
      const item = `punkt-${written.length}`;
      written.push(item);
      list.push([item]);
    }
  };
  write(20);
  const killed = server.kill9();
  write(20);
  await killed;
  write(20);
  const restarted = await start();
  await until(() => opened.provider.isSynced && !opened.provider.hasUnsyncedChanges, 15_000, 'genforbindelse og kvittering');
  // After a reconnect the provider starts its count of unapplied changes afresh (one, for its SyncStep1),
  // so the writer can look settled while the server is still storing what it sent again; the server
  // stores before it applies, and now lets other sockets' messages pass while it waits for the disk.
  // What matters is that the restarted server ends up with every item, so the new laptop waits for them.
  const fresh = await laptop(restarted, forum.medlem).sync(moede);
  await until(() => fresh.doc.getArray<string>('punkter').length >= written.length, 15_000, 'alle punkter på serveren');
  expect(fresh.doc.getArray<string>('punkter').toArray().sort()).toEqual([...written].sort());
  await restarted.stop();
}
