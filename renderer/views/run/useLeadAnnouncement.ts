import { useEffect } from 'react';
import { call } from '../../api/client';

/**
 * While run mode is open, this laptop tells the forum's other members that it runs the meeting, so theirs
 * can offer to follow it; leaving run mode takes it back. Nothing is stored, and a forum that is not
 * shared has nobody to tell (sync.lead does nothing there).
 */
export function useLeadAnnouncement(forumId: string | undefined, meetingId: string): void {
  useEffect(() => {
    if (!forumId) return;
    void call('sync.lead', { forumId, meetingId });
    return () => void call('sync.lead', { forumId, meetingId: null });
  }, [forumId, meetingId]);
}
