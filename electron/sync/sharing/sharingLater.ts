import type { ForumSharing } from '../../../shared/api/methods/sync';
import type { Sharing } from '../../services/sharing';
import type { SyncCore } from '../types';

/** How a forum is shared from this laptop, as the archive records it; no connection is needed to say so. */
export function forumSharing(core: Pick<SyncCore, 'sharedForums'>, forumId: string): ForumSharing {
  const shared = core.sharedForums().find((forum) => forum.forumId === forumId);
  if (!shared) return { shared: false };
  const me = shared.forumPersonId === null ? null : { personId: shared.forumPersonId, name: null };
  return { shared: true, serverUrl: shared.serverUrl, right: shared.right, admin: shared.admin, me };
}

/**
 * Sharing whose connection to the server is still being loaded: the transport (WebSocket, Hocuspocus) is a
 * good part of the service layer's code and nothing on the first screen uses it, so the start loads it
 * once the first screen has its answers (services/startup.ts). A call that needs the server waits for it
 * meanwhile; what the archive knows (whether a forum is shared, an inbox to keep) is answered at once, and
 * the connection takes the archive's inboxes up when it starts.
 */
export function sharingLater(core: Pick<SyncCore, 'sharedForums' | 'keepInbox' | 'inboxWritten'>, loaded: Promise<Sharing>): Sharing {
  let ready: Sharing | null = null;
  // A connection that never starts (the app closed first) is told to the calls that wait for it, not here.
  const ignore = (): void => {};
  loaded.then((sharing) => (ready = sharing), ignore);
  return {
    join: async (input) => (await loaded).join(input),
    shareForum: async (input) => (await loaded).shareForum(input),
    invite: async (input) => (await loaded).invite(input),
    forum: (forumId) => forumSharing(core, forumId),
    servers: async () => (await loaded).servers(),
    signIn: async (input) => (await loaded).signIn(input),
    cancelSignIn: async (input) => (await loaded).cancelSignIn(input),
    signOut: async (input) => (await loaded).signOut(input),
    members: async (forumId) => (await loaded).members(forumId),
    changeMember: async (input) => (await loaded).changeMember(input),
    removeMember: async (input) => (await loaded).removeMember(input),
    revokeDevice: async (input) => (await loaded).revokeDevice(input),
    // Nobody is known to be here until the connection runs; announcing waits for it.
    presence: (forumId) => ready?.presence(forumId) ?? { online: [], leading: [] },
    lead: (input) => void loaded.then((sharing) => sharing.lead(input), ignore),
    personAt: (serverUrl) => ready?.personAt(serverUrl) ?? null,
    inboxTargets: async () => (await loaded).inboxTargets(),
    keepInbox: (inbox) => (ready ? ready.keepInbox(inbox) : core.keepInbox(inbox)),
    inboxWritten: (document) => (ready ? ready.inboxWritten(document) : core.inboxWritten(document)),
  };
}
