import * as Y from 'yjs';
import type { Change } from '../../shared/api/changes';
import { documentName, parseDocumentName, type SharedDocument } from '../../shared/sync/documents';
import { startChanges, takeChanges, trackChanges } from '../archive/changes';
import type { SqliteDb } from '../archive/open';
import { statement } from '../archive/statements';
import { ServiceError } from '../services/errors';
import { ownApprovalUnkeyed } from './approvals';
import { awaitedIn, lockWhenSent, type LockWhenApproved } from './awaitedLock';
import { hasInboxTables, inboxDocumentRows, inboxesNamingMeetings, mirrorInbox, projectInbox, saveInboxDocument, type InboxDocument } from './inbox';
import { knownMembers, saveKnownMembers } from './knownMembers';
import { accessLostRows, markTold, purgeForum, recordAccessLost, unpurged, type AccessLost } from './leaving';
import { MEETING_LIST, mirrorForum, mirrorMeeting } from './mirror';
import { closeCopiesOfClosed, closedItemsOf } from './carriedCopies';
import { closedContentShared, itemsMoving } from './closedShared';
import { ownConsentsMisplaced } from './ownConsents';
import { lockSuperseded } from './supersededLock';
import { createHeldWords, type HeldMeeting } from './heldWords';
import { storedDocument } from './storedDocuments';
import { forgetKeptSettled, settleKept } from './openedWords';
import { dropCopy, keepCopy, mergeCopy } from './joiningCopy';

import { projectForum, projectMeeting } from './projection';
import { forgetTouched, takeTouched, watchSharedWrites, type Touched } from './touched';
import type { ForumAccess, LocalUpdateListener, SharedForum, SyncCore } from './types';
import {
  acknowledge,
  appendUpdate,
  compactStored,
  documentsToCompact,
  hasSharedForumTable,
  lastLocalSeq,
  loadDocument,
  localSinceRemote,
  localUpdates,
  saveAccess,
  saveSharedForum,
  sharedForumRows,
  storedDocumentNames,
  waitingCount,
} from './updateLog';

/** One meeting of a shared forum. */
interface MeetingScope {
  forumId: string;
  meetingId: string;
}

/** The origins Yjs sees on the live documents: this laptop's committed writes, and the server's updates. */
export const LOCAL_ORIGIN = 'lokal';
export const REMOTE_ORIGIN = 'server';

/** Someone who may only read a shared forum tries to change it here; the server would refuse it. */
export const READ_ONLY_MESSAGE =
  'Du kan kun læse dette forum, så ændringen blev ikke gemt. Bed forummets administrator om ret som medlem, hvis du skal kunne skrive i det.';

const MEMBER: ForumAccess = { right: 'medlem', admin: false, forumPersonId: null };

/** What dispatch calls around every write (electron/services/dispatch.ts). */
export interface WriteHooks {
  /** Before the write's transaction: sets up the notes of what a write touches, if any forum is shared. */
  beforeWrite(): void;
  /** Inside the write's transaction, after the service: brings the touched documents in line and logs their updates. */
  mirrorWrite(): void;
  /** The write committed: its updates go into the live documents and to the transport. */
  afterCommit(): void;
  /** The write was rolled back: its updates are forgotten with it. */
  afterRollback(): void;
}

interface Pending {
  name: string;
  update: Uint8Array;
  seq: number;
}

