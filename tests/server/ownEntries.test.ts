// Nobody approves or consents on behalf of someone else: the server knows which forum person each member is
// (from the invitation, or the sharer's own word) and refuses a change to an approval or consent that names
// anyone else, against the built server as a real process and laptops on real WebSockets.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentName } from '../../shared/sync/documents';
import { KEPT_WORDS, keptKey } from '../../shared/sync/keptWords';
import { APPROVAL_RECORDS, CONSENT_RECORDS, approvalKey, consentKey } from '../../shared/sync/personKeys';
import { acknowledged, api, type Opened } from './laptop';
import { closedWith, sharedForum, storedKeys } from './namedForum';
import { laptop } from './scenarios';
import { sqliteStorage, type ServerProcess } from './serverProcess';
import { serverForSuite } from './suite';

const VERSION = randomUUID();
const ITEM = randomUUID();

function approve(opened: Opened, personId: string): void {
  opened.doc.transact(() => {
    const record = new Y.Map<unknown>();
    opened.doc.getMap(APPROVAL_RECORDS).set(approvalKey(VERSION, personId), record);
    record.set('approvedAt', new Date().toISOString());
  });
}

function consent(opened: Opened, kind: 'sent' | 'forvarsel', personId: string): void {
  opened.doc.transact(() => {
    const record = new Y.Map<unknown>();
    opened.doc.getMap(CONSENT_RECORDS).set(consentKey(ITEM, kind, personId), record);
    record.set('givetAt', new Date().toISOString());
  });
}

