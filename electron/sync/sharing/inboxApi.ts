import { FORUM_KINDS, type ForumKind } from '../../../shared/domain/forums';
import type { ServerAddress } from '../device/serverAddress';
import { callServer, serverFault } from './serverApi';

/** The server's inbox calls (docs/server.md «Indbakker»), with the device credential; refusals in Danish. */

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The shared forums on the server that take input: id, name and kind (null: the server does not know it yet). */
export async function forumsTakingInput(server: ServerAddress, credential: string): Promise<{ forumId: string; name: string; kind: ForumKind | null }[]> {
  const answer = await callServer(server, credential, 'GET', '/api/indbakker', {});
  const fora = (answer as Record<string, unknown> | null)?.['fora'];
  if (!Array.isArray(fora)) throw serverFault();
  return (fora as unknown[]).flatMap((entry) => {
    const { forumId, navn, art } = (entry ?? {}) as Record<string, unknown>;
    // A forum the server names oddly is left out; a kind this app does not know is no kind.
    const kind = FORUM_KINDS.find((known) => known === art) ?? null;
    return typeof forumId === 'string' && ID.test(forumId) && typeof navn === 'string' && navn.trim() !== '' ? [{ forumId, name: navn, kind }] : [];
  });
}

/** The senders who have written to the forum's inbox, for a member. */
export async function inboxSenders(server: ServerAddress, credential: string, forumId: string): Promise<{ personId: string; name: string }[]> {
  const answer = await callServer(server, credential, 'GET', `/api/fora/${encodeURIComponent(forumId)}/indbakker`, {
    403: 'Kun forummets medlemmer kan se forummets indbakke.',
    404: 'Forummet er ikke delt på serveren (længere).',
  });
  const senders = (answer as Record<string, unknown> | null)?.['indbakker'];
  if (!Array.isArray(senders)) throw serverFault();
  return (senders as unknown[]).flatMap((entry) => {
    const { personId, navn } = (entry ?? {}) as Record<string, unknown>;
    return typeof personId === 'string' && ID.test(personId) ? [{ personId, name: typeof navn === 'string' ? navn : '' }] : [];
  });
}
