import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceCredentialsFile } from '../../electron/sync/device/deviceCredentials';
import { startLaptopSharing, type LaptopSharing } from '../../electron/sync/sharing/laptopSharing';
import { TEST_BACKOFF } from './sync/laptop';
import { startKommuneServer, type InProcessServer } from './sync/kommuneServer';
import { laptop, type Laptop } from './sync-support';
import { seedSlice } from './support';

/** A forum's members, kept from the server's last list: a laptop that starts without the server still shows them. */

let server: InProcessServer;
const started: { sharing: LaptopSharing; at: Laptop }[] = [];

function sharingOn(at: Laptop, keys: string): LaptopSharing {
  const sharing = startLaptopSharing({ services: at.services, credentials: deviceCredentialsFile(keys), deviceName: 'Skolelederens bærbare', backoff: TEST_BACKOFF, log: () => {} });
  started.push({ sharing, at });
  return sharing;
}

function stop(entry: { sharing: LaptopSharing; at: Laptop }): void {
  entry.sharing.close();
  entry.at.services.close();
}

beforeAll(async () => {
  server = await startKommuneServer(null);
}, 60_000);

afterAll(async () => {
  for (const entry of started) if (entry.at.db.open) stop(entry);
  await server.stop().catch(() => {});
});

describe('forummets medlemmer, som serveren sidst listede dem', () => {
  it('gemmes i arkivet, og efter en genstart uden serveren står de der som sidst kendt', async () => {
    const keys = join(mkdtempSync(join(tmpdir(), 'samtalerum-noegler-')), 'enhedsnoegler');
    const first = laptop();
    const { forum } = await seedSlice(first.services);
    const online = sharingOn(first, keys);
    await online.sharing.join({ serverAddress: server.http, code: await server.adminInvitation() });
    await online.sharing.shareForum({ forumId: forum.id, serverAddress: server.http, forumPersonId: null });

    const fresh = await online.sharing.members(forum.id);
    expect(fresh.fresh).toBe(true);
    expect(fresh.members.map((m) => [m.name, m.right, m.admin, m.you])).toEqual([['Administrator', 'medlem', true, true]]);
    // The administrator's view lists the computers; only the server's answer shows them.
    expect(fresh.members[0]?.devices?.length).toBe(1);
    stop(started.at(-1)!);
    await server.stop();

    // The next start, with the server gone: the list kept, said to be the last known, without the computers.
    const again = laptop(first.path);
    const offline = await sharingOn(again, keys).sharing.members(forum.id);
    expect(offline).toEqual({
      fresh: false,
      fetchedAt: fresh.fetchedAt,
      members: fresh.members.map(({ devices: _devices, ...member }) => member),
    });
  }, 60_000);

  it('et forum, der ikke deles mere, tager sin liste med sig', async () => {
    const at = laptop();
    const { forum } = await seedSlice(at.services);
    at.services.sync.shareForum(forum.id, 'https://deling.kommune.dk');
    at.services.sync.keepMembers(forum.id, { fetchedAt: '2026-12-07T05:00:00.000Z', members: [{ personId: 'p1', name: 'TR Bo', right: 'medlem', admin: false, you: false }] });
    expect(at.services.sync.knownMembers(forum.id)?.members.map((m) => m.name)).toEqual(['TR Bo']);

    at.services.sync.accessLost(forum.id, 'forum', 'fjernet');
    expect(at.services.sync.knownMembers(forum.id)).toBeNull();
    expect(at.db.prepare('SELECT count(*) FROM shared_forum_member').pluck().get()).toBe(0);
    at.services.close();
  });
});
