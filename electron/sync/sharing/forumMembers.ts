import type { ForumMember, ForumMembers, ForumPresence } from '../../../shared/api/methods/sync';
import type { Sharing } from '../../services/sharing';
import type { ServerAddress } from '../device/serverAddress';
import type { KnownMembers } from '../knownMembers';
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
  /** Keeps the list the server gave, in the archive's order of writes (SyncCore.keepMembers). */
  keep(forumId: string, known: KnownMembers): Promise<void>;
  /** The list kept last, also from an earlier session. */
  lastKnown(forumId: string): KnownMembers | null;
}

type MemberCalls = Pick<Sharing, 'members' | 'changeMember' | 'removeMember' | 'revokeDevice' | 'presence' | 'lead'>;

/**
 * The members of a shared forum and who is here: the server's list (its administration for a forum admin),
 * kept in the archive for when the server cannot be reached (also at a start without it), and presence from
 * the transport (the awareness of the forum index).
 */
export function forumMembers(options: ForumMembersOptions): MemberCalls {
  const { transport } = options;

  return {
    async members(forumId) {
      const { http, address, credential } = await options.reach(forumId);
      let listed: ForumMember[];
      try {
        const you = await options.whoAmIAt(http, credential);
        listed = (await membersOf(address, credential, forumId)).map((member) => ({ ...member, you: member.personId === you }));
      } catch (error) {
        // The server not reached: the last list, marked as such; a refusal is the server's answer and is told.
        const known = options.lastKnown(forumId);
        if (!known || isRefusal(error)) throw error;
        return { ...known, fresh: false };
      }
      const known = { members: listed, fetchedAt: new Date().toISOString() };
      // The computers are shown only while the server answers; the rest is kept.
      await options.keep(forumId, { ...known, members: listed.map(({ devices: _devices, ...member }) => member) }).catch((error: unknown) =>
        // The list is shown all the same; only a start without the server shows an older one.
        console.error(`[deling] ${forumId}: medlemslisten kunne ikke gemmes:`, error instanceof Error ? error.name : 'ukendt'),
      );
      return { ...known, fresh: true } satisfies ForumMembers;
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
