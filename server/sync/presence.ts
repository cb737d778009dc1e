import type { Connection, beforeHandleAwarenessPayload } from '@hocuspocus/server';
import { parseDocumentName } from '../../shared/sync/documents';
import { PRESENCE_FIELD, runningMeetingOf, type PresenceState } from '../../shared/sync/presence';
import type { Log } from '../log';
import type { Registry } from '../membership/registry';
import type { ConnectionContext } from './context';

/** What one connection has shown in awareness: its one client id, and the person's name as the server holds it. */
interface Shown {
  clientId: number;
  navn: string;
}

/**
 * Who is here (shared/sync/presence.ts), as the server lets it through. A laptop's awareness update is
 * rewritten before Hocuspocus applies and relays it: the person and name come from the connection's
 * sign-in, never from the message; `leder` passes only from a connection that may write; every other
 * field is dropped. One connection shows one client id, and never one another connection shows, so
 * nobody can take over or blank out someone else's presence. Only the forum index carries presence; on
 * every other document an awareness update carries nothing. Nothing of it is stored.
 */
export function presenceGate(registry: Registry, log: Log) {
  const shown = new WeakMap<Connection, Shown>();

  async function nameOf(forumId: string, personId: string): Promise<string | null> {
    const members = await registry.members(forumId, false);
    return members.find((member) => member.personId === personId)?.navn ?? null;
  }

  return async function beforeHandleAwareness({ states, connection, context, document, documentName }: beforeHandleAwarenessPayload): Promise<void> {
    // Server-internal (another instance through Redis): it was checked where it came in.
    if (!connection) return;
    const ctx = context as ConnectionContext;
    const ids = { person: ctx.personId, device: ctx.deviceId, forum: ctx.forumId, document: documentName, socket: ctx.socket.id };
    const doc = parseDocumentName(documentName);
    if (doc?.kind !== 'forum' || !ctx.personId) {
      states.clear();
      return;
    }
    let mine = shown.get(connection);
    const others = new Set<number>();
    for (const [other, entry] of document.connections) if (other !== connection) for (const id of entry.clients) others.add(id);
    for (const [clientId, claimed] of [...states]) {
      // Hocuspocus decodes the update into a scratch awareness whose own empty state comes along; a client
      // of Samtalerum always carries the presence field, so a state without it is nobody to show.
      const field: unknown = claimed[PRESENCE_FIELD];
      if (typeof field !== 'object' || field === null) {
        states.delete(clientId);
        continue;
      }
      if (others.has(clientId) || (mine && mine.clientId !== clientId)) {
        log({ event: 'refused', reason: 'presence-not-own', ...ids });
        states.delete(clientId);
        continue;
      }
      if (!mine) {
        const navn = await nameOf(doc.forumId, ctx.personId);
        if (navn === null) {
          states.delete(clientId);
          continue;
        }
        mine = { clientId, navn };
        shown.set(connection, mine);
      }
      const running = connection.readOnly ? null : runningMeetingOf((field as Record<string, unknown>).leder);
      const state: PresenceState = { personId: ctx.personId, navn: mine.navn, ...(running && { leder: running }) };
      states.set(clientId, { [PRESENCE_FIELD]: state });
    }
  };
}
