import * as z from 'zod';
import { input } from '../fields';
import { BACKUP_FILE_NAME, type ArchiveNoticeKind, type BackupReason } from '../limits';
import { read, write } from '../spec';

/** One verified copy of the archive in its backup folder ("sikkerhedskopier") next to it. */
export interface BackupInfo {
  fileName: string;
  /** When it was taken, as an ISO timestamp. */
  createdAt: string;
  reason: BackupReason;
  sizeBytes: number;
}

/**
 * Something Samtalerum found out about the archive itself, told to the user once the window is up:
 * a restore that a crash interrupted (explained at the next start), damage that the full integrity
 * check run in the background finds (in the tables themselves, or only in their indexes), or a daily
 * backup that could not be taken.
 */
export interface ArchiveNotice {
  kind: ArchiveNoticeKind;
  /** Whole Danish sentences. */
  message: string;
  /** The newest backup that passed the full check, offered for restore; null when none is offered. */
  offer: BackupInfo | null;
}

export const backupMethods = {
  'backup.notices': read<ArchiveNotice[]>()(input({})),
  'backup.list': read<BackupInfo[]>()(input({})),
  // Not a write: it changes nothing in the archive, and the copy (VACUUM INTO) cannot be taken inside
  // a write's transaction.
  'backup.create': read<BackupInfo>()(input({})),
  /**
   * Replaces the archive with one of the listed backups; the archive as it was is kept as a file.
   * A write, so every window reloads; dispatch runs it outside a transaction, as it swaps the file.
   */
  'backup.restore': write<{ restored: BackupInfo; keptAs: string | null }>()(
    input({
      fileName: z
        .string({ error: 'Vælg en sikkerhedskopi fra listen.' })
        .regex(BACKUP_FILE_NAME, { error: 'Vælg en sikkerhedskopi fra listen; navnet er ikke navnet på en sikkerhedskopi.' }),
    }),
  ),
} as const;