describe('godkendelser og samtykker kun for den, der er logget ind', () => {
  let server!: ServerProcess;
  serverForSuite(sqliteStorage, (started) => void (server = started));

  it('serveren fortæller hver person, hvem de er i forummet, og en administrator kan rette det', async () => {
    const forum = await sharedForum(server);
    const me = await api<{ fora: { forumId: string; forumPersonId: string | null }[] }>(server.http, 'GET', '/api/mig', { credential: forum.tr.credential });
    expect(me.body.fora.find((f) => f.forumId === forum.forumId)?.forumPersonId).toBe(forum.people.tr);
    const unnamed = await api<{ fora: { forumId: string; forumPersonId: string | null }[] }>(server.http, 'GET', '/api/mig', { credential: forum.unnamed.credential });
    expect(unnamed.body.fora.find((f) => f.forumId === forum.forumId)?.forumPersonId).toBeNull();
    // One forum person is one member: TR's person cannot be given to another as well.
    const taken = await api<{ fejl: string }>(server.http, 'PUT', `/api/fora/${forum.forumId}/medlemmer/${forum.unnamed.personId}`, {
      credential: forum.sharer.credential,
      body: { ret: 'medlem', forumPersonId: forum.people.tr },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.fejl).toMatch(/allerede knyttet/);
    const newPerson = randomUUID();
    const set = await api(server.http, 'PUT', `/api/fora/${forum.forumId}/medlemmer/${forum.unnamed.personId}`, {
      credential: forum.sharer.credential,
      body: { ret: 'medlem', forumPersonId: newPerson },
    });
    expect(set.status).toBe(200);
    const members = await api<{ medlemmer: { personId: string; forumPersonId: string | null }[] }>(server.http, 'GET', `/api/fora/${forum.forumId}/medlemmer`, {
      credential: forum.sharer.credential,
    });
    expect(members.body.medlemmer.find((m) => m.personId === forum.unnamed.personId)?.forumPersonId).toBe(newPerson);
  });

  it('TR godkender som sig selv; at godkende som skolelederen afvises og gemmes ikke', async () => {
    const forum = await sharedForum(server);
    const tr = await laptop(server, forum.tr).sync(forum.moede);
    approve(tr, forum.people.tr);
    await acknowledged(tr.provider);
    expect(await storedKeys(server, forum.sharer, forum.moede, APPROVAL_RECORDS)).toEqual([approvalKey(VERSION, forum.people.tr)]);

    const closed = closedWith(tr);
    approve(tr, forum.people.skoleleder);
    expect(await closed).toBe('named-other-person');
    const logged = await server.waitForLog((line) => line.event === 'refused' && line.reason === 'named-other-person' && line.device === forum.tr.deviceId);
    expect(logged).toMatchObject({ person: forum.tr.personId, forum: forum.forumId, document: forum.moede });
    expect(await storedKeys(server, forum.sharer, forum.moede, APPROVAL_RECORDS)).toEqual([approvalKey(VERSION, forum.people.tr)]);
  });

  it('at ændre eller slette en andens godkendelse afvises', async () => {
    const forum = await sharedForum(server);
    const sharer = await laptop(server, forum.sharer).sync(forum.moede);
    approve(sharer, forum.people.skoleleder);
    await acknowledged(sharer.provider);
    const tr = await laptop(server, forum.tr).sync(forum.moede);
    const closed = closedWith(tr);
    tr.doc.getMap(APPROVAL_RECORDS).delete(approvalKey(VERSION, forum.people.skoleleder));
    expect(await closed).toBe('named-other-person');
    expect(await storedKeys(server, forum.sharer, forum.moede, APPROVAL_RECORDS)).toEqual([approvalKey(VERSION, forum.people.skoleleder)]);

    const again = await laptop(server, forum.tr).sync(forum.moede);
    const closedAgain = closedWith(again);
    (again.doc.getMap(APPROVAL_RECORDS).get(approvalKey(VERSION, forum.people.skoleleder)) as Y.Map<unknown>).set('approvedAt', '2020-01-01T00:00:00.000Z');
    expect(await closedAgain).toBe('named-other-person');
  });

  it('ord gemt til medlemmerne tages i det fortrolige dokument i den skrivendes navn og kan kasseres; i mødedokumentet, som en læser får, afvises de', async () => {
    const forum = await sharedForum(server);
    const confidential = `${forum.moede}/fortroligt`;
    const key = keptKey(ITEM, randomUUID());
    const entry = { itemId: ITEM, hvem: forum.people.tr, tid: new Date().toISOString(), ord: { notes: 'TR’s note' } };
    const members = await laptop(server, forum.tr).sync(confidential);
    members.doc.getMap(KEPT_WORDS).set(key, entry);
    await acknowledged(members.provider);
    expect(await storedKeys(server, forum.sharer, confidential, KEPT_WORDS)).toEqual([key]);
    // Another member discards them.
    const sharer = await laptop(server, forum.sharer).sync(confidential);
    sharer.doc.getMap(KEPT_WORDS).delete(key);
    await acknowledged(sharer.provider);
    expect(await storedKeys(server, forum.tr, confidential, KEPT_WORDS)).toEqual([]);

    const shared = await laptop(server, forum.tr).sync(forum.moede);
    const closed = closedWith(shared);
    shared.doc.getMap(KEPT_WORDS).set(key, entry);
    expect(await closed).toBe('kept-words-shared');
    expect(await storedKeys(server, forum.amr, forum.moede, KEPT_WORDS)).toEqual([]);

    // Kept in someone else's name: refused, as an approval would be.
    const forged = await laptop(server, forum.tr).sync(confidential);
    const refused = closedWith(forged);
    forged.doc.getMap(KEPT_WORDS).set(keptKey(ITEM, randomUUID()), { ...entry, hvem: forum.people.skoleleder });
    expect(await refused).toBe('named-other-person');
    expect(await storedKeys(server, forum.sharer, confidential, KEPT_WORDS)).toEqual([]);
  });

  it('samtykke som sig selv går igennem; som en anden afvises, både til et sent punkt og et forvarsel, også i det fortrolige dokument', async () => {
    const forum = await sharedForum(server);
    const tr = await laptop(server, forum.tr).sync(forum.moede);
    consent(tr, 'sent', forum.people.tr);
    await acknowledged(tr.provider);
    const closed = closedWith(tr);
    consent(tr, 'sent', forum.people.skoleleder);
    expect(await closed).toBe('named-other-person');

    const fortroligt = documentName({ kind: 'fortroligt', forumId: forum.forumId, meetingId: randomUUID() });
    const confidential = await laptop(server, forum.tr).sync(fortroligt);
    const closedConfidential = closedWith(confidential);
    consent(confidential, 'forvarsel', forum.people.skoleleder);
    expect(await closedConfidential).toBe('named-other-person');
    expect(await storedKeys(server, forum.sharer, forum.moede, CONSENT_RECORDS)).toEqual([consentKey(ITEM, 'sent', forum.people.tr)]);
    expect(await storedKeys(server, forum.sharer, fortroligt, CONSENT_RECORDS)).toEqual([]);
  });

  it('en læser kan ikke samtykke, heller ikke som sig selv', async () => {
    const forum = await sharedForum(server);
    const amr = await laptop(server, forum.amr).sync(forum.moede);
    consent(amr, 'sent', forum.people.amr);
    await server.waitForLog((line) => line.event === 'refused' && line.reason === 'read-only' && line.device === forum.amr.deviceId);
    expect(amr.provider.hasUnsyncedChanges).toBe(true);
    expect(await storedKeys(server, forum.sharer, forum.moede, CONSENT_RECORDS)).toEqual([]);
  });

  it('et medlem, der ikke er nogen af forummets personer, kan ikke godkende', async () => {
    const forum = await sharedForum(server);
    const unnamed = await laptop(server, forum.unnamed).sync(forum.moede);
    const closed = closedWith(unnamed);
    approve(unnamed, randomUUID());
    expect(await closed).toBe('named-other-person');
    expect(await storedKeys(server, forum.sharer, forum.moede, APPROVAL_RECORDS)).toEqual([]);
  });

  it('den, der deler forummet, uploader dets historik med alles godkendelser; bagefter er døren lukket', async () => {
    const forum = await sharedForum(server, false);
    // Only the sharer's device: another member cannot use the open door.
    const tr = await laptop(server, forum.tr).sync(forum.moede);
    const trClosed = closedWith(tr);
    approve(tr, forum.people.skoleleder);
    expect(await trClosed).toBe('named-other-person');

    const history = await laptop(server, forum.sharer).sync(forum.moede);
    approve(history, forum.people.skoleleder);
    approve(history, forum.people.tr);
    consent(history, 'forvarsel', forum.people.amr);
    await acknowledged(history.provider);
    expect(await storedKeys(server, forum.tr, forum.moede, APPROVAL_RECORDS)).toEqual(
      [approvalKey(VERSION, forum.people.skoleleder), approvalKey(VERSION, forum.people.tr)].sort(),
    );

    expect((await api(server.http, 'POST', `/api/fora/${forum.forumId}/historik-uploadet`, { credential: forum.sharer.credential })).status).toBe(204);
    await server.waitForLog((line) => line.event === 'history-closed' && line.forum === forum.forumId);
    const closed = closedWith(history);
    history.doc.getMap(APPROVAL_RECORDS).delete(approvalKey(VERSION, forum.people.tr));
    expect(await closed).toBe('named-other-person');
    // Reporting it again does not open it; the sharer's own approval still goes through.
    expect((await api(server.http, 'POST', `/api/fora/${forum.forumId}/historik-uploadet`, { credential: forum.sharer.credential })).status).toBe(204);
    const own = await laptop(server, forum.sharer).sync(forum.moede);
    const ownVersion = randomUUID();
    own.doc.transact(() => own.doc.getMap(APPROVAL_RECORDS).set(approvalKey(ownVersion, forum.people.skoleleder), new Y.Map()));
    await acknowledged(own.provider);
    expect(await storedKeys(server, forum.tr, forum.moede, APPROVAL_RECORDS)).toContain(approvalKey(VERSION, forum.people.tr));
  });
});
