import { useApiQuery } from '../../api/queries';
import { sharingText as t } from '../../text/sync';

/** Under a shared forum's title, for a læser: the forum can be read here, not changed, and why. */
export function ReadOnlyNote({ forumId }: { forumId: string }) {
  const sharing = useApiQuery('sync.forum', { forumId }).data;
  if (!sharing?.shared || sharing.right !== 'læser') return null;
  return <p className="warning read-only-note">{t.readOnly}</p>;
}
