import { DAMAGE_NOTICES } from '../../shared/api/limits';
import type { ArchiveNotice, BackupInfo } from '../../shared/api/methods/backup';
import { useApiQuery } from '../api/queries';
import { useRoute } from '../stores/route';
import { backupText as t } from '../text/backup';
import { takenAt } from './backupTime';

/**
 * What Samtalerum found out about the archive itself (a restore a crash interrupted, damage the full
 * check found in the background, a backup that failed). The query follows the services' notice events
 * and a restore (renderer/api/queries.ts), not every write.
 */
export function useArchiveNotices(): ArchiveNotice[] {
  return useApiQuery('backup.notices', {}).data ?? [];
}

/** The notices at the top of every page; damage leads to the backups, where the restore is asked for. */
export function ArchiveNotices() {
  const notices = useArchiveNotices();
  const inSettings = useRoute((s) => s.route.section === 'indstillinger');
  const navigate = useRoute((s) => s.navigate);
  return notices.map((notice) => {
    const damaged = DAMAGE_NOTICES.includes(notice.kind);
    // A backup that failed is something wrong, too, though the archive itself is fine.
    const wrong = damaged || notice.kind === 'sikkerhedskopi-fejlet';
    return (
      // Several forums can each have their own notice of the same kind: the message tells them apart.
      <p key={`${notice.kind}:${notice.message}`} className={`notice ${wrong ? 'notice-error' : 'notice-ok'}`} role={wrong ? 'alert' : 'status'}>
        {notice.message}
        {damaged && ` ${offerText(notice.offer)}`}
        {notice.offer && !inSettings && (
          <>
            {' '}
            <button type="button" onClick={() => navigate({ section: 'indstillinger' })}>
              {t.openBackups}
            </button>
          </>
        )}
      </p>
    );
  });
}

function offerText(offer: BackupInfo | null): string {
  return offer ? t.offer(takenAt(offer)) : t.noOffer;
}
