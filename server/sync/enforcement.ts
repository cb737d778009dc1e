import type { Hocuspocus } from '@hocuspocus/server';
import { parseDocumentName } from '../../shared/sync/documents';
import type { Log } from '../log';
import type { Registry } from '../membership/registry';
import { CLOSE_FORBIDDEN, CLOSE_REVOKED, contextOf } from './context';
import { accessFor } from './access';
import type { MeetingLocks } from './meetingLocks';

/** Which open connections to look at again: one person's, one device's, or all. */
export interface Scope {
  personId?: string;
  deviceId?: string;
}

/**
 * Applies the membership table to connections that are already open, right after an administrator changed
 * it (and, with several instances, periodically, since another instance may have changed it): a revoked
 * device loses its whole socket, a document the person may no longer open is closed, a right lowered to
 * læser makes the connection read-only at once.
 */
export async function enforceAccess(hocuspocus: Hocuspocus, registry: Registry, locks: MeetingLocks, log: Log, scope: Scope): Promise<void> {
  const devices = new Map<string, Promise<{ revoked: boolean } | null>>();
  for (const document of [...hocuspocus.documents.values()]) {
    const doc = parseDocumentName(document.name);
    for (const connection of document.getConnections()) {
      const ctx = contextOf(connection);
      const { personId, deviceId } = ctx;
      if (!personId || !deviceId || !doc) continue;
      if ((scope.personId && scope.personId !== personId) || (scope.deviceId && scope.deviceId !== deviceId)) continue;
      const ids = { person: personId, device: deviceId, forum: doc.forumId, document: document.name, socket: ctx.socket.id };
      let device = devices.get(deviceId);
      if (!device) devices.set(deviceId, (device = registry.device(deviceId)));
      const known = await device;
      if (!known || known.revoked) {
        log({ event: 'revoked', reason: 'revoked-device', ...ids });
        ctx.socket.close(CLOSE_REVOKED, 'revoked-device');
        continue;
      }
      const access = await accessFor(registry, locks, doc, personId);
      if (access.kind === 'nægtet') {
        log({ event: 'removed', reason: access.reason, ...ids });
        connection.close({ code: CLOSE_FORBIDDEN, reason: access.reason });
      } else if ((access.kind === 'læs') !== connection.readOnly) {
        connection.readOnly = access.kind === 'læs';
        log({ event: 'right-applied', reason: connection.readOnly ? 'read-only' : 'read-write', ...ids });
      }
    }
  }
}
