import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMeeting, confidentialDoc, laptop, meetingDoc, until, type Laptop } from './sync/laptop';
import { startKommuneServer, type InProcessServer } from './sync/kommuneServer';

/**
 * What the transport makes of the kommune's server's refusals: a removed member, a revoked device and a
 * member lowered to læser are handed to the laptop's documents as a loss (which removes the confidential
 * content, tests/unit/sync-leaving.test.ts); the laptop's writes and status stop as before.
 */

let server: InProcessServer;
let admin = '';
const laptops: Laptop[] = [];

async function call(method: string, path: string, bearer: string | null, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.http}${path}`, {
    method,
    headers: { ...(bearer && { authorization: `Bearer ${bearer}` }), ...(body !== undefined && { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
}

async function redeem(kode: unknown, enhedsnavn: string): Promise<{ personId: string; deviceId: string; credential: string }> {
  return (await call('POST', '/api/invitationer/indloes', null, { kode, enhedsnavn })) as { personId: string; deviceId: string; credential: string };
}

/** A forum on the server with one member's laptop in step, holding a meeting and its confidential document. */
async function memberInStep() {
  const forumId = randomUUID();
  await call('POST', '/api/fora', admin, { forumId, navn: 'TRIO Østskolen' });
  const invitation = await call('POST', `/api/fora/${forumId}/invitationer`, admin, { ret: 'medlem', navn: 'TR' });
  const member = await redeem(invitation['kode'], 'TR-bærbar');
  const l = laptop(server.url, member.credential);
  laptops.push(l);
  const meetingId = addMeeting(l.docs, forumId);
  l.docs.write(meetingDoc(forumId, meetingId), (doc) => doc.getText('noter').insert(0, 'Åbne noter'));
  l.docs.write(confidentialDoc(forumId, meetingId), (doc) => doc.getText('noter').insert(0, 'Fortrolige noter'));
  l.transport.share({ forumId, serverUrl: server.url });
  await l.transport.settled(forumId);
  return { forumId, member, l };
}

beforeAll(async () => {
  server = await startKommuneServer(null);
  admin = (await redeem(await server.adminInvitation(), 'Administratorens bærbare')).credential;
}, 60_000);

afterAll(async () => {
  for (const l of laptops) l.transport.close();
  await server.stop();
});

describe('serverens afvisninger bliver til et tab af adgang på den bærbare', () => {
  it('et medlem, der fjernes: forummet er tabt (not-member), og status siger «adgang fjernet»', async () => {
    const { forumId, member, l } = await memberInStep();
    expect(l.docs.losses).toEqual([]);
    await call('DELETE', `/api/fora/${forumId}/medlemmer/${member.personId}`, admin);
    await until('tabet er meldt', () => l.docs.losses.length > 0);
    expect(l.docs.losses).toEqual([{ forumId, scope: 'forum', reason: 'not-member' }]);
    await until('adgang fjernet', () => l.transport.statuses()[0]?.state === 'adgang-fjernet');
  }, 60_000);

  it('en spærret enhed: forummet er tabt (revoked-device)', async () => {
    const { forumId, member, l } = await memberInStep();
    await call('DELETE', `/api/enheder/${member.deviceId}`, admin);
    l.transport.networkChanged();
    await until('tabet er meldt', () => l.docs.losses.length > 0);
    expect(l.docs.losses).toEqual([{ forumId, scope: 'forum', reason: 'revoked-device' }]);
  }, 60_000);

  it('et medlem, der sænkes til læser: kun det fortrolige er tabt, og forummet bliver i takt', async () => {
    const { forumId, member, l } = await memberInStep();
    await call('PUT', `/api/fora/${forumId}/medlemmer/${member.personId}`, admin, { ret: 'læser' });
    await until('tabet er meldt', () => l.docs.losses.length > 0);
    expect(l.docs.losses).toEqual([{ forumId, scope: 'fortroligt', reason: 'confidential' }]);
    expect(l.transport.statuses()[0]?.state).toBe('forbundet');
  }, 60_000);
});
