import type { ForumMember, ForumRight, MemberDevice } from '../../../shared/api/methods/sync';
import type { ServerAddress } from '../device/serverAddress';
import { callServer, isRight, isText, serverFault } from './serverApi';

/** The forum's members on the server (docs/server.md «HTTP-API»), as the laptop calls it with its credential. */

const forumPath = (forumId: string) => `/api/fora/${encodeURIComponent(forumId)}`;

const ONLY_ADMINS = 'Kun forummets administratorer kan ændre, hvem der er med. Bed en af dem om det.';
const NOT_SHARED = 'Forummet findes ikke (længere) på delingsserveren.';
const LAST_ADMIN =
  'Forummet skal altid have mindst én administrator, der er medlem. Gør en anden til administrator, før du ændrer eller fjerner denne person.';

export async function membersOf(server: ServerAddress, credential: string, forumId: string): Promise<Omit<ForumMember, 'you'>[]> {
  const answer = await callServer(server, credential, 'GET', `${forumPath(forumId)}/medlemmer`, {
    403: 'Du er ikke (længere) med i forummet, så serveren viser ikke, hvem der er med.',
    404: NOT_SHARED,
  });
  const listed = (answer as { medlemmer?: unknown } | null)?.medlemmer;
  if (!Array.isArray(listed)) throw serverFault();
  const members: Omit<ForumMember, 'you'>[] = [];
  for (const entry of listed as unknown[]) {
    const { personId, navn, ret, admin, enheder } = (entry ?? {}) as Record<string, unknown>;
    // A member the server describes oddly is left out; the rest are shown.
    if (!isText(personId) || typeof navn !== 'string' || !isRight(ret)) continue;
    members.push({ personId, name: navn, right: ret, admin: admin === true, ...(Array.isArray(enheder) && { devices: devicesOf(enheder) }) });
  }
  return members;
}

function devicesOf(listed: unknown[]): MemberDevice[] {
  const devices: MemberDevice[] = [];
  for (const entry of listed) {
    const { deviceId, navn, oprettet, spaerret } = (entry ?? {}) as Record<string, unknown>;
    if (!isText(deviceId) || typeof navn !== 'string' || !isText(oprettet)) continue;
    devices.push({ deviceId, name: navn, createdAt: oprettet, revokedAt: isText(spaerret) ? spaerret : null });
  }
  return devices;
}

export async function changeMember(server: ServerAddress, credential: string, forumId: string, personId: string, right: ForumRight, admin: boolean): Promise<void> {
  await callServer(
    server,
    credential,
    'PUT',
    `${forumPath(forumId)}/medlemmer/${encodeURIComponent(personId)}`,
    { 403: ONLY_ADMINS, 404: 'Personen er ikke med i forummet (længere).', 409: LAST_ADMIN, 400: 'Serveren kunne ikke tage imod ændringen. Prøv igen.' },
    { ret: right, admin },
  );
}

export async function removeMember(server: ServerAddress, credential: string, forumId: string, personId: string): Promise<void> {
  await callServer(server, credential, 'DELETE', `${forumPath(forumId)}/medlemmer/${encodeURIComponent(personId)}`, {
    403: ONLY_ADMINS,
    404: 'Personen er ikke med i forummet (længere).',
    409: LAST_ADMIN,
  });
}

export async function revokeDevice(server: ServerAddress, credential: string, deviceId: string): Promise<void> {
  await callServer(server, credential, 'DELETE', `/api/enheder/${encodeURIComponent(deviceId)}`, {
    403: 'Kun personen selv eller en administrator af personens fora kan spærre computeren.',
    404: 'Computeren findes ikke på delingsserveren (længere).',
  });
}
