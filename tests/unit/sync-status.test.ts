import { randomUUID } from 'node:crypto';
import { afterEach, expect, test } from 'vitest';
import { openArchive } from '../../electron/archive/open';
import { createContext } from '../../electron/services/context';
import { createServices, type Services } from '../../electron/services/dispatch';
import { createSyncStatusSlot } from '../../electron/services/syncStatus';
import type { AppEvent } from '../../shared/api/contract';
import { addMeeting, laptop, meetingDoc, until, type Laptop } from './sync/laptop';
import { startSyncServer, type TestSyncServer } from './sync/syncServer';
import { must, tempArchivePath } from './support';

let opened: { services?: Services; laptop?: Laptop; server?: TestSyncServer } = {};
afterEach(async () => {
  opened.laptop?.transport.close();
  opened.services?.close();
  await opened.server?.stop();
  opened = {};
});

test('sync.status svarer med hvert delt forums stand, og vinduet hører, når den skifter', { timeout: 60_000 }, async () => {
  const slot = createSyncStatusSlot();
  const services = createServices(createContext(openArchive(tempArchivePath()), 'test', slot));
  opened.services = services;
  const events: AppEvent[] = [];
  services.subscribe((event) => events.push(event));
  // Before the transport runs, no forum is shared.
  expect(await must(services, 'sync.status', {})).toEqual([]);

  const forumId = randomUUID();
  const server = await startSyncServer({ trio: { [forumId]: 'medlem' } });
  opened.server = server;
  const l = laptop(server.url, 'trio');
  opened.laptop = l;
  slot.use(l.transport);
  const meeting = meetingDoc(forumId, addMeeting(l.docs, forumId));
  l.transport.share({ forumId, serverUrl: server.url });
  await l.transport.settled(forumId);
  await until('sync.changed', () => events.some((event) => event.type === 'sync.changed'));
  expect(await must(services, 'sync.status', {})).toEqual([{ forumId, state: 'forbundet', waiting: 0 }]);

  await server.kill();
  events.length = 0;
  l.docs.write(meeting, (doc) => doc.getText('noter').insert(0, 'Skrevet uden net'));
  await until('offline med én ændring', () => l.transport.statuses()[0]?.state === 'offline' && l.transport.statuses()[0]?.waiting === 1);
  await until('sync.changed efter skiftet', () => events.some((event) => event.type === 'sync.changed'));
  expect(await must(services, 'sync.status', {})).toEqual([{ forumId, state: 'offline', waiting: 1 }]);
  // The status is not a write to the archive: no screen refetches its data because of it.
  expect(events.every((event) => event.type === 'sync.changed')).toBe(true);
});

test('uden delte fora svarer sync.status med en tom liste', async () => {
  const services = createServices(createContext(openArchive(tempArchivePath()), 'test'));
  opened.services = services;
  expect(await must(services, 'sync.status', {})).toEqual([]);
  expect((await services.call('sync.status', { ekstra: 1 })).ok).toBe(false);
});
