import type { Hocuspocus } from '@hocuspocus/server';
import { parseDocumentName } from '../../shared/sync/documents';
import type { Sessions } from '../auth/sessions';
import type { Log } from '../log';
import type { Registry } from '../membership/registry';
import { CLOSE_FORBIDDEN, CLOSE_REVOKED, CLOSE_SIGNED_OUT, contextOf } from './context';
import { accessFor, type AccessLookups } from './access';
import type { MeetingLocks } from './meetingLocks';

/** Which open connections to look at again: one person's, one device's, one sign-in's, or all. */
export interface Scope {
  personId?: string;
  deviceId?: string;
  sessionId?: string;
}

/**
 * Applies the membership table to connections that are already open, right after an administrator changed
 * it (and, with several instances, periodically, since another instance may have changed it): a revoked
 * device loses its whole socket, so does a sign-in that was ended (signed out, or the person's sessions
 * revoked), a document the person may no longer open is closed, a right lowered to læser makes the
 * connection read-only at once. A session token running out does not close what it opened: it is renewed.
 */
export async function enforceAccess(hocuspocus: Hocuspocus, registry: Registry, sessions: Sessions, locks: MeetingLocks, log: Log, scope: Scope): Promise<void> {
  const memo = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, lookup: () => Promise<T>): Promise<T> => {
    let found = memo.get(key) as Promise<T> | undefined;
    if (!found) memo.set(key, (found = lookup()));
    return found;
  };
  // Each distinct forum, membership, meeting and device is read once per pass, and nothing is written.
  const lookups: AccessLookups = {
    forumExists: (forumId) => once(`forum ${forumId}`, () => registry.forumExists(forumId)),
    membership: (forumId, personId) => once(`member ${forumId} ${personId}`, () => registry.membership(forumId, personId)),
    meetingLocked: (forumId, meetingId) => once(`meeting ${forumId} ${meetingId}`, () => registry.meetingLocked(forumId, meetingId)),
  };
  for (const document of [...hocuspocus.documents.values()]) {
    const doc = parseDocumentName(document.name);
    for (const connection of document.getConnections()) {
      const ctx = contextOf(connection);
      const { personId, deviceId, sessionId } = ctx;
      if (!personId || !deviceId || !doc) continue;
      if ((scope.personId && scope.personId !== personId) || (scope.deviceId && scope.deviceId !== deviceId)) continue;
      if (scope.sessionId && scope.sessionId !== sessionId) continue;
      const ids = { person: personId, device: deviceId, forum: doc.forumId, document: document.name, socket: ctx.socket.id };
      const known = await once(`device ${deviceId}`, () => registry.device(deviceId));
      if (!known || known.revoked) {
        log({ event: 'revoked', reason: 'revoked-device', ...ids });
        ctx.socket.close(CLOSE_REVOKED, 'revoked-device');
        continue;
      }
      if (sessionId && !(await once(`session ${sessionId}`, () => sessions.active(sessionId)))) {
        log({ event: 'revoked', reason: 'revoked-session', ...ids });
        ctx.socket.close(CLOSE_SIGNED_OUT, 'revoked-session');
        continue;
      }
      const access = await accessFor(lookups, locks, doc, personId);
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
