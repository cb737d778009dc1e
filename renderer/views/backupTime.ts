import { format, parseISO } from 'date-fns';
import { da } from 'date-fns/locale';
import type { BackupInfo } from '../../shared/api/methods/backup';

/** "søndag den 22. november 2026 kl. 15.21" */
export function takenAt(backup: BackupInfo): string {
  return format(parseISO(backup.createdAt), "EEEE 'den' d. MMMM yyyy 'kl.' HH.mm", { locale: da });
}
