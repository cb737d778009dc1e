import { EVERYTHING, type Change } from '../../shared/api/changes';
import { contract, isMethod, REMOTE_CHANGE, type AppEvent, type Method, type MethodResult } from '../../shared/api/contract';
import { fail, ok, type Result } from '../../shared/api/envelope';
import type { BackupReason } from '../../shared/api/limits';
import { quoteForMessage } from '../../shared/api/text';
import { validate } from '../../shared/api/validation';
import { actionHandlers } from './actions';
import { agendaHandlers } from './agenda';
import { BackupError, createBackup, dailyBackupIfDue } from '../archive/backup';
import { startChanges, takeChanges, trackChanges } from '../archive/changes';
import { ArchiveError } from '../archive/open';
import { appHandlers } from './app';
import { backupHandlers } from './backup';
import type { ServiceContext } from './context';
import { decisionHandlers } from './decisions';
import { ServiceError } from './errors';
import { forumHandlers } from './forums';
import { inboxHandlers } from './inbox';
import { proposalHandlers } from './proposal';
import { listeningHandlers } from './listening';
import { feedbackLetterHandlers } from './feedbackLetter';
import type { Handlers } from './handler';
import { meetingHandlers } from './meetings';
import { memberHandlers } from './members';
import { participantHandlers } from './participants';
import { commentHandlers } from './comments';
import { keptWordsHandlers } from './keptWords';
import { agendaNewsHandlers } from './agendaNews';
import { demoHandlers } from './demo';
import { documentHandlers } from './documents';
import { runHandlers } from './run';
import { exchangeHandlers } from './exchange';
import { lockWhenLastApprover, referatHandlers } from './referat';
import { registerHandlers } from './register';
import { sagHandlers } from './sager';
import { searchHandlers } from './search';
import { searchUpkeep, type SearchUpkeepOptions } from './searchUpkeep';
import { logCheckpoint, type LogCheckpointOptions } from './logCheckpoint';
import { syncCompaction, type SyncCompactionOptions } from './syncCompaction';
import { sharingHandlers } from './sharing';
import { syncHandlers } from './syncStatus';
import { refuseIfReferatLocked } from './locks';
import { ARCHIVE_BUSY_MESSAGE, ArchiveWaitError, archiveWaiter, isArchiveBusy } from './busy';
import { createSyncCore } from '../sync/core';
import { tellLosses } from './leavingNotices';
import type { AccessLoss } from '../sync/transport/localDocuments';
import type { SyncCore } from '../sync/types';

const handlers: Handlers<Method> = {
  ...appHandlers,
  ...forumHandlers,
  ...memberHandlers,
  ...meetingHandlers,
  ...participantHandlers,
  ...agendaHandlers,
  ...commentHandlers,
  ...keptWordsHandlers,
  ...agendaNewsHandlers,
  ...decisionHandlers,
  ...registerHandlers,
  ...actionHandlers,
  ...documentHandlers,
  ...demoHandlers,
  ...runHandlers,
  ...exchangeHandlers,
  ...referatHandlers,
  ...searchHandlers,
  ...sagHandlers,
  ...backupHandlers,
  ...listeningHandlers,
  ...feedbackLetterHandlers,
  ...syncHandlers,
  ...sharingHandlers,
  ...inboxHandlers,
  ...proposalHandlers,
};

/**
 * Writes that need a verified backup of the archive first: always one before an import. VACUUM INTO
 * cannot run inside a transaction, so dispatch takes it before it opens the write's transaction; if
 * the backup fails, the write is not carried out.
 */
const BACKUP_FIRST: Partial<Record<Method, BackupReason>> = { 'exchange.import': 'foer-import' };

/** Writes that replace the archive file itself (close, swap, reopen), which no transaction on it can span. */
const REPLACES_ARCHIVE: ReadonlySet<Method> = new Set<Method>(['backup.restore']);

/** Writes that may bring hundreds of megabytes: the log is checkpointed right after, not only when the archive is quiet. */
const LARGE_WRITES: ReadonlySet<Method> = new Set<Method>(['exchange.import']);

