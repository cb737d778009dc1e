import type { QueryClient } from '@tanstack/react-query';
import { queryKey } from '../../api/queries';

/**
 * Sharing and joining change what the laptop knows about its servers and forums. The services' events
 * say so too, but only once their own work after the server's answer is done: the screen that asked
 * reads the sharing again at once, so the form never stands there as if nothing happened.
 */
export function forgetSharing(client: QueryClient): Promise<void> {
  return Promise.all([
    client.invalidateQueries({ queryKey: ['sync.forum'] }),
    client.invalidateQueries({ queryKey: queryKey('sync.servers', {}) }),
    client.invalidateQueries({ queryKey: queryKey('sync.status', {}) }),
    client.invalidateQueries({ queryKey: ['sync.members'] }),
    client.invalidateQueries({ queryKey: ['sync.presence'] }),
  ]).then(() => undefined);
}
