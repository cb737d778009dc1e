import type { QueryClient } from '@tanstack/react-query';
import { queryKey } from '../../api/queries';

/**
 * Sharing, joining and inviting change what the laptop knows about servers and forums, which no
 * archive change event names: the sharing reads are asked again.
 */
export function forgetSharing(client: QueryClient): Promise<void> {
  return Promise.all([
    client.invalidateQueries({ queryKey: ['sync.forum'] }),
    client.invalidateQueries({ queryKey: queryKey('sync.servers', {}) }),
    client.invalidateQueries({ queryKey: queryKey('sync.status', {}) }),
  ]).then(() => undefined);
}
