import type { ForumSharing } from '../../../shared/api/methods/sync';
import type { Sharing } from '../../services/sharing';
import type { SyncCore } from '../types';

/** How a forum is shared from this laptop, as the archive records it; no connection is needed to say so. */
export function forumSharing(core: Pick<SyncCore, 'sharedForums'>, forumId: string): ForumSharing {
  const shared = core.sharedForums().find((forum) => forum.forumId === forumId);
  return shared ? { shared: true, serverUrl: shared.serverUrl, right: shared.right, admin: shared.admin } : { shared: false };
}

/**
 * Sharing whose connection to the server is still being loaded: the transport (WebSocket, Hocuspocus) is a
 * good part of the service layer's code and nothing on the first screen uses it, so the start loads it
 * once the first screen has its answers (services/startup.ts). A call that needs the server waits for it
 * meanwhile; whether a forum is shared is read from the archive at once.
 */
export function sharingLater(core: Pick<SyncCore, 'sharedForums'>, loaded: Promise<Sharing>): Sharing {
  return {
    join: async (input) => (await loaded).join(input),
    shareForum: async (input) => (await loaded).shareForum(input),
    invite: async (input) => (await loaded).invite(input),
    forum: (forumId) => forumSharing(core, forumId),
    servers: async () => (await loaded).servers(),
  };
}