export type EventListener = (event: AppEvent) => void;

export interface Services {
  /** The only way in from outside: IPC, the HTTP harness and tests all call this. */
  dispatch(method: string, rawInput: unknown): Promise<Result<unknown>>;
  /** Typed convenience for in-process callers (tests, CLI). */
  call<M extends Method>(method: M, input: unknown): Promise<Result<MethodResult<M>>>;
  subscribe(listener: EventListener): () => void;
  /** Refuses further calls and closes the archive; every write already begun has finished by then. */
  close(): void;
}

export interface ServiceOptions {
  /** How long a call waits for another program's lock on the archive; shorter in tests. */
  archiveWaitMs?: number;
  /**
   * Takes the day's backup if it is due; called before the first write of each day. By default the
   * backup is taken there and then; the app starts it in a worker instead, so the write does not wait.
   */
  dailyBackup?: () => void;
  /** When and how the search index is merged after writes; shorter in tests. */
  searchUpkeep?: SearchUpkeepOptions;
  /** When the archive's log is checkpointed after writes; shorter in tests. */
  logCheckpoint?: LogCheckpointOptions;
  /** When the shared forums' update log is compacted after writes; shorter in tests. */
  syncCompaction?: SyncCompactionOptions;
}

/** A change the services carry out without a call of their own: what the server sent, or sharing after the server said yes. */
export type OutsideChange<T> = () => { value: T; changes: readonly Change[] };

/** The services over an open archive, with the shared forums' documents for the connection to the kommune's server. */
export interface ArchiveServices extends Services {
  readonly sync: SyncCore;
  /**
   * Runs a change that does not come through dispatch in the archive's order of writes, so it never lands
   * inside (or before) a write that waits; then the windows hear what it touched as 'archive.changed'
   * naming `method`. The change holds its own transaction (SyncCore's).
   */
  inTurn<T>(method: Method | typeof REMOTE_CHANGE, change: OutsideChange<T>): Promise<T>;
  /** Stores and projects an update the server delivered (SyncCore.applyRemoteUpdate), in turn; resolves once it is durable. */
  applyRemote(name: string, update: Uint8Array): Promise<void>;
  /** The server took the forum, or its confidential part, from this laptop (SyncCore.accessLost), in turn. */
  loseAccess(forumId: string, scope: AccessLoss, reason: string): Promise<void>;
  /** The server acknowledged this laptop's updates of the document: its meeting's referat is locked if the lock waited for that (SyncCore.lockAwaitedReferats), in turn. */
  lockAwaited(name: string): Promise<void>;
}

/**
 * At start, before anything reads the archive: a refusal the server gave that the laptop recorded but had not yet
 * acted on (it stopped in between) is acted on now (electron/sync/leaving.ts), and the user is told of it.
 */
function finishLeaving(ctx: ServiceContext, sync: SyncCore): void {
  try {
    sync.finishLeaving();
    tellLosses(ctx, sync);
  } catch (error) {
    // The refusal stays recorded; the next start, or the server's next refusal, tries again.
    console.error('[deling] Fortroligt indhold fra et forum, som computeren har mistet adgangen til, kunne ikke fjernes:', error instanceof Error ? error.message : error);
  }
}

/**
 * At start: a referat approved by all on this laptop whose lock waited for the server to take this laptop's updates,
 * which it did before the laptop stopped, is locked now; the lock is sent when the server is reached.
 */
function lockAwaitedAtStart(sync: SyncCore): void {
  try {
    sync.lockAwaitedReferats();
  } catch (error) {
    // The approvals stay; the next acknowledgement or remote update of the meeting tries again.
    console.error('[deling] Et referat, som alle har godkendt, kunne ikke låses ved start:', error instanceof Error ? error.message : error);
  }
}

