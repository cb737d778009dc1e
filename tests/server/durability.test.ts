// Acknowledged = stored: a change the laptop saw acknowledged survives `kill -9` of the server.
import { afterAll, afterEach, describe, it } from 'vitest';
import { postgresStorage } from './postgresStorage';
import * as scenario from './scenarios';
import { sqliteStorage, startServerProcess, type Storage } from './serverProcess';

describe('en kvitteret ændring overlever kill -9 af serveren', () => {
  const storages: Storage[] = [];
  afterEach(() => scenario.closeLaptops());
  afterAll(async () => {
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
});
