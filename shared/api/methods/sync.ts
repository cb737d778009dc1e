import type { ForumSyncStatus } from '../../sync/status';
import { input } from '../fields';
import { read } from '../spec';

export const syncMethods = {
  /**
   * How each shared forum stands with its server (forbundet, offline with the changes that wait, or
   * adgang fjernet); empty while no forum is shared. A 'sync.changed' event says when to ask again.
   */
  'sync.status': read<ForumSyncStatus[]>()(input({})),
} as const;
