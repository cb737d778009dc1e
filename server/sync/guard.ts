import type * as Y from 'yjs';
import type {
  Extension,
  afterLoadDocumentPayload,
  beforeHandleMessagePayload,
  connectedPayload,
  onAuthenticatePayload,
  onDisconnectPayload,
} from '@hocuspocus/server';
import { documentName, parseDocumentName, type SharedDocument } from '../../shared/sync/documents';
import type { Callers } from '../auth/callers';
import type { Log } from '../log';
import type { Registry } from '../membership/registry';
import type { DocumentStore } from '../storage/documentStore';
import { CLOSE_POLICY, CLOSE_REFUSED_CHANGE, CLOSE_STORE_FAILED, type ConnectionContext } from './context';
import type { MeetingKey, MeetingLocks } from './meetingLocks';
import { isLockWrite } from './lockersWrite';
import { afterLockWrite, type AfterLockWrite } from './afterLock';
import { checkInboxWrite } from './inboxWrites';
import { readIncoming } from './messages';
import { accessFor, meetingOf } from './access';
import type { Surroundings } from './authorship';
import { createMoves, type Moves } from './moves';
import { forgetCopy } from './namedPerson';
import { refusalOfOwnEntries } from './ownEntries';
import { presenceGate } from './presence';
import type { DenialReason } from './rights';

/** Whether the locked meeting's fortroligt document takes this update: the locker's own write of the version it locked. */
function takesLockersWrite(locks: MeetingLocks, meeting: MeetingKey, deviceId: string, document: Y.Doc, update: Uint8Array): boolean {
  const lockedAt = locks.lockersGrace(meeting, deviceId);
  return lockedAt !== null && isLockWrite(document, update, lockedAt);
}

/** What a locked meeting's document still takes from this connection: only a member's, never a læser's. */
async function openedByLock(registry: Registry, doc: SharedDocument, ctx: ConnectionContext, document: Y.Doc, update: Uint8Array): Promise<AfterLockWrite | null> {
  if ((doc.kind !== 'moede' && doc.kind !== 'fortroligt') || !ctx.personId) return null;
  if ((await registry.membership(doc.forumId, ctx.personId))?.ret !== 'medlem') return null;
  return afterLockWrite(doc.kind, document, update);
}

/** Hocuspocus tells the laptop `reason` (in its permission-denied message) and logs `message`: both are ids-free codes. */
class Denied extends Error {
  constructor(readonly reason: DenialReason) {
    super(reason);
  }
}

/**
 * A change the server will not take from this writer (server/sync/ownEntries.ts). Hocuspocus closes the
 * document's connection with this code and reason, without applying or acknowledging the message.
 */
