import { DAMAGE_NOTICES } from '../../shared/api/limits';
import { createBackup, listBackups, restoreBackup } from '../archive/backup';
import { openArchive } from '../archive/open';
import { replaceArchive } from './context';
import { ServiceError } from './errors';
import type { Handlers } from './handler';

/**
 * Backups from the settings screen: the list, one taken by hand, and restoring one. The automatic
 * ones (daily, before an import) are taken by dispatch, before a migration by openArchive.
 */
export const backupHandlers: Handlers<'backup.list' | 'backup.create' | 'backup.restore' | 'backup.notices'> = {
  'backup.list': (_input, ctx) => listBackups(ctx.archive.path),

  'backup.notices': (_input, ctx) => ctx.notices,

  'backup.create': (_input, ctx) => createBackup(ctx.archive.db, ctx.archive.path, 'manuel', ctx.now()),

  /**
   * Dispatch runs this outside a transaction: it closes the archive, puts the backup in its place (the
   * archive as it was is kept as a file beside it) and opens the result, migrating it if it is older.
   */
  'backup.restore': ({ fileName }, ctx) => {
    const { path } = ctx.archive;
    // Only a name from the list: the name never becomes a path to anywhere else.
    if (!listBackups(path).some((b) => b.fileName === fileName)) {
      throw new ServiceError(
        'ikke_fundet',
        `Sikkerhedskopien «${fileName}» findes ikke blandt arkivets sikkerhedskopier. Arkivet er ikke ændret.`,
        'fileName',
      );
    }
    // The archive as it is now becomes a backup too, so the restore can be undone from the list;
    // not when the full check found it damaged, as no copy of it could pass that check. It is kept
    // beside the restored archive either way.
    if (!ctx.notices.some((notice) => DAMAGE_NOTICES.includes(notice.kind))) {
      createBackup(ctx.archive.db, path, 'foer-gendannelse', ctx.now(), { spare: fileName });
    }
    ctx.archive.db.pragma('wal_checkpoint(TRUNCATE)');
    ctx.archive.close();
    try {
      const restored = restoreBackup(path, fileName, ctx.now());
      // What was found about the archive that was replaced no longer holds.
      ctx.notices.splice(0);
      return restored;
    } finally {
      // The restored backup, or the untouched archive when the restore was refused.
      replaceArchive(ctx, openArchive(path));
    }
  },
};
