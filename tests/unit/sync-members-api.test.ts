import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseServerAddress, type ServerAddress } from '../../electron/sync/device/serverAddress';
import { changeMember, membersOf, removeMember, revokeDevice } from '../../electron/sync/sharing/membersApi';
import { startKommuneServer, type InProcessServer } from './sync/kommuneServer';

/** A forum admin's calls for the members, against the kommune's real server: each refusal in Danish. */

let server: InProcessServer;
let address: ServerAddress;
let admin: { personId: string; credential: string };

async function post(path: string, bearer: string | null, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.http}${path}`, {
    method: 'POST',
    headers: { ...(bearer && { authorization: `Bearer ${bearer}` }), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

async function invited(forumId: string, ret: 'medlem' | 'læser', navn: string) {
  const { kode } = await post(`/api/fora/${forumId}/invitationer`, admin.credential, { ret, navn });
  return (await post('/api/invitationer/indloes', null, { kode, enhedsnavn: `${navn}s bærbare` })) as { personId: string; deviceId: string; credential: string };
}

beforeAll(async () => {
  server = await startKommuneServer(null);
  address = parseServerAddress(server.http);
  admin = (await post('/api/invitationer/indloes', null, { kode: await server.adminInvitation(), enhedsnavn: 'Skolelederens' })) as typeof admin;
}, 60_000);

afterAll(() => server.stop());

describe('forummets medlemmer fra den bærbare', () => {
  it('listen, en ændret ret, den sidste administrator, fjernelse og en spærret computer', async () => {
    const forumId = randomUUID();
    await post('/api/fora', admin.credential, { forumId, navn: 'TRIO Vestskolen' });
    const tr = await invited(forumId, 'medlem', 'TR Kim');

    const listed = await membersOf(address, admin.credential, forumId);
    expect(listed.map((m) => [m.name, m.right, m.admin])).toEqual([
      ['Administrator', 'medlem', true],
      ['TR Kim', 'medlem', false],
    ]);
    // An admin sees each member's computers; a member does not.
    expect(listed.find((m) => m.personId === tr.personId)?.devices?.map((d) => d.deviceId)).toEqual([tr.deviceId]);
    expect((await membersOf(address, tr.credential, forumId)).every((m) => m.devices === undefined)).toBe(true);

    await changeMember(address, admin.credential, forumId, tr.personId, 'læser', false);
    expect((await membersOf(address, admin.credential, forumId)).find((m) => m.personId === tr.personId)?.right).toBe('læser');

    // The forum's only admin cannot be lowered or removed; a member cannot change anyone.
    await expect(changeMember(address, admin.credential, forumId, admin.personId, 'læser', true)).rejects.toThrow(/mindst én administrator/);
    await expect(removeMember(address, admin.credential, forumId, admin.personId)).rejects.toThrow(/mindst én administrator/);
    await expect(changeMember(address, tr.credential, forumId, admin.personId, 'læser', false)).rejects.toThrow(/Kun forummets administratorer/);

    await revokeDevice(address, admin.credential, tr.deviceId);
    await expect(membersOf(address, tr.credential, forumId)).rejects.toThrow(/kender ikke længere denne computer/);
    await removeMember(address, admin.credential, forumId, tr.personId);
    expect((await membersOf(address, admin.credential, forumId)).map((m) => m.name)).toEqual(['Administrator']);
    await expect(removeMember(address, admin.credential, forumId, tr.personId)).rejects.toThrow(/ikke med i forummet/);
  }, 60_000);
});
