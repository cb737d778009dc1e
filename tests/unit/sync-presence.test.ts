import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { laptop, until, type Laptop } from './sync/laptop';
import { startKommuneServer, type InProcessServer } from './sync/kommuneServer';

/**
 * Who is here, as the transport hands it to the services: the other laptops connected to a forum, named by
 * the server (not by what they claim), who runs a meeting, and someone gone when their laptop goes.
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

async function member(forumId: string, ret: 'medlem' | 'læser', navn: string) {
  const invitation = await call('POST', `/api/fora/${forumId}/invitationer`, admin, { ret, navn });
  const redeemed = (await call('POST', '/api/invitationer/indloes', null, { kode: invitation['kode'], enhedsnavn: `${navn}s bærbare` })) as {
    personId: string;
    credential: string;
  };
  const l = laptop(server.url, redeemed.credential);
  laptops.push(l);
  l.transport.share({ forumId, serverUrl: server.url });
  await l.transport.settled(forumId);
  return { personId: redeemed.personId, l };
}

beforeAll(async () => {
  server = await startKommuneServer(null);
  admin = ((await call('POST', '/api/invitationer/indloes', null, { kode: await server.adminInvitation(), enhedsnavn: 'Administratorens' })) as { credential: string })
    .credential;
}, 60_000);

afterAll(async () => {
  for (const l of laptops) l.transport.close();
  await server.stop();
});

describe('hvem er her i et delt forum', () => {
  it('de andre bærbare ses med serverens navn; den, der leder et møde, siger hvilket; en læser kan ikke', async () => {
    const forumId = randomUUID();
    await call('POST', '/api/fora', admin, { forumId, navn: 'TRIO Nordskolen' });
    const leder = await member(forumId, 'medlem', 'Skoleleder Sara');
    const tr = await member(forumId, 'medlem', 'TR Kim');
    const laeser = await member(forumId, 'læser', 'Skolechef Ib');

    await until('TR ser de to andre', () => tr.l.transport.presence(forumId).length === 2);
    expect(tr.l.transport.presence(forumId).map((p) => p.navn).sort()).toEqual(['Skolechef Ib', 'Skoleleder Sara']);

    const moedeId = randomUUID();
    leder.l.transport.announce(forumId, { leder: { moedeId } });
    laeser.l.transport.announce(forumId, { leder: { moedeId: randomUUID() } });
    await until('TR ser, at skolelederen leder mødet', () => tr.l.transport.presence(forumId).some((p) => p.leder !== undefined));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const seen = tr.l.transport.presence(forumId);
    expect(seen.find((p) => p.personId === leder.personId)).toEqual({ personId: leder.personId, navn: 'Skoleleder Sara', leder: { moedeId } });
    expect(seen.find((p) => p.personId === laeser.personId)).toEqual({ personId: laeser.personId, navn: 'Skolechef Ib' });

    // Leaving run mode takes it back; closing the laptop takes the person away.
    leder.l.transport.announce(forumId, {});
    await until('mødet ledes ikke længere', () => tr.l.transport.presence(forumId).every((p) => p.leder === undefined));
    laeser.l.transport.close();
    await until('læseren er væk', () => tr.l.transport.presence(forumId).every((p) => p.personId !== laeser.personId));
    expect(tr.l.transport.presence(forumId).map((p) => p.personId)).toEqual([leder.personId]);
  }, 60_000);

  it('en ændring i hvem der er her når tjenesterne som en ændring (onChange)', async () => {
    const forumId = randomUUID();
    await call('POST', '/api/fora', admin, { forumId, navn: 'TRIO Sydskolen' });
    const a = await member(forumId, 'medlem', 'AMR Lis');
    let told = 0;
    a.l.transport.onChange(() => (told += 1));
    const before = told;
    await member(forumId, 'medlem', 'TR Ole');
    await until('A hører, at TR kom', () => a.l.transport.presence(forumId).length === 1 && told > before);
  }, 60_000);
});
