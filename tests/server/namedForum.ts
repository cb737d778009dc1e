// A shared forum whose members the server links to forum persons: a skoleleder who shared it, a TR (medlem), an
// AMR (læser) and a medlem linked to nobody, with one meeting document's name.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { documentName } from '../../shared/sync/documents';
import { invite, kommuneAdmin, redeem, type Person } from './forum';
import { api, within, type Opened } from './laptop';
import { laptop } from './scenarios';
import type { ServerProcess } from './serverProcess';

/** The forum's people, as rows of the laptops' `person` table. */
export interface ForumPeople {
  skoleleder: string;
  tr: string;
  amr: string;
}

export interface Forum {
  forumId: string;
  people: ForumPeople;
  sharer: Person;
  tr: Person;
  amr: Person;
  /** A medlem the server links to no forum person. */
  unnamed: Person;
  moede: string;
}

export async function sharedForum(server: ServerProcess, closeHistory = true): Promise<Forum> {
  const sharer = await kommuneAdmin(server);
  const forumId = randomUUID();
  const people = { skoleleder: randomUUID(), tr: randomUUID(), amr: randomUUID() };
  const shared = await api(server.http, 'POST', '/api/fora', { credential: sharer.credential, body: { forumId, navn: 'TRIO Vestskolen', forumPersonId: people.skoleleder } });
  expect(shared.status).toBe(201);
  const tr = await redeem(server, await invite(server, sharer, forumId, 'medlem', { forumPersonId: people.tr }), 'TR-bærbar');
  const amr = await redeem(server, await invite(server, sharer, forumId, 'læser', { forumPersonId: people.amr }), 'AMR-bærbar');
  const unnamed = await redeem(server, await invite(server, sharer, forumId, 'medlem'), 'Vikarens bærbar');
  if (closeHistory) expect((await api(server.http, 'POST', `/api/fora/${forumId}/historik-uploadet`, { credential: sharer.credential })).status).toBe(204);
  return { forumId, people, sharer, tr, amr, unnamed, moede: documentName({ kind: 'moede', forumId, meetingId: randomUUID() }) };
}


/** The reason the server closes the document with, once it does. */
export function closedWith(opened: Opened): Promise<string> {
  return within(new Promise<string>((resolve) => opened.provider.on('close', ({ event }: { event: { reason: string } }) => resolve(event.reason))), 5000, 'afvisningen');
}

/** The keys of a record type as the server holds them: what a fresh laptop of a member receives. */
export async function storedKeys(server: ServerProcess, by: Person, name: string, recordType: string): Promise<string[]> {
  const fresh = laptop(server, by);
  const opened = await fresh.sync(name);
  const keys = [...opened.doc.getMap(recordType).keys()].sort();
  fresh.close();
  return keys;
}