export function createSyncCore(getDb: () => SqliteDb, now: () => Date, lockWhenApproved: LockWhenApproved = () => false): SyncCore & WriteHooks {
  let db: SqliteDb | null = null;
  let shared: Map<string, SharedForum> | null = null;
  let inboxes: Map<string, InboxDocument> | null = null;
  /** Inbox documents whose rows the current write changed (noted by the inbox services). */
  const inboxWrites = new Set<string>();
  const docs = new Map<string, Y.Doc>();
  const listeners = new Set<LocalUpdateListener>();
  /** Documents whose projection waits for a row another document brings. */
  const waiting = new Set<string>();
  let pending: Pending[] = [];
  /**
   * The client id this laptop writes under in this session, in every document. The live documents only
   * take updates (and so never see their own id come back); a new session writes under a new id, as Yjs
   * requires of a client that may have lost what it wrote last.
   */
  const writer = new Y.Doc().clientID;

  /** The archive under the services; a restored backup is another archive, with nothing of the old one's caches. */
  function archive(): SqliteDb {
    const current = getDb();
    if (current !== db) {
      db = current;
      shared = null;
      inboxes = null;
      docs.clear();
      waiting.clear();
      pending = [];
    }
    return current;
  }

  function sharedForums(): Map<string, SharedForum> {
    const current = archive();
    if (shared === null) shared = new Map(hasSharedForumTable(current) ? sharedForumRows(current).map((f) => [f.forumId, f]) : []);
    return shared;
  }

  /** The forum's local copy waits for the server's documents before it is merged in (joiningCopy.ts). */
  function copyWaits(forumId: string): boolean {
    return sharedForums().get(forumId)?.copyWaiting === true;
  }

  function inboxDocuments(): Map<string, InboxDocument> {
    const current = archive();
    if (inboxes === null) inboxes = new Map(hasInboxTables(current) ? inboxDocumentRows(current).map((d) => [d.document, d]) : []);
    return inboxes;
  }

  function parse(name: string): SharedDocument {
    const doc = parseDocumentName(name);
    // An inbox is kept in step when this laptop sends to it, or its person is a member of the forum it belongs to.
    if (doc?.kind === 'indbakke' && inboxDocuments().has(name)) return doc;
    if (!doc || doc.kind === 'indbakke') throw new ServiceError('ugyldigt_input', 'Dokumentet findes ikke i Samtalerum.');
    if (!sharedForums().has(doc.forumId)) throw new ServiceError('ikke_fundet', 'Forummet deles ikke fra denne computer.');
    return doc;
  }

  function docFor(name: string): Y.Doc {
    parse(name);
    const held = docs.get(name);
    if (held) return held;
    const doc = new Y.Doc();
    const stored = loadDocument(archive(), name);
    for (const update of [stored.state, ...stored.updates.map((u) => u.update)]) {
      if (update.length === 0) continue;
      try {
        Y.applyUpdate(doc, update, REMOTE_ORIGIN);
      } catch (error) {
        console.error(`[deling] ${name}: en gemt opdatering kunne ikke læses og springes over:`, error instanceof Error ? error.message : error);
      }
    }
    docs.set(name, doc);
    return doc;
  }

  /**
   * Runs `change` on a copy of each live document it asks for, under this session's client id, and logs what it
   * changed. The live documents take the changes only when the SQLite transaction has committed.
   */
  function changeCopies(change: (copyOf: (name: string) => Y.Doc) => void): void {
    const copies = new Map<string, { copy: Y.Doc; updates: Uint8Array[] }>();
    change((name) => {
      const held = copies.get(name);
      if (held) return held.copy;
      const live = docFor(name);
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(live));
      // Only now: Yjs takes an update that brings its own client id as another client using it, and changes id.
      copy.clientID = writer;
      const entry = { copy, updates: [] as Uint8Array[] };
      copy.on('update', (update: Uint8Array) => entry.updates.push(update));
      copies.set(name, entry);
      return copy;
    });
    for (const [name, { copy, updates }] of copies) {
      copy.destroy();
      if (updates.length === 0) continue;
      const update = updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates);
      const forumId = parse(name).forumId;
      pending.push({ name, update, seq: appendUpdate(archive(), name, forumId, update, LOCAL_ORIGIN) });
    }
  }

  function meetingNames(forumId: string, meetingId: string): { meeting: string; confidential: string } {
    return {
      meeting: documentName({ kind: 'moede', forumId, meetingId }),
      confidential: documentName({ kind: 'fortroligt', forumId, meetingId }),
    };
  }

  /**
   * Mirrors the touched documents into copies and logs the updates; the caller holds the transaction. A user's
   * write is stamped into the records' history (history.ts); sharing a forum changes nothing and stamps nothing.
   */
  /**
   * `history`: the forum is being shared from this laptop, whose archive holds every old approval and consent
   * by everyone; they go up with it once. Otherwise this laptop speaks only for its user (the server refuses
   * the rest, and a refused document would stop syncing).
   */
  function mirrorTouched(touched: Touched, stamped: boolean, history = false): void {
    const current = archive();
    const forums = new Set<string>();
    const meetings = new Map<string, string>();
    const deletedMeetings = new Map<string, string[]>();
    for (const note of touched.notes) {
      if (note.kind === 'forum') forums.add(note.id);
      else if (note.kind === 'moede') meetings.set(note.id, note.forumId);
      else if (note.kind === 'slettet') deletedMeetings.set(note.forumId, [...(deletedMeetings.get(note.forumId) ?? []), note.id]);
      else if (note.kind === 'alle') for (const forumId of sharedForums().keys()) forums.add(forumId);
      else if (note.kind === 'sag') {
        const ids = statement(current, 'SELECT DISTINCT m.forum_id FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id WHERE i.sag_id = ?').pluck().all(note.id) as string[];
        for (const id of ids) if (sharedForums().has(id)) forums.add(id);
      }
    }
    for (const [forumId, ids] of deletedMeetings) {
      forums.add(forumId);
      for (const id of ids) meetings.delete(id);
    }
    const readOnly = (forumId: string) => sharedForums().get(forumId)?.right === 'læser';
    // A write to a forum read here only is refused whole: the server would drop it, and the work with it.
    const named = touched.notes.filter((note) => note.kind === 'forum' || note.kind === 'moede' || note.kind === 'slettet');
    if (named.some((note) => readOnly(note.forumId))) throw new ServiceError('konflikt', READ_ONLY_MESSAGE);
    // What belongs to every forum (a person's name, an item type, a sag) goes on in the others.
    for (const forumId of [...forums]) if (readOnly(forumId) || copyWaits(forumId)) forums.delete(forumId);
    // A forum whose local copy waits keeps the write in its rows: the merge takes it along (joiningCopy.ts).
    for (const [meetingId, forumId] of [...meetings]) if (copyWaits(forumId)) meetings.delete(meetingId);
    const stale: { versionId: string; personId: string }[] = [];
    changeCopies((copyOf) => {
      for (const [meetingId, forumId] of meetings) {
        if (!sharedForums().has(forumId)) continue;
        const names = meetingNames(forumId, meetingId);
        // The members-only document's update is logged, and so sent, first: a referat locked here writes its
        // version in both, and the server closes both documents the moment the meeting document says locked.
        const confidential = copyOf(names.confidential);
        const stamp = stamped ? { who: forumPersonOf(forumId), at: now().toISOString() } : null;
        const me = forumPersonOf(forumId);
        const speaksFor = history ? () => true : (personId: string) => personId === me;
        const keys = mirrorMeeting(current, { forumId, meetingId }, { meeting: copyOf(names.meeting), confidential }, touched.deleted, stamp, speaksFor);
        settleKept(current, confidential, touched.deleted.get('agenda_item') ?? new Set());
        for (const key of keys) {
          const [versionId = '', personId = ''] = key.split('|');
          stale.push({ versionId, personId });
        }
      }
      for (const forumId of forums) {
        if (!sharedForums().has(forumId)) continue;
        mirrorForum(current, forumId, copyOf(documentName({ kind: 'forum', forumId })), touched.deleted, deletedMeetings.get(forumId) ?? [], now().toISOString());
      }
    });
    // An approval given before the content changed no longer counts (approvals.ts); the document keeps it as given.
    for (const { versionId, personId } of stale) statement(current, 'DELETE FROM referat_approval WHERE version_id = ? AND person_id = ?').run(versionId, personId);
    forgetTouched(current);
    forgetKeptSettled(current);
  }

  /**
   * Another laptop closed or opened an item this user consented to: the consent is this laptop's to move to where
   * the item's content now lives (ownConsents.ts). Or the documents hold this user's approval from before keys,
   * which this laptop keys (approvals.ts). Or the meeting document still holds a referat lock that a new version has
   * superseded (supersededLock.ts). Or the meeting document holds what a laptop wrote in an item before it heard
   * that another had closed it (closedShared.ts): mirroring the meeting moves it where the item's content lives.
   * Each is an ordinary local update.
   */
  function tidyOwnEntries(name: string): void {
    const own = ownMeeting(name);
    if (own === null) return;
    const { scope, mine } = own;
    const docs = { meeting: docFor(own.names.meeting), confidential: docFor(own.names.confidential) };
    const speaksFor = (personId: string) => personId === mine;
    const misplaced =
      ownConsentsMisplaced(archive(), docs, mine) ||
      ownApprovalUnkeyed(docs.meeting, docs.confidential, mine) ||
      lockSuperseded(docs.meeting) ||
      closedContentShared(archive(), scope, docs.meeting, speaksFor);
    if (!misplaced || itemsMoving(archive(), scope, docs.meeting, docs.confidential)) return;
    mirrorAgain(scope);
  }

  /**
   * An item closed or opened on another laptop changes what an inbox's sender may read of an answer naming it, and an
   * answer arriving here may name an item closed here. The laptop that closed it may not hold the answer yet (it asks
   * for the forum's inboxes every 30 s, and each document arrives on its own), so every member's laptop that holds both
   * mirrors the answers again; only what differs is written, so this is an update only where the sender's copy is wrong.
   */
  function redactAnswersAgain(name: string): void {
    const doc = parse(name);
    if (sharedForums().get(doc.forumId)?.right !== 'medlem') return;
    if (inboxDocuments().get(name)?.role === 'modtager') inboxWrites.add(name);
    else if (doc.kind === 'moede' || doc.kind === 'fortroligt') {
      for (const inbox of inboxesNamingMeetings(archive(), [doc.meetingId])) if (inboxDocuments().has(inbox)) inboxWrites.add(inbox);
    }
    mirrorInboxWrites();
  }

  /**
   * The update may complete the co-owners' approvals of a draft that no laptop saw complete when approving (given
   * at the same time, or offline), or the server has taken what the lock waited for: the last approver's laptop locks
   * it (awaitedLock.ts), and the lock goes to the server as a local write does. A læser's laptop never writes.
   */
  function lockCompletedReferat(name: string): void {
    const own = ownMeeting(name);
    if (own !== null && lockWhenSent(archive(), own, docFor(own.names.confidential), lockWhenApproved)) mirrorAgain(own.scope);
  }

  /**
   * A meeting's document in a forum where this laptop's user is a member linked to a forum person: the only laptop
   * that may write that person's own entries after a remote update (tidyOwnEntries, lockCompletedReferat).
   */
  function ownMeeting(name: string): { scope: MeetingScope; mine: string; names: { meeting: string; confidential: string } } | null {
    const doc = parse(name);
    if (doc.kind !== 'moede' && doc.kind !== 'fortroligt') return null;
    const forum = sharedForums().get(doc.forumId);
    if (forum?.right !== 'medlem' || forum.forumPersonId === null) return null;
    return { scope: { forumId: doc.forumId, meetingId: doc.meetingId }, mine: forum.forumPersonId, names: meetingNames(doc.forumId, doc.meetingId) };
  }

  /** The forum and every one of its meetings, as notes of what a write touched: mirrored whole from the rows. */
  function wholeForum(forumId: string): Touched {
    const meetingIds = statement(archive(), 'SELECT id FROM meeting WHERE forum_id = ? ORDER BY starts_at, id').pluck().all(forumId) as string[];
    return { notes: [{ kind: 'forum', id: forumId, forumId }, ...meetingIds.map((id) => ({ kind: 'moede' as const, id, forumId }))], deleted: new Map() };
  }

  /** The meeting mirrored anew from the rows, as an ordinary local update. */
  function mirrorAgain(scope: MeetingScope): void {
    mirrorTouched({ notes: [{ kind: 'moede', id: scope.meetingId, forumId: scope.forumId }], deleted: new Map() }, false);
  }

  const heldWords = createHeldWords({
    archive,
    docFor,
    stored: (name) => storedDocument(archive(), name),
    ownSinceRemote: (name) => localSinceRemote(archive(), name),
    ownLogged: (name) => localUpdates(archive(), name),
    forumPersonOf,
    now,
    mirrorMeeting: (forumId, meetingId) => mirrorTouched({ notes: [{ kind: 'moede', id: meetingId, forumId }], deleted: new Map() }, true),
    changeCopies,
  });

  /** A meeting of a forum where this laptop's user is a member: the one whose words typed here are held across a remote update. */
  function heldMeeting(name: string): HeldMeeting | null {
    const doc = parse(name);
    if ((doc.kind !== 'moede' && doc.kind !== 'fortroligt') || sharedForums().get(doc.forumId)?.right !== 'medlem') return null;
    return { forumId: doc.forumId, meetingId: doc.meetingId, ...meetingNames(doc.forumId, doc.meetingId) };
  }

  /** A meeting's closed items before a remote update of its documents, on a member's laptop (carriedCopies.ts). */
  function closedBeforeUpdate(name: string): ReadonlySet<string> | null {
    const doc = parse(name);
    if ((doc.kind !== 'moede' && doc.kind !== 'fortroligt') || sharedForums().get(doc.forumId)?.right !== 'medlem') return null;
    return closedItemsOf(archive(), doc.meetingId);
  }

  /** After the projection: copies of items the update closed are closed too, and mirrored as an ordinary local update. */
  function closeCarriedTo(name: string, closedBefore: ReadonlySet<string>): void {
    const doc = parse(name);
    if (doc.kind !== 'moede' && doc.kind !== 'fortroligt') return;
    const meetings = closeCopiesOfClosed(archive(), doc.meetingId, closedBefore);
    if (meetings.length > 0) mirrorTouched({ notes: meetings.map((id) => ({ kind: 'moede' as const, id, forumId: doc.forumId })), deleted: new Map() }, false);
  }

  /** Who this laptop's user is in the forum, for the history; null until the server has said. */
  function forumPersonOf(forumId: string): string | null {
    return sharedForums().get(forumId)?.forumPersonId ?? null;
  }

  /** The documents of one shared forum (or of all) this laptop holds or should hold, its meetings' from the index. */
  function documentNamesOf(forumId?: string): string[] {
    const current = archive();
    const names = new Set<string>();
    for (const id of forumId === undefined ? sharedForums().keys() : [forumId]) {
      if (!sharedForums().has(id)) continue;
      const index = documentName({ kind: 'forum', forumId: id });
      names.add(index);
      for (const name of storedDocumentNames(current, id)) names.add(name);
      for (const meetingId of docFor(index).getMap(MEETING_LIST).keys()) {
        const m = meetingNames(id, meetingId);
        names.add(m.meeting);
        names.add(m.confidential);
      }
      for (const inbox of inboxDocuments().values()) if (inbox.forumId === id && inbox.role === 'modtager') names.add(inbox.document);
    }
    return [...names].sort();
  }

  function project(name: string): void {
    const current = archive();
    const doc = parse(name);
    const inbox = inboxDocuments().get(name);
    if (inbox) {
      projectInbox(current, inbox, docFor(name));
      return;
    }
    if (doc.kind === 'forum') {
      const result = projectForum(current, doc.forumId, docFor(name), name);
      if (result.waiting) waiting.add(name);
      else waiting.delete(name);
      return;
    }
    if (doc.kind !== 'moede' && doc.kind !== 'fortroligt') return;
    const names = meetingNames(doc.forumId, doc.meetingId);
    const result = projectMeeting(
      current,
      { forumId: doc.forumId, meetingId: doc.meetingId },
      { meeting: docFor(names.meeting), confidential: docFor(names.confidential), forum: docFor(documentName({ kind: 'forum', forumId: doc.forumId })) },
      names.meeting,
    );
    if (result.waiting) waiting.add(names.meeting);
    else waiting.delete(names.meeting);
  }

  /** A write the sync layer makes of its own accord, in one transaction: returns what it changed and sends its updates once committed. */
  function ownWrite(write: (current: SqliteDb) => void): Change[] {
    const current = archive();
    trackChanges(current);
    watchSharedWrites(current);
    pending = [];
    try {
      return current.transaction(() => {
        startChanges(current);
        write(current);
        return takeChanges(current);
      }).immediate();
    } catch (error) {
      // Nothing of a rolled-back write is sent, and the shared forums are read again.
      pending = [];
      shared = null;
      throw error;
    } finally {
      publish();
    }
  }

  return {
    sharedForums: () => [...sharedForums().values()],
    me(forumId) {
      const forum = sharedForums().get(forumId);
      return forum ? { shared: true, forumPersonId: forum.forumPersonId } : { shared: false };
    },

    documentNames: documentNamesOf,

    docFor,

    onLocalUpdate(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    markAcknowledged(name, seq) {
      parse(name);
      acknowledge(archive(), name, seq);
    },

    pendingCount: (forumId) => (sharedForums().has(forumId) ? waitingCount(archive(), forumId) : 0),

    lastLocalSeq(name) {
      parse(name);
      return lastLocalSeq(archive(), name);
    },

    applyRemoteUpdate(name, update): Change[] {
      const { forumId } = parse(name);
      try {
        Y.decodeUpdate(update);
      } catch {
        throw new ServiceError('ugyldigt_input', 'Serveren sendte en ændring, som ikke kunne læses. Den blev ikke gemt.');
      }
      const current = archive();
      trackChanges(current);
      watchSharedWrites(current);
      const live = docFor(name);
      if (copyWaits(forumId)) {
        // Stored, not projected: the rows are the local copy until it is merged (joiningCopy.ts).
        current.transaction(() => appendUpdate(current, name, forumId, update, REMOTE_ORIGIN)).immediate();
        Y.applyUpdate(live, update, REMOTE_ORIGIN);
        return [];
      }
      try {
        return current.transaction(() => {
          startChanges(current);
          const held = heldMeeting(name);
          const holding = held !== null && heldWords.note(held, name);
          appendUpdate(current, name, forumId, update, REMOTE_ORIGIN);
          const closedBefore = closedBeforeUpdate(name);
          Y.applyUpdate(live, update, REMOTE_ORIGIN);
          project(name);
          // What this update brought may be what other documents waited for.
          for (const other of [...waiting]) if (other !== name) project(other);
          forgetTouched(current);
          pending = [];
          // Words typed here in an item another laptop closed or opened meanwhile go where they belong.
          if (held) heldWords.keep(held, holding);
          // An item closed on another laptop is closed on the agendas this laptop carried it to meanwhile.
          if (closedBefore) closeCarriedTo(name, closedBefore);
          tidyOwnEntries(name);
          redactAnswersAgain(name);
          lockCompletedReferat(name);
          return takeChanges(current);
        }).immediate();
      } catch (error) {
        pending = [];
        // The live document holds the update now; keep it in the log too, so it is there at the next start.
        current.transaction(() => appendUpdate(current, name, forumId, update, REMOTE_ORIGIN)).immediate();
        waiting.add(name);
        throw error;
      } finally {
        // Only what committed is in `pending`: this user's consents moved after another laptop closed or opened their item.
        publish();
      }
    },

    referatLockAwaited: (name) => awaitedIn(archive(), name).length > 0,

    lockAwaitedReferats(name) {
      const current = archive();
      // Most calls (every start, every acknowledgement) find nothing: an archive that shares nothing gets no sharing triggers.
      if (awaitedIn(current, name).length === 0) return [];
      return ownWrite((db) => {
        for (const { forumId, meetingId } of awaitedIn(db, name)) lockCompletedReferat(meetingNames(forumId, meetingId).meeting);
      });
    },

    shareForum(forumId, serverUrl, access = MEMBER, history = true) {
      const current = archive();
      watchSharedWrites(current);
      pending = [];
      try {
        current.transaction(() => {
          saveSharedForum(current, forumId, serverUrl, now().toISOString(), access);
          shared = null;
          // A forum joined from another laptop has no rows yet: its documents bring them. A læser's own rows stay unshared.
          if (access.right === 'læser' || statement(current, 'SELECT 1 FROM forum WHERE id = ?').get(forumId) === undefined) return;
          // A copy held here joins the server's documents: it is merged once they have arrived, not raced against them.
          if (!history) {
            keepCopy(current, forumId, now().toISOString());
            return;
          }
          mirrorTouched(wholeForum(forumId), false, history);
        }).immediate();
      } catch (error) {
        pending = [];
        shared = null;
        throw error;
      }
      publish();
    },

    copiesWaiting: () => [...sharedForums().keys()].filter(copyWaits),

    mergeWaitingCopy(forumId): Change[] {
      if (!copyWaits(forumId)) return [];
      return ownWrite((current) => {
        const projectAll = () => documentNamesOf(forumId).forEach(project);
        if (sharedForums().get(forumId)?.right === 'læser') {
          // Made læser while the copy waited: nothing of it may go up, and the documents' rows replace it, as at a læser's join.
          projectAll();
          dropCopy(current, forumId);
        } else {
          mergeCopy(current, forumId, projectAll);
          shared = null;
          mirrorTouched(wholeForum(forumId), false);
        }
        shared = null;
      });
    },

    recordAccess(forumId, access) {
      const current = archive();
      current.transaction(() => saveAccess(current, forumId, access)).immediate();
      shared = null;
    },

    keepMembers(forumId, known) {
      const current = archive();
      current.transaction(() => saveKnownMembers(current, forumId, known)).immediate();
    },

    knownMembers: (forumId) => knownMembers(archive(), forumId),

    compact() {
      for (const forumId of sharedForums().keys()) for (const name of storedDocumentNames(archive(), forumId)) compactStored(archive(), name);
    },

    documentsToCompact: (least) => (hasSharedForumTable(archive()) ? documentsToCompact(archive(), least) : []),

    compactDocument: (name) => compactStored(archive(), name),

    accessLost(forumId, scope, reason) {
      const current = archive();
      // The refusal is durable before anything goes: a laptop that stops now does the rest at its next start.
      current.transaction(() => recordAccessLost(current, forumId, scope, reason, now().toISOString())).immediate();
      return purge({ forumId, scope });
    },

    finishLeaving() {
      return unpurged(archive()).flatMap((lost) => purge(lost));
    },

    lostForums: () => accessLostRows(archive()),

    markLossTold(forumId) {
      const current = archive();
      current.transaction(() => markTold(current, forumId, now().toISOString())).immediate();
    },

    inboxes: () => [...inboxDocuments().values()],

    keepInbox(inbox) {
      saveInboxDocument(archive(), inbox);
      inboxes = null;
    },

    inboxWritten(name) {
      if (!inboxDocuments().has(name)) throw new ServiceError('ikke_fundet', 'Indbakken holdes ikke i takt fra denne computer.');
      inboxWrites.add(name);
    },

    beforeWrite() {
      if (sharedForums().size > 0) watchSharedWrites(archive());
      pending = [];
      inboxWrites.clear();
    },

    mirrorWrite() {
      pending = [];
      const touched = sharedForums().size === 0 ? null : takeTouched(archive());
      // An item closed or opened changes what an inbox's sender may read of the answer that names it.
      const meetings = (touched?.notes ?? []).flatMap((note) => (note.kind === 'moede' ? [note.id] : []));
      for (const name of inboxesNamingMeetings(archive(), meetings)) if (inboxDocuments().has(name)) inboxWrites.add(name);
      mirrorInboxWrites();
      if (touched === null || touched.notes.length === 0) return;
      mirrorTouched(touched, true);
    },

    afterCommit: publish,

    afterRollback() {
      pending = [];
      inboxWrites.clear();
      // A document recorded in the rolled-back write is not kept after all.
      inboxes = null;
    },
  };

  /** Removes what the laptop may no longer hold, in one transaction, and forgets the live documents it held. */
  function purge(lost: Pick<AccessLost, 'forumId' | 'scope'>): Change[] {
    const current = archive();
    trackChanges(current);
    watchSharedWrites(current);
    // Freed pages are overwritten, so the removed words do not stay in the file's free space.
    current.pragma('secure_delete = ON');
    let removed: string[] = [];
    const changes = current.transaction(() => {
      startChanges(current);
      removed = purgeForum(current, lost, now().toISOString());
      // The removal is this laptop's own business: nothing of it is mirrored into the documents.
      forgetTouched(current);
      return takeChanges(current);
    }).immediate();
    for (const name of [...docs.keys()]) {
      const doc = parseDocumentName(name);
      if (doc?.forumId !== lost.forumId || (lost.scope === 'fortroligt' && doc.kind !== 'fortroligt' && !removed.includes(name))) continue;
      docs.get(name)?.destroy();
      docs.delete(name);
      waiting.delete(name);
    }
    shared = null;
    inboxes = null;
    // The old pages leave the write-ahead log too, when no reader holds it.
    current.pragma('wal_checkpoint(TRUNCATE)');
    return changes;
  }

  /** The inbox documents the write noted, each brought in line with its rows; their updates go with the write's. */
  function mirrorInboxWrites(): void {
    if (inboxWrites.size === 0) return;
    const current = archive();
    const names = [...inboxWrites];
    inboxWrites.clear();
    changeCopies((copyOf) => {
      for (const name of names) {
        const inbox = inboxDocuments().get(name);
        if (inbox) mirrorInbox(current, inbox, copyOf(name));
      }
    });
  }

  function publish(): void {
    const committed = pending;
    pending = [];
    for (const { name, update } of committed) Y.applyUpdate(docFor(name), update, LOCAL_ORIGIN);
    for (const { name, update, seq } of committed) for (const listener of listeners) listener({ name, update, seq });
  }
}
