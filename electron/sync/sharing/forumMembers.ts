import type { ForumMember, ForumMembers, ForumPresence } from '../../../shared/api/methods/sync';
import type { Sharing } from '../../services/sharing';
import type { ServerAddress } from '../device/serverAddress';
import type { SyncTransport } from '../transport/syncTransport';
import { changeMember, membersOf, removeMember, revokeDevice } from './membersApi';
import { isRefusal } from './serverApi';

export interface ForumMembersOptions {
  transport: SyncTransport;
  /** The forum's server and this laptop's credential there (the session while signed in, else the device key); a Danish ServiceError when the forum is not shared. */
  reach(forumId: string): Promise<{ http: string; address: ServerAddress; credential: string }>;
  /** This laptop's person on the server (asked once per session). */
  whoAmIAt(http: string, credential: string): Promise<string>;
  /** The same, only when already known (presence is answered without the network). */
  personIdAt(http: string): string | null;
  serverOf(forumId: string): string | null;
  /** A membership changed on the server. */
  changed(http: string): void;
}

type MemberCalls = Pick<Sharing, 'members' | 'changeMember' | 'removeMember' | 'revokeDevice' | 'presence' | 'lead'>;

/**
 * The members of a shared forum and who is here: the server's list (its administration for a forum admin),
 * kept from the last answer this session for when the server cannot be reached, and presence from the
 * transport (the awareness of the forum index).
 */
export function forumMembers(options: ForumMembersOptions): MemberCalls {
  const { transport } = options;
  /** The last list each forum's server gave this session. */
  const lastKnown = new Map<string, { members: ForumMember[]; fetchedAt: string }>();

  return {
    async members(forumId) {
      const { http, address, credential } = await options.reach(forumId);
      try {
        const you = await options.whoAmIAt(http, credential);
        const listed = await membersOf(address, credential, forumId);
        const known = { members: listed.map((member) => ({ ...member, you: member.personId === you })), fetchedAt: new Date().toISOString() };
        lastKnown.set(forumId, known);
        return { ...known, fresh: true } satisfies ForumMembers;
      } catch (error) {
        // The server not reached: the last list, marked as such; a refusal is the server's answer and is told.
        const known = lastKnown.get(forumId);
        if (!known || isRefusal(error)) throw error;
        return { ...known, fresh: false };
      }
    },

    async changeMember({ forumId, personId, right, admin }) {
      const { http, address, credential } = await options.reach(forumId);
      await changeMember(address, credential, forumId, personId, right, admin);
      options.changed(http);
    },

    async removeMember({ forumId, personId }) {
      const { http, address, credential } = await options.reach(forumId);
      await removeMember(address, credential, forumId, personId);
      options.changed(http);
    },

    async revokeDevice({ forumId, deviceId }) {
      const { http, address, credential } = await options.reach(forumId);
      await revokeDevice(address, credential, deviceId);
      options.changed(http);
    },

    presence(forumId): ForumPresence {
      const http = options.serverOf(forumId);
      if (!http) return { online: [], leading: [] };
      const others = transport.presence(forumId);
      const connected = transport.statuses().some((status) => status.forumId === forumId && status.state === 'forbundet');
      const me = options.personIdAt(http);
      const online = new Set<string>(connected && me ? [me] : []);
      for (const person of others) online.add(person.personId);
      const leading = others.flatMap((person) => (person.leder ? [{ personId: person.personId, name: person.navn, meetingId: person.leder.moedeId }] : []));
      return { online: [...online], leading };
    },

    lead({ forumId, meetingId }) {
      transport.announce(forumId, meetingId ? { leder: { moedeId: meetingId } } : {});
    },
  };
}
