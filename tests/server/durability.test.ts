// Acknowledged = stored: a change the laptop saw acknowledged survives `kill -9` of the server.
import { afterAll, afterEach, describe, it } from 'vitest';
import { postgresStorage } from './postgresStorage';
import * as scenario from './scenarios';
import { freePort, sqliteStorage, startServerProcess, stopAllServers, type Storage } from './serverProcess';

describe('en kvitteret ændring overlever kill -9 af serveren', () => {
  const storages: Storage[] = [];
  afterEach(() => scenario.closeLaptops());
  afterAll(async () => {
    await stopAllServers();
    for (const storage of storages) await storage.cleanup();
  });

  it('på SQLite', async () => {
    const storage = sqliteStorage();
    storages.push(storage);
    await scenario.acknowledgedSurvivesKill9(() => startServerProcess(storage));
  });

  it('på PostgreSQL', async () => {
    const storage = await postgresStorage();
    storages.push(storage);
    await scenario.acknowledgedSurvivesKill9(() => startServerProcess(storage));
  });

  it('midt i en synkronisering på SQLite: den bærbare sender det ukvitterede igen', async () => {
    const storage = sqliteStorage();
    storages.push(storage);
    // The same address after the restart, as behind a kommune's proxy, so the laptop reconnects by itself.
    const port = String(await freePort());
    await scenario.killedMidSyncLosesNothing(() => startServerProcess(storage, ['--port', port]));
  });
});
