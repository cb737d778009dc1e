// One server process over fresh storage for a describe block: started before its tests, every test's
// laptops closed after it, and the server and its storage gone at the end.
import { afterAll, afterEach, beforeAll } from 'vitest';
import { closeLaptops } from './scenarios';
import { startServerProcess, stopAllServers, type ServerProcess, type Storage } from './serverProcess';

export function serverForSuite(
  makeStorage: () => Storage | Promise<Storage>,
  started: (server: ServerProcess, storage: Storage) => void | Promise<void>,
  args: readonly string[] = [],
): void {
  let storage: Storage | undefined;
  beforeAll(async () => {
    const made = await makeStorage();
    storage = made;
    await started(await startServerProcess(made, [...args]), made);
  });
  afterEach(() => closeLaptops());
  afterAll(async () => {
    await stopAllServers();
    await storage?.cleanup();
  });
}
