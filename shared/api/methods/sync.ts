import * as z from 'zod';
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
  /** The server offers sign-in with the kommune's login (it is set up with an identity provider). */
  kommuneLogin: boolean;
  /** The name of the person signed in here with the kommune's login; null when nobody is. */
  signedInAs: string | null;
  /** This laptop was signed in here, and the server ended it (expired, signed out elsewhere, revoked): sign in again. */
  signInEnded: boolean;
}

/** A sign-in with the kommune's login: who it is, and the forums the person already may reach there (kept in step now). */
export interface SignInResult {
  serverUrl: string;
  name: string;
  forums: JoinedForum[];
}

/** A computer a member uses the forum from, as the server lists it for a forum admin. */
export interface MemberDevice {
  deviceId: string;
  name: string;
  createdAt: string;
  /** ISO time it was revoked; null while it may connect. */
  revokedAt: string | null;
}

/** A member of a shared forum, as its server lists them. */
export interface ForumMember {
  /** The person's id on the server (not a person of the forum's own lists). */
  personId: string;
  name: string;
  right: ForumRight;
  admin: boolean;
  /** This laptop's own person. */
  you: boolean;
  /** Only for a forum admin. */
  devices?: MemberDevice[];
}

export interface ForumMembers {
  members: ForumMember[];
  /** ISO time the list came from the server. */
  fetchedAt: string;
  /** False when the server could not be reached: the list is the last one fetched in this session. */
  fresh: boolean;
}

/** Who is here in a shared forum now, from the awareness of its index (shared/sync/presence.ts). */
export interface ForumPresence {
  /** The server ids of the persons connected now; this laptop's own while it is connected. */
  online: string[];
  /** Who runs which meeting now, on their own laptop; never this laptop. */
  leading: { personId: string; name: string; meetingId: string }[];
}

const serverAddress = requiredText('Serverens adresse', LIMITS.shortText);
const right = z.enum(FORUM_RIGHTS, { error: 'Vælg medlem eller læser.' });
/** A person of the forum (`person` row), or null for someone who is none of them (a læser from outside, an administrator). */
const forumPersonId = (label: string) => entityId(label).nullable().default(null);
const serverId = (label: string) => requiredText(label, LIMITS.name);

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
  /** The servers this laptop has a device credential for or has signed in to, and who is signed in on each. */
  'sync.servers': read<SyncServer[]>()(input({})),
  /**
   * Signs in with the kommune's login: opens the provider's login in the system browser and answers when the
   * person is back (or with a Danish message: not set up, cancelled, refused). While signed in, an invitation
   * code redeemed at the server makes this person the member, and the forums they may reach are kept in step.
   */
  'sync.signIn': read<SignInResult>()(input({ serverAddress })),
  /** Stops waiting for the browser («Annullér»): the sign-in answers that it was not finished. */
  'sync.cancelSignIn': read<{ cancelled: boolean }>()(input({ serverAddress })),
  /** Signs out at the server; the forums go on with the device's own key, or wait offline for the next sign-in. */
  'sync.signOut': read<{ serverUrl: string }>()(input({ serverAddress })),
  /** The forum's members on its server; offline, the last list fetched (fresh: false). 'sync.changed' says when to ask again. */
  'sync.members': read<ForumMembers>()(input({ forumId: entityId('Forummet') })),
  /** A forum admin changes a member's right or admin; the server applies it at once to open connections. */
  'sync.changeMember': read<{ changed: true }>()(
    input({ forumId: entityId('Forummet'), personId: serverId('Personen'), right, admin: z.boolean({ error: 'Vælg, om personen er administrator.' }) }),
  ),
  /** A forum admin removes a member; the server closes their documents at once. */
  'sync.removeMember': read<{ removed: true }>()(input({ forumId: entityId('Forummet'), personId: serverId('Personen') })),
  /** A forum admin revokes a member's computer (lost, or handed on); the server refuses it at once. */
  'sync.revokeDevice': read<{ revoked: true }>()(input({ forumId: entityId('Forummet'), deviceId: serverId('Computeren') })),
  /** Who is online in the forum now and who runs a meeting; 'sync.changed' says when it changed. */
  'sync.presence': read<ForumPresence>()(input({ forumId: entityId('Forummet') })),
  /** Run mode tells the others this laptop runs the meeting (meetingId) or no longer does (null); nothing is stored. */
  'sync.lead': read<{ leading: boolean }>()(input({ forumId: entityId('Forummet'), meetingId: entityId('Mødet').nullable() })),
} as const;
