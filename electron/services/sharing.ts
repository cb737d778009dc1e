import type { ParsedInput } from '../../shared/api/contract';
import type { ForumSharing, InvitationResult, JoinResult, ShareResult, SyncServer } from '../../shared/api/methods/sync';
import type { ServiceContext } from './context';
import { ServiceError } from './errors';
import { personName } from '../archive/queries/exchange';
import { requireForum } from './forums';
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
}

const NO_SHARING = 'Deling med kommunens server er ikke slået til i denne udgave af Samtalerum.';

function sharingOf(ctx: ServiceContext): Sharing {
  if (!ctx.sharing) throw new ServiceError('konflikt', NO_SHARING);
  return ctx.sharing;
}

export const sharingHandlers: Handlers<'sync.join' | 'sync.shareForum' | 'sync.invite' | 'sync.forum' | 'sync.servers'> = {
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
};