class RefusedChange extends Error {
  readonly code = CLOSE_REFUSED_CHANGE;
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * The server's gate: every document of every connection is checked in onAuthenticate, and every message
 * in beforeHandleMessage. Hocuspocus acknowledges a change in MessageReceiver.readSyncMessage: right after
 * readUpdate / readSyncStep2 has applied it, it sends SyncStatus(true), on which the provider lowers
 * `unsyncedChanges`. Its Database extension stores the whole state only later (debounced, 2 s). Connection
 * awaits beforeHandleMessage before it hands the message to MessageReceiver, so the update is appended to
 * the document's update table here, and is on disk before it can be acknowledged. Appends from every
 * socket that arrive together share one commit (DocumentStore's group commit).
 *
 * The broadcast to the other members waits for the disk too, since Hocuspocus broadcasts as it applies
 * and has no hook between applying and acknowledging. Broadcasting first would survive a crash: y-protocols'
 * handshake is symmetric (each side sends its state vector in SyncStep1 and answers the other's with
 * SyncStep2, everything the other lacks), so a member that received an update the crashed server lost
 * sends it back when it reconnects, and its author, never acknowledged, still has it. It would not survive
 * a failed append on a server that keeps running: the update would be in the server's document, so the
 * author's next handshake would not send it again, and would be acknowledged although no disk holds it
 * until a compaction happens to store the document. The wait costs one shared commit.
 */
/** A meeting document's fortroligt document and the other way round, as this instance holds them (authorship.ts). */
function surroundingsOf(doc: SharedDocument, loaded: ReadonlyMap<string, Y.Doc>, moves: Moves): Surroundings {
  if (doc.kind !== 'moede' && doc.kind !== 'fortroligt') return { sibling: null, moves, meeting: '' };
  const other: SharedDocument = { kind: doc.kind === 'moede' ? 'fortroligt' : 'moede', forumId: doc.forumId, meetingId: doc.meetingId };
  return { sibling: loaded.get(documentName(other)) ?? null, moves, meeting: `${doc.forumId}/${doc.meetingId}` };
}

export function guard(registry: Registry, callers: Callers, documents: DocumentStore, locks: MeetingLocks, log: Log, maxDocumentsPerSocket: number): Extension {
  // Comments and an item's adder moving between a meeting's two documents, as this instance saw them leave.
  const moves = createMoves();
  return {
    extensionName: 'samtalerum-guard',

    // Who is here: rewritten from the connection's person before it is applied or relayed (presence.ts).
    beforeHandleAwareness: presenceGate(registry, log),

    async onAuthenticate({ token, documentName, connectionConfig, context }: onAuthenticatePayload): Promise<Partial<ConnectionContext>> {
      const socket = (context as ConnectionContext).socket;
      const doc = parseDocumentName(documentName);
      if (!doc) {
        log({ event: 'denied', reason: 'unknown-document', socket: socket.id });
        throw new Denied('unknown-document');
      }
      // Every open document costs the server memory: one socket holds at most this many, counted as they
      // are asked for (several are authenticated at once) and released when one closes or is refused.
      if (socket.documents.size >= maxDocumentsPerSocket && !socket.documents.has(documentName)) {
        log({ event: 'denied', reason: 'too-many-documents', forum: doc.forumId, socket: socket.id });
        throw new Denied('too-many-documents');
      }
      socket.documents.add(documentName);
      try {
        // A device credential from an invitation, or a session token from a sign-in with the kommune's login.
        const caller = token ? await callers.identify(token) : 'unknown-device';
        if (typeof caller === 'string') {
          log({ event: 'denied', reason: caller, forum: doc.forumId, document: documentName, socket: socket.id });
          throw new Denied(caller);
        }
        const ids = { person: caller.personId, device: caller.deviceId, forum: doc.forumId, document: documentName, socket: socket.id };
        const access = await accessFor(registry, locks, doc, caller.personId);
        if (access.kind === 'nægtet') {
          log({ event: 'denied', reason: access.reason, ...ids });
          throw new Denied(access.reason);
        }
        connectionConfig.readOnly = access.kind === 'læs';
        return { personId: caller.personId, deviceId: caller.deviceId, forumId: doc.forumId, ...(caller.sessionId && { sessionId: caller.sessionId }) };
      } catch (error) {
        socket.documents.delete(documentName);
        throw error;
      }
    },

    async connected({ connection, documentName, context }: connectedPayload): Promise<void> {
      const ctx = context as ConnectionContext;
      log({
        event: 'connected',
        reason: connection.readOnly ? 'read-only' : 'read-write',
        person: ctx.personId,
        device: ctx.deviceId,
        forum: ctx.forumId,
        document: documentName,
        socket: ctx.socket.id,
      });
    },

    async beforeHandleMessage({ connection, update, documentName, context, document, instance }: beforeHandleMessagePayload): Promise<void> {
      const ctx = context as ConnectionContext;
      const ids = { person: ctx.personId, device: ctx.deviceId, forum: ctx.forumId, document: documentName, socket: ctx.socket.id };
      const incoming = readIncoming(update);
      if (incoming.kind === 'refused') {
        log({ event: 'refused', reason: incoming.reason, ...ids });
        ctx.socket.close(CLOSE_POLICY, incoming.reason);
        throw new Error(incoming.reason);
      }
      if (incoming.kind !== 'changes') return;
      const doc = parseDocumentName(documentName);
      const meeting = doc ? meetingOf(doc) : null;
      // The table too, not only what this instance has seen: with several instances the lock may have been
      // applied on another one, to a meeting document this instance does not hold.
      const locked = meeting !== null && (locks.has(meeting) || (await registry.meetingLocked(meeting.forumId, meeting.meetingId)));
      // The locker's own locked version in the fortroligt document (meetingLocks.ts).
      const lockWrite = locked && doc?.kind === 'fortroligt' && ctx.deviceId !== undefined && takesLockersWrite(locks, meeting, ctx.deviceId, document, incoming.update);
      // A member's follow-up of actions, and a new referat version, which lifts the lock (afterLock.ts).
      const opened = locked && !lockWrite && doc !== null ? await openedByLock(registry, doc, ctx, document, incoming.update) : null;
      if (locked) connection.readOnly = !lockWrite && opened === null;
      else if (meeting !== null && connection.readOnly && doc !== null && ctx.personId) {
        // Read-only since a lock that a new referat version has lifted since; a læser stays read-only.
        connection.readOnly = (await accessFor(registry, locks, doc, ctx.personId)).kind !== 'skriv';
      }
      if (connection.readOnly) {
        // Hocuspocus answers a read-only connection's changes with «not applied»; nothing is stored.
        log({ event: 'refused', reason: locked ? 'referat-locked' : 'read-only', ...ids });
        return;
      }
      if (doc && ctx.personId && ctx.deviceId) {
        const around = surroundingsOf(doc, instance.documents, moves);
        const refusal = await refusalOfOwnEntries(registry, doc, document, incoming.update, { personId: ctx.personId, deviceId: ctx.deviceId }, around);
        if (refusal) {
          // Not applied, not stored, not acknowledged; the document is closed to this laptop, which stops sending it.
          log({ event: 'refused', reason: refusal, ...ids });
          throw new RefusedChange(refusal);
        }
      }
      if (doc?.kind === 'indbakke' && ctx.personId) {
        // Both the sender and the members write this document, each only their own part of it.
        const member = (await registry.membership(doc.forumId, ctx.personId))?.ret === 'medlem';
        const refused = checkInboxWrite(document, incoming.update, doc.personId === ctx.personId, member);
        if (refused) {
          log({ event: 'refused', reason: refused, ...ids });
          // Closes this document's connection only; nothing is stored or applied.
          throw Object.assign(new Error(refused), { code: CLOSE_POLICY, reason: refused });
        }
      }
      const lifts = opened === 'ophaevelse' ? meeting : null;
      try {
        // Lifted in the table before the update is applied, so no instance still refuses the new version's edits once
        // the others have it; this instance's own view lifts as it applies the update (meetingLocks.ts).
        if (lifts !== null) await registry.unlockMeeting(lifts.forumId, lifts.meetingId);
        await documents.append(documentName, incoming.update);
      } catch (error) {
        // Not stored, so not acknowledged: the laptop keeps the change and sends it again when it reconnects.
        forgetCopy(document);
        log({ event: 'store-failed', reason: error instanceof Error ? error.name : 'unknown', ...ids });
        ctx.socket.close(CLOSE_STORE_FAILED, 'store-failed');
        throw error;
      }
      if (lifts !== null) log({ event: 'referat-unlocked', ...ids });
      if (lockWrite && meeting !== null) {
        locks.graceUsed(meeting);
        log({ event: 'lock-write-taken', ...ids });
      }
    },

    async afterLoadDocument({ document, instance }: afterLoadDocumentPayload): Promise<void> {
      locks.watch(document, instance.documents);
    },

    async onDisconnect({ documentName, context }: onDisconnectPayload): Promise<void> {
      const ctx = context as ConnectionContext;
      ctx.socket.documents.delete(documentName);
      log({ event: 'closed', person: ctx.personId, device: ctx.deviceId, forum: ctx.forumId, document: documentName, socket: ctx.socket.id });
    },
  };
}
