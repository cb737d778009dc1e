import type { ParsedInput } from '../../shared/api/contract';
import type { InboxTargets } from '../../shared/api/methods/inbox';
import type { InboxDocument } from '../sync/inbox';
import type { ForumMembers, ForumPresence, ForumSharing, InvitationResult, JoinResult, ShareResult, SignInResult, SyncServer } from '../../shared/api/methods/sync';
import type { ServiceContext } from './context';
import { ServiceError } from './errors';
import { personName } from '../archive/queries/exchangeLookups';
import { requireForum } from './forums';
import { requireMeeting } from './meetings';
import type { Handlers } from './handler';

/**
 * Sharing forums through the kommune's server, as the sharing screens ask for it. The app and the
 * harness put it in the context once the archive is open and the connection to the server runs
 * (electron/sync/laptop.ts); where none runs (the command line, a test without a server) the calls say so.
 */
export interface Sharing {
  join(input: ParsedInput<'sync.join'>): Promise<JoinResult>;
  shareForum(input: ParsedInput<'sync.shareForum'>): Promise<ShareResult>;
  invite(input: ParsedInput<'sync.invite'>): Promise<InvitationResult>;
  forum(forumId: string): ForumSharing;
  /** Asks a server whether the person may share there, unless it has said so this session. */
  servers(): Promise<SyncServer[]>;
  /** Signs in with the kommune's login in the system browser, and keeps the forums the person may reach in step. */
  signIn(input: ParsedInput<'sync.signIn'>): Promise<SignInResult>;
  cancelSignIn(input: ParsedInput<'sync.cancelSignIn'>): Promise<{ cancelled: boolean }>;
  signOut(input: ParsedInput<'sync.signOut'>): Promise<{ serverUrl: string }>;
  members(forumId: string): Promise<ForumMembers>;
  changeMember(input: ParsedInput<'sync.changeMember'>): Promise<void>;
  removeMember(input: ParsedInput<'sync.removeMember'>): Promise<void>;
  revokeDevice(input: ParsedInput<'sync.revokeDevice'>): Promise<void>;
  presence(forumId: string): ForumPresence;
  lead(input: ParsedInput<'sync.lead'>): void;
  /** This laptop's person on the server (from its device key), or null when the laptop is not on it. */
  personAt(serverUrl: string): string | null;
  /** The kommune's forums that take input, from every server this laptop is on; offline, those sent to before. */
  inboxTargets(): Promise<Omit<InboxTargets, 'own'>>;
  /** Inside a write: records an inbox document to keep in step (before its rows are written). */
  keepInbox(inbox: InboxDocument): void;
  /** Inside a write: the inbox document's rows changed; its own part is mirrored into it as the write ends. */
  inboxWritten(document: string): void;
}

const NO_SHARING = 'Deling med kommunens server er ikke slået til i denne udgave af Samtalerum.';

function sharingOf(ctx: ServiceContext): Sharing {
  if (!ctx.sharing) throw new ServiceError('konflikt', NO_SHARING);
  return ctx.sharing;
}

type SharingMethod =
  | 'sync.join'
  | 'sync.shareForum'
  | 'sync.invite'
  | 'sync.forum'
  | 'sync.servers'
  | 'sync.signIn'
  | 'sync.cancelSignIn'
  | 'sync.signOut'
  | 'sync.members'
  | 'sync.changeMember'
  | 'sync.removeMember'
  | 'sync.revokeDevice'
  | 'sync.presence'
  | 'sync.lead';

const NOBODY_HERE = { online: [], leading: [] };

export const sharingHandlers: Handlers<SharingMethod> = {
  'sync.join': (input, ctx) => sharingOf(ctx).join(input),
  'sync.shareForum': (input, ctx) => sharingOf(ctx).shareForum(input),
  'sync.invite': (input, ctx) => sharingOf(ctx).invite(input),
  'sync.forum': ({ forumId }, ctx) => {
    requireForum(ctx.archive.db, forumId);
    const sharing = ctx.sharing?.forum(forumId) ?? { shared: false };
    // The person's name from the forum's rows; a laptop that just joined may not hold them yet.
    if (sharing.shared && sharing.me) return { ...sharing, me: { ...sharing.me, name: personName(ctx.archive.db, sharing.me.personId) } };
    return sharing;
  },
  'sync.servers': (_input, ctx) => ctx.sharing?.servers() ?? [],
  'sync.signIn': (input, ctx) => sharingOf(ctx).signIn(input),
  'sync.cancelSignIn': (input, ctx) => sharingOf(ctx).cancelSignIn(input),
  'sync.signOut': (input, ctx) => sharingOf(ctx).signOut(input),
  'sync.members': ({ forumId }, ctx) => {
    requireForum(ctx.archive.db, forumId);
    return sharingOf(ctx).members(forumId);
  },
  'sync.changeMember': async (input, ctx) => {
    await sharingOf(ctx).changeMember(input);
    return { changed: true };
  },
  'sync.removeMember': async (input, ctx) => {
    await sharingOf(ctx).removeMember(input);
    return { removed: true };
  },
  'sync.revokeDevice': async (input, ctx) => {
    await sharingOf(ctx).revokeDevice(input);
    return { revoked: true };
  },
  'sync.presence': ({ forumId }, ctx) => {
    requireForum(ctx.archive.db, forumId);
    return ctx.sharing?.presence(forumId) ?? NOBODY_HERE;
  },
  // Without sharing there is nobody to tell; run mode goes on as always.
  'sync.lead': (input, ctx) => {
    requireForum(ctx.archive.db, input.forumId);
    if (input.meetingId !== null) requireMeeting(ctx.archive.db, input.meetingId);
    ctx.sharing?.lead(input);
    return { leading: input.meetingId !== null && ctx.sharing !== undefined };
  },
};