export function createServices(ctx: ServiceContext, options: ServiceOptions = {}): ArchiveServices {
  const listeners = new Set<EventListener>();
  let closed = false;
  const waiter = archiveWaiter(() => closed, options.archiveWaitMs);
  let dailyBackupCheckedOn = '';
  const upkeep = searchUpkeep(() => ctx.archive.db, options.searchUpkeep);
  // The log is checkpointed beside the writes, never inside one (logCheckpoint.ts).
  const log = logCheckpoint(() => ctx.archive, options.logCheckpoint);
  // A shared forum's standing changes without a write: the window hears it as its own event.
  const stopSyncStatus =
    ctx.sync?.onChange(() => {
      for (const listener of listeners) listener({ type: 'sync.changed' });
    }) ?? (() => {});
  // Keeps a shared forum's documents in line with its rows inside each write's transaction; nothing for a forum not shared.
  const core = createSyncCore(
    () => ctx.archive.db,
    () => ctx.now(),
    (meetingId, me, confidentialHolds) => lockWhenLastApprover(ctx, meetingId, me, confidentialHolds),
  );
  const sync: typeof core = {
    ...core,
    // A refusal acted on while the app runs is told at once, in every window.
    accessLost(forumId, scope, reason) {
      const changes = core.accessLost(forumId, scope, reason);
      if (tellLosses(ctx, core)) for (const listener of listeners) listener({ type: 'archive.notice' });
      return changes;
    },
  };
  finishLeaving(ctx, sync);
  lockAwaitedAtStart(sync);
  // The shared documents' log is folded between the writes, in their order (syncCompaction.ts).
  const compaction = syncCompaction(
    () => sync,
    async (compact) => {
      await waiter.run(compact, true);
      log.wrote(false);
    },
    options.syncCompaction,
  );

  /** The first write of each day takes the day's backup, if the app has been open since yesterday. */
  function dailyBackup(): void {
    const today = ctx.now().toDateString();
    if (today === dailyBackupCheckedOn) return;
    dailyBackupCheckedOn = today;
    try {
      if (options.dailyBackup) options.dailyBackup();
      else dailyBackupIfDue(ctx.archive.db, ctx.archive.path, ctx.now());
    } catch (error) {
      // The work of the day goes on; the next start or the next day tries again.
      console.error('Den daglige sikkerhedskopi kunne ikke tages:', error instanceof Error ? error.message : error);
    }
  }

  async function dispatch(method: string, rawInput: unknown): Promise<Result<unknown>> {
    if (closed) return fail('arkivfejl', 'Samtalerum er ved at lukke. Ændringen blev ikke gemt.');
    if (!isMethod(method)) return fail('ukendt_metode', `Samtalerum kender ikke handlingen «${quoteForMessage(String(method))}».`);
    const spec = contract[method];
    const parsed = validate(spec.input, rawInput);
    if (!parsed.ok) return parsed;
    // The handler map is keyed by method, so this pairing is sound; TypeScript cannot see it through the union.
    const handler = handlers[method] as (input: unknown, ctx: ServiceContext) => unknown;
    try {
      const run = () => {
        if (spec.writes) refuseIfReferatLocked(ctx.archive.db, method, parsed.value);
        return handler(parsed.value, ctx);
      };
      // Inside the write's transaction, so what it touched is read before any other write can run.
      const tracked = (): { value: unknown; changes: readonly Change[] } => {
        startChanges(ctx.archive.db);
        const value = run();
        sync.mirrorWrite();
        return { value, changes: takeChanges(ctx.archive.db) };
      };
      if (spec.writes) dailyBackup();
      const backupReason = BACKUP_FIRST[method];
      if (backupReason) createBackup(ctx.archive.db, ctx.archive.path, backupReason, ctx.now());
      // A write completes (commits or rolls back) before anything else can run; a read may await.
      // While another program holds the archive, the attempt is repeated without blocking the window.
      const inTransaction = spec.writes && !REPLACES_ARCHIVE.has(method);
      // No checkpoint may be copying into the file that is about to be replaced.
      if (REPLACES_ARCHIVE.has(method)) await log.settle();
      if (inTransaction) {
        trackChanges(ctx.archive.db);
        sync.beforeWrite();
      }
      // A restore swaps the whole file under every window: everything has changed.
      const attempt = async () => (inTransaction ? ctx.archive.db.transaction(tracked).immediate() : { value: await run(), changes: EVERYTHING });
      const { value, changes } = await waiter.run(LARGE_WRITES.has(method) ? () => log.largeWrite(attempt) : attempt, spec.writes);
      if (inTransaction) sync.afterCommit();
      if (spec.writes) {
        upkeep.wrote();
        log.wrote(LARGE_WRITES.has(method));
        compaction.wrote();
      }
      if (spec.writes) for (const listener of listeners) listener({ type: 'archive.changed', method, changes });
      return ok(value);
    } catch (error) {
      sync.afterRollback();
      return toFailure(error, method);
    }
  }

  async function inTurn<T>(method: Method | typeof REMOTE_CHANGE, change: OutsideChange<T>): Promise<T> {
    const { value, changes } = await waiter.run(change, true);
    // Even an update that changed no row is in the sync log: the log is checkpointed after it like after a write.
    log.wrote(false);
    compaction.wrote();
    if (changes.length > 0) {
      upkeep.wrote();
      for (const listener of listeners) listener({ type: 'archive.changed', method, changes });
    }
    return value;
  }

  return {
    dispatch,
    sync,
    inTurn,
    applyRemote: (name, update) => inTurn(REMOTE_CHANGE, () => ({ value: undefined, changes: sync.applyRemoteUpdate(name, update) })),
    loseAccess: (forumId, scope, reason) => inTurn(REMOTE_CHANGE, () => ({ value: undefined, changes: sync.accessLost(forumId, scope, reason) })),
    async lockAwaited(name) {
      // Asked at every acknowledgement of a meeting's documents: a read first, the write only when a lock may be due.
      if (!closed && sync.referatLockAwaited(name)) await inTurn(REMOTE_CHANGE, () => ({ value: undefined, changes: sync.lockAwaitedReferats(name) }));
    },
    call: <M extends Method>(method: M, input: unknown) => dispatch(method, input) as Promise<Result<MethodResult<M>>>,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      if (closed) return;
      closed = true;
      upkeep.stop();
      log.stop();
      compaction.stop();
      stopSyncStatus();
      listeners.clear();
      // Closing never throws: on a full disk or a file that became read-only the checkpoint fails,
      // but every committed change is in the -wal file beside the archive and is read from there at
      // the next start. The connection is closed either way.
      try {
        if (ctx.archive.db.open) ctx.archive.db.pragma('wal_checkpoint(TRUNCATE)');
      } catch (error) {
        console.error('Arkivets log kunne ikke skrives ind i arkivfilen ved lukning; ændringerne ligger i logfilen (-wal) og læses ved næste start:', error instanceof Error ? error.message : error);
      }
      try {
        ctx.archive.close();
      } catch (error) {
        console.error('Arkivet kunne ikke lukkes rent:', error instanceof Error ? error.message : error);
      }
    },
  };
}

function toFailure(error: unknown, method: string): Result<never> {
  if (error instanceof ServiceError) return fail(error.code, error.message, error.field);
  // Each already says in Danish what went wrong and that the archive is as it was.
  if (error instanceof BackupError || error instanceof ArchiveError || error instanceof ArchiveWaitError) return fail('arkivfejl', error.message);
  if (isArchiveBusy(error)) return fail('arkivfejl', ARCHIVE_BUSY_MESSAGE);
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  if (code.startsWith('SQLITE_FULL')) {
    return fail('arkivfejl', 'Der er ikke plads på disken til at gemme. Frigør plads og prøv igen; intet blev ændret.');
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return fail('konflikt', 'Ændringen passer ikke med det, der allerede står i arkivet. Intet blev ændret.');
  }
  console.error(`Uventet fejl i ${method}:`, error);
  return fail('intern_fejl', 'Der skete en uventet fejl. Intet blev ændret. Prøv igen, og kontakt support hvis det sker igen.');
}
