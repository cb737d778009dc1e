// Sets up what every scenario starts from: the kommune's first administrator and a shared forum with a
// medlem and a læser, all through the server's own API, as the laptops will do it.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { api } from './laptop';
import type { ServerProcess } from './serverProcess';

export interface Person {
  personId: string;
  deviceId: string;
  credential: string;
}

export interface SharedForum {
  forumId: string;
  admin: Person;
  medlem: Person;
  laeser: Person;
}

export async function redeem(server: ServerProcess, kode: string, enhedsnavn: string): Promise<Person> {
  const { status, body } = await api<Person & { fejl?: string }>(server.http, 'POST', '/api/invitationer/indloes', { body: { kode, enhedsnavn } });
  expect(status, body.fejl).toBe(201);
  return body;
}

export async function invite(server: ServerProcess, by: Person, forumId: string, ret: 'medlem' | 'læser', extra: Record<string, unknown> = {}): Promise<string> {
  const { status, body } = await api<{ kode: string; fejl?: string }>(server.http, 'POST', `/api/fora/${forumId}/invitationer`, {
    credential: by.credential,
    body: { ret, navn: `Ny ${ret}`, ...extra },
  });
  expect(status, body.fejl).toBe(201);
  return body.kode;
}

const admins = new WeakMap<ServerProcess, Promise<Person>>();

/** The kommune's first administrator, from the code the server printed at its first start. */
export function kommuneAdmin(server: ServerProcess): Promise<Person> {
  let admin = admins.get(server);
  if (!admin) {
    if (!server.firstAdminCode) throw new Error('Serveren skrev ingen invitationskode til den første administrator');
    admin = redeem(server, server.firstAdminCode, 'Skolelederens bærbar');
    admins.set(server, admin);
  }
  return admin;
}

export async function shareForum(server: ServerProcess): Promise<SharedForum> {
  const admin = await kommuneAdmin(server);
  const forumId = randomUUID();
  const shared = await api(server.http, 'POST', '/api/fora', { credential: admin.credential, body: { forumId, navn: 'TRIO Vestskolen' } });
  expect(shared.status).toBe(201);
  const medlem = await redeem(server, await invite(server, admin, forumId, 'medlem'), 'TR-bærbar');
  const laeser = await redeem(server, await invite(server, admin, forumId, 'læser'), 'Skolechefens bærbar');
  return { forumId, admin, medlem, laeser };
}
