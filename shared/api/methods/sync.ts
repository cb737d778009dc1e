import { z } from 'zod';
import type { ForumSyncStatus } from '../../sync/status';
import { entityId, input, requiredText } from '../fields';
import { LIMITS } from '../limits';
import { read } from '../spec';

/** What a person may do in a shared forum: medlem (everything, also confidential) or læser (the shared view only). */
export const FORUM_RIGHTS = ['medlem', 'læser'] as const;
export type ForumRight = (typeof FORUM_RIGHTS)[number];

/** A forum this laptop keeps in step with the server after joining. */
export interface JoinedForum {
  forumId: string;
  name: string;
  right: ForumRight;
}

export interface JoinResult {
  /** The server's address as the laptop stores it (https://… or http://127.0.0.1…). */
  serverUrl: string;
  /** Every forum the person may reach on that server; each is kept in step from now on. */
  forums: JoinedForum[];
}

export interface ShareResult {
  forumId: string;
  serverUrl: string;
  /**
   * The forum's documents are all on the server. False when that took longer than the call waits: the
   * upload goes on in the background (sync.status tells how far), and the screen says so.
   */
  onServer: boolean;
}

export interface InvitationResult {
  /** The one-time code to hand to the person. */
  code: string;
  /** ISO time; the code cannot be redeemed after it. */
  expiresAt: string;
}

/** The forum person the user is in a shared forum; `name` is null until the forum's rows hold that person. */
export interface MeInForum {
  personId: string;
  name: string | null;
}

export type ForumSharing =
  | { shared: false }
  | {
      shared: true;
      serverUrl: string;
      right: ForumRight;
      admin: boolean;
      /**
       * Who the user is in the forum as the server knows them: the only person they approve and consent as here.
       * Null when the server links them to no forum person (then they approve and consent for nobody).
       */
      me: MeInForum | null;
    };

export interface SyncServer {
  serverUrl: string;
  /** This laptop's person may share a forum of their own on the server (a «deler» or an admin). */
  canShare: boolean;
}

const serverAddress = requiredText('Serverens adresse', LIMITS.shortText);
const right = z.enum(FORUM_RIGHTS, { error: 'Vælg medlem eller læser.' });
/** A person of the forum (`person` row), or null for someone who is none of them (a læser from outside, an administrator). */
const forumPersonId = (label: string) => entityId(label).nullable().default(null);

/**
 * The sharing methods talk to the kommune's server, so they are not archive writes: dispatch does not
 * hold a transaction across the network. They are declared as reads (awaited, like backup.create); the
 * one local write that follows the server's answer runs in the archive's own order of writes and is
 * announced with 'archive.changed' (method 'sync.remote' for what arrives from the server).
 */
export const syncMethods = {
  /**
   * How each shared forum stands with its server (forbundet, offline with the changes that wait, or
   * adgang fjernet); empty while no forum is shared. A 'sync.changed' event says when to ask again.
   */
  'sync.status': read<ForumSyncStatus[]>()(input({})),
  /**
   * Redeems an invitation code at the server (the first time for that server: this laptop gets a device
   * credential; later: the membership is added to it) and keeps every forum the person may reach in step.
   * A forum the laptop does not hold yet arrives from the server (its rows appear with 'archive.changed').
   */
  'sync.join': read<JoinResult>()(input({ serverAddress, code: requiredText('Invitationskoden', LIMITS.name) })),
  /** Shares a local forum through the server (needs a credential that may share); answers once it is uploaded or goes on in the background. */
  'sync.shareForum': read<ShareResult>()(input({ forumId: entityId('Forummet'), serverAddress, forumPersonId: forumPersonId('Hvem du er i forummet') })),
  /** A one-time invitation code to a shared forum, for a forum admin; it names the forum person invited, when there is one. */
  'sync.invite': read<InvitationResult>()(
    input({ forumId: entityId('Forummet'), right, name: requiredText('Navnet', LIMITS.name), forumPersonId: forumPersonId('Personen i forummet') }),
  ),
  /** Whether the forum is shared, through which server, this laptop's right in it, and who the user is in it. */
  'sync.forum': read<ForumSharing>()(input({ forumId: entityId('Forummet') })),
  /** The servers this laptop has a device credential for. */
  'sync.servers': read<SyncServer[]>()(input({})),
} as const;
