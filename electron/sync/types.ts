import type * as Y from 'yjs';
import type { Change } from '../../shared/api/changes';
import type { ForumRight } from '../../shared/api/methods/sync';
import type { InboxDocument } from './inbox';
import type { KnownMembers } from './knownMembers';
import type { AccessLost } from './leaving';
import type { AccessLoss } from './transport/localDocuments';

/**
 * What the laptop's shared-document core offers the network transport. The core keeps the archive's rows
 * and the shared documents in step (electron/sync/README.md); the transport only moves updates.
 */

/** Who wrote an update into the local log: this laptop's own write, or an update the server delivered. */
export type UpdateOrigin = 'lokal' | 'server';

/** An update this laptop wrote, already committed to the log together with the rows it came from. */
export interface LocalUpdate {
  /** The document's name (shared/sync/documents.ts). */
  name: string;
  update: Uint8Array;
  /** The update's sequence number in the local log; give it back to markAcknowledged. */
  seq: number;
}

export type LocalUpdateListener = (update: LocalUpdate) => void;

/** This laptop's person's standing in a shared forum, as the server last told it. */
export interface ForumAccess {
  /** A læser's writes to the forum are refused on the laptop, as the server would refuse them. */
  right: ForumRight;
  /** May invite others to the forum. */
  admin: boolean;
  /**
   * The forum person (a row of `person`) the user is in this forum: the one their approvals and consents are
   * keyed by, and the only one the server lets them write for. Null while the server does not know it.
   */
  forumPersonId: string | null;
}

/** Who «I» am in a forum: whether it is shared, and if so, which forum person the server knows the user as. */
export type MeInForum = { shared: false } | { shared: true; forumPersonId: string | null };

/** A forum this laptop shares, and the server it shares it through. */
export interface SharedForum extends ForumAccess {
  forumId: string;
  serverUrl: string;
  sharedAt: string;
  /** A copy of the forum held before joining waits for the server's documents, to be merged in (joiningCopy.ts). */
  copyWaiting: boolean;
}

export interface SyncCore {
  /** The forums this laptop shares. */
  sharedForums(): SharedForum[];
  /**
   * Who the user is in the forum. In a shared forum an approval or consent is written only for that forum
   * person (the server refuses any other, and so must the services, so nothing typed is lost); a forum that
   * is not shared keeps approving on behalf of each person present at the one laptop.
   */
  me(forumId: string): MeInForum;
  /** The inbox documents this laptop keeps in step: its own to other forums, and its forums' senders'. */
  inboxes(): InboxDocument[];
  /** Records an inbox document to keep in step (inside the caller's transaction). */
  keepInbox(inbox: InboxDocument): void;
  /**
   * The current write changed the rows of this inbox document: at its end, the laptop's own part of the
   * document (electron/sync/inbox.ts) is brought in line with them, in the same transaction.
   */
  inboxWritten(name: string): void;
  /** The names of every document of the shared forums that this laptop holds (forum index, meetings, fortroligt). */
  documentNames(forumId?: string): string[];
  /**
   * The live document of that name, loaded from the log on first use. The same object for the life of the
   * core; a remote update given to applyRemoteUpdate is applied to it.
   */
  docFor(name: string): Y.Doc;
  /** Called after each committed local write, once per document it changed. Returns the unsubscribe. */
  onLocalUpdate(listener: LocalUpdateListener): () => void;
  /** The server has stored this laptop's update with sequence `seq` (and every earlier one of that document). */
  markAcknowledged(name: string, seq: number): void;
  /** Local updates of the forum's documents that the server has not acknowledged yet. */
  pendingCount(forumId: string): number;
  /** The sequence number of the newest local update of the document still in the log (0 for none). */
  lastLocalSeq(name: string): number;
  /**
   * Applies an update the server delivered: to the live document, to the log and to the rows, in one
   * SQLite transaction. Returns what the rows' change touched, for `archive.changed`. The update may
   * already be in the live document (a provider applies it there itself); it is logged and projected anyway.
   */
  applyRemoteUpdate(name: string, update: Uint8Array): Change[];
  /**
   * Whether the document is one of a meeting whose referat may be locked now that the server holds everything
   * written here to its two documents: its latest version a draft this laptop's person approved (awaitedLock.ts).
   */
  referatLockAwaited(name: string): boolean;
  /**
   * Locks the referat of the document's meeting (of every meeting, without a name) if this laptop's person gave the
   * last approval of it and the server holds everything written here to the meeting's two documents, in one
   * transaction; the lock goes to the server as a local write does. Returns what the rows' change touched.
   */
  lockAwaitedReferats(name?: string): Change[];
  /**
   * Shares a forum: a local one gets its documents built from its rows, with their ids and history, logged
   * as this laptop's updates; a forum this laptop joins is recorded, and its documents bring the rows (a copy
   * held here waits for them, copiesWaiting). Sharing a forum that is already shared brings its documents in line with the rows again.
   * `access` is the person's standing there (default: medlem, not admin); a læser's rows are not mirrored.
   */
  /**
   * `history` (the default): this laptop shares the forum and uploads everyone's old approvals and consents with
   * it; false when joining a forum shared from elsewhere, whose local copy speaks only for its user.
   */
  shareForum(forumId: string, serverUrl: string, access?: ForumAccess, history?: boolean): void;
  /**
   * The forums a member joined holding a copy of them (joiningCopy.ts): their rows wait, unshared, for the server's
   * documents, and are merged in by mergeWaitingCopy.
   */
  copiesWaiting(): string[];
  /**
   * The server's documents of the forum have arrived: they are projected, the waiting copy is merged in as an exchange
   * file imported into a shared forum is, and the result is mirrored as this laptop's update, in one transaction.
   * Returns what the rows' change touched.
   */
  mergeWaitingCopy(forumId: string): Change[];
  /** Records what the server says of the person's standing in a shared forum (it may have changed). */
  recordAccess(forumId: string, access: ForumAccess): void;
  /** Keeps the forum's member list as the server gave it, in one transaction, for a start without the server. */
  keepMembers(forumId: string, known: KnownMembers): void;
  /** The member list kept last; null before the server has given one. */
  knownMembers(forumId: string): KnownMembers | null;
  /** Folds each document's log into its stored state, so the next start loads fast; run it in idle time. */
  compact(): void;
  /** The stored documents whose log holds at least `least` updates to fold or drop, most first. */
  documentsToCompact(least: number): string[];
  /** Folds one document's log into its stored state, in one transaction (compact() does it for every document). */
  compactDocument(name: string): void;
  /**
   * The server refused this laptop the forum (`forum`: the person removed, the device revoked) or its
   * confidential part (`fortroligt`: lowered to læser). Records the refusal, then removes what the laptop may
   * no longer hold (electron/sync/leaving.ts) in one transaction. Returns what the rows' change touched.
   */
  accessLost(forumId: string, scope: AccessLoss, reason: string): Change[];
  /** At start: acts on every refusal recorded but not yet acted on (the laptop stopped in between). */
  finishLeaving(): Change[];
  /** The forums this laptop has lost access to, and whether the user has been told. */
  lostForums(): AccessLost[];
  /** The user has been told that the forum's confidential content was removed; it is not said again. */
  markLossTold(forumId: string): void;
}
