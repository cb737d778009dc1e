import { documentName, parseDocumentName } from '../../../shared/sync/documents';
import { isChangeRefusal } from '../../../shared/sync/personKeys';
import type { AnnouncedPresence, PresenceState } from '../../../shared/sync/presence';
import type { ForumSyncStatus } from '../../../shared/sync/status';
import { accessLossOf } from './accessLoss';
import { DEFAULT_BACKOFF, type Backoff } from './backoff';
import type { DocumentLinkEvents, SyncToken } from './documentLink';
import type { AccessLoss, LocalDocuments } from './localDocuments';
import { ServerConnection, type WebSocketClass } from './serverConnection';
import { consoleSyncLog, type SyncLog } from './syncLog';

/** A forum this laptop shares, and the server (its WebSocket address) that keeps the members in step. */
export interface SharedForum {
  forumId: string;
  serverUrl: string;
}

/** What the services read to tell the window how each shared forum stands. */
export interface SyncStatusSource {
  statuses(): ForumSyncStatus[];
  /** Calls listener when any forum's status has changed; returns a function that stops it. */
  onChange(listener: () => void): () => void;
}

/** Who is here in each shared forum, from the awareness of its index (shared/sync/presence.ts). */
export interface PresenceSource {
  /** The other laptops connected to the forum now, as the server named their persons; empty while offline. */
  presence(forumId: string): PresenceState[];
  /** What this laptop shows the others in the forum (kept across reconnects, until announced anew). */
  announce(forumId: string, presence: AnnouncedPresence): void;
}

/** A transport's listeners (onChange) also hear when who is here changes. */
export interface SyncTransport extends SyncStatusSource, PresenceSource {
  /** Starts keeping the forum in step with its server (again, after access was refused). */
  share(forum: SharedForum): void;
  /** Stops it; the laptop keeps its copy. */
  unshare(forumId: string): void;
  /**
   * Keeps one inbox document of a forum this laptop does not share in step: its own submissions to another
   * forum (a kredsformand's to a school's TRIO). The server lets the person write only that document.
   */
  keepInbox(inbox: { name: string; serverUrl: string }): void;
  /** Attaches the documents of a shared forum that are new to the laptop (an inbox a sender has just opened). */
  attachNew(forumId: string): void;
  /** Resolves when the inbox document is in step with the server; rejects after timeoutMs. */
  inboxSettled(name: string, timeoutMs?: number): Promise<void>;
  /** The app saw the network change: every server that is not reached is tried at once. */
  networkChanged(): void;
  /**
   * Resolves when the forum is in step: connected, every document it holds exchanged, every local write
   * applied by the server and every remote update stored. Rejects after timeoutMs.
   */
  settled(forumId: string, timeoutMs?: number): Promise<void>;
  close(): void;
}

export interface SyncTransportOptions {
  local: LocalDocuments;
  /**
   * The device credential for a server, or the same function each time for a signed-in server (its session
   * token, renewed as needed), or null when this laptop has neither there.
   */
  credentialFor(serverUrl: string): SyncToken | null;
  backoff?: Backoff;
  log?: SyncLog;
  webSocket?: WebSocketClass;
}

interface ForumEntry {
  forumId: string;
  server: ServerConnection | null;
  /** The server refused the forum index: the person was removed or the device revoked. */
  refused: boolean;
}

export function createSyncTransport(options: SyncTransportOptions): SyncTransport {
  const { local } = options;
  const log = options.log ?? consoleSyncLog;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const forums = new Map<string, ForumEntry>();
  /** Inbox documents of forums not shared here, by name: the server each goes through. */
  const inboxes = new Map<string, ServerConnection>();
  const servers = new Map<string, ServerConnection>();
  /** Documents the server refused while their forum stays open (a læser and a confidential document). */
  const refusedDocuments = new Set<string>();
  /** Forums with a change the server refused (shown in their status until the next start). */
  const changeRefused = new Set<string>();
  /** Losses already handed to the laptop's documents in this session: every refused document reports the same one. */
  const lossesTold = new Set<string>();
  const statusListeners = new Set<() => void>();
  let progressWaiters: (() => void)[] = [];
  let lastStatuses = '';
  let statusScheduled = false;
  let closed = false;
  /** What this laptop shows in each forum, given again to a forum index linked anew (shared again, a new credential). */
  const announced = new Map<string, AnnouncedPresence>();

  const forumOf = (name: string) => {
    const doc = parseDocumentName(name);
    return doc ? forums.get(doc.forumId) : undefined;
  };

  const events: DocumentLinkEvents = {
    authenticated: () => progressed(),
    changed: () => progressed(),
    presenceChanged: () => progressed(),
    denied(name, reason) {
      const entry = forumOf(name);
      if (!entry) return;
      const loss = accessLossOf(parseDocumentName(name)?.kind ?? 'forum', reason);
      if (loss) lost(entry.forumId, loss, reason);
      if (name === documentName({ kind: 'forum', forumId: entry.forumId }) || loss === 'forum') {
        log('adgang-naegtet', { forum: entry.forumId, aarsag: reason });
        refuse(entry);
      } else {
        if (isChangeRefusal(reason)) changeRefused.add(entry.forumId);
        log('dokument-naegtet', { dokument: name, aarsag: reason });
        refusedDocuments.add(name);
        entry.server?.detach(name);
      }
      progressed();
    },
    remoteStored(name) {
      // A meeting made on another laptop appears in the forum index first; its document follows.
      const entry = forumOf(name);
      if (entry && parseDocumentName(name)?.kind === 'forum') attachAll(entry);
      progressed();
    },
  };

  const stopLocalUpdates = local.onLocalUpdate((name, _update, seq) => {
    const inboxServer = inboxes.get(name);
    if (inboxServer) {
      (inboxServer.link(name) ?? inboxServer.attach(name, false)).localWritten(seq);
      return;
    }
    const entry = forumOf(name);
    if (!entry?.server || entry.refused) return;
    const link = entry.server.link(name);
    if (link) link.localWritten(seq);
    else attachAll(entry);
    progressed();
  });

  function serverFor(url: string, token: SyncToken): ServerConnection {
    const existing = servers.get(url);
    if (existing?.token === token) return existing;
    const server = new ServerConnection({ url, token, backoff, local, events, log, onSocketStatus: progressed, webSocket: options.webSocket });
    servers.set(url, server);
    if (existing) {
      // A new credential for the server (an invitation redeemed again): its other forums move to it.
      existing.close();
      for (const entry of forums.values()) {
        if (entry.server !== existing) continue;
        entry.server = server;
        attachAll(entry);
      }
      for (const [name, held] of inboxes) {
        if (held !== existing) continue;
        inboxes.set(name, server);
        server.attach(name, false);
      }
    }
    return server;
  }

  function namesOf(forumId: string): string[] {
    const index = documentName({ kind: 'forum', forumId });
    return [index, ...local.names(forumId).filter((name) => name !== index)];
  }

  function attachAll(entry: ForumEntry): void {
    if (!entry.server || entry.refused) return;
    for (const name of namesOf(entry.forumId)) {
      if (refusedDocuments.has(name) || parseDocumentName(name)?.forumId !== entry.forumId) continue;
      const isIndex = parseDocumentName(name)?.kind === 'forum';
      const fresh = entry.server.link(name) === undefined;
      const link = entry.server.attach(name, isIndex);
      const presence = announced.get(entry.forumId);
      if (isIndex && fresh && presence) link.announce(presence);
    }
  }

  /** Stops every document of the forum; its copy stays on the laptop. No retry until it is shared again. */
  function refuse(entry: ForumEntry): void {
    entry.refused = true;
    entry.server?.detachWhere((name) => parseDocumentName(name)?.forumId === entry.forumId);
  }

  /** The server took the forum or its confidential part away: the laptop removes what it may no longer hold. */
  function lost(forumId: string, loss: AccessLoss, reason: string): void {
    const key = `${forumId}|${loss}`;
    if (lossesTold.has(key)) return;
    lossesTold.add(key);
    log('adgang-mistet', { forum: forumId, omfang: loss, aarsag: reason });
    local.accessLost(forumId, loss, reason).catch((error: unknown) => {
      // The refusal is recorded before anything is removed, so the next start removes it; or the next refusal.
      lossesTold.delete(key);
      log('fjernelse-mislykkedes', { forum: forumId, aarsag: error instanceof Error ? error.name : 'ukendt' });
    });
  }

  function statuses(): ForumSyncStatus[] {
    return [...forums.values()].map((entry) => {
      const index = entry.server?.link(documentName({ kind: 'forum', forumId: entry.forumId }));
      const state = entry.refused ? 'adgang-fjernet' : entry.server?.connected && index?.authenticated ? 'forbundet' : 'offline';
      const notTaken = namesOf(entry.forumId).some((name) => entry.server?.link(name)?.notTaken === true);
      return {
        forumId: entry.forumId,
        state,
        waiting: local.pendingCount(entry.forumId),
        ...(changeRefused.has(entry.forumId) && { refusedChange: true as const }),
        ...(notTaken && { notTaken: true as const }),
        ...(local.copyWaiting(entry.forumId) && { copyWaiting: true as const }),
      };
    });
  }

  /** Something moved: the status is worked out once per turn, and told only when it differs. */
  function progressed(): void {
    const waiters = progressWaiters;
    progressWaiters = [];
    for (const wake of waiters) wake();
    if (statusScheduled || closed) return;
    statusScheduled = true;
    queueMicrotask(() => {
      statusScheduled = false;
      if (closed) return;
      const now = JSON.stringify([statuses(), [...forums.keys()].map(presenceOf)]);
      if (now === lastStatuses) return;
      lastStatuses = now;
      for (const listener of statusListeners) listener();
    });
  }

  function indexLink(forumId: string) {
    return forums.get(forumId)?.server?.link(documentName({ kind: 'forum', forumId }));
  }

  function presenceOf(forumId: string): PresenceState[] {
    return indexLink(forumId)?.present() ?? [];
  }

  function isSettled(entry: ForumEntry): boolean {
    if (!entry.server?.connected || entry.refused) return false;
    return namesOf(entry.forumId).every((name) => refusedDocuments.has(name) || entry.server?.link(name)?.settled === true);
  }

  return {
    share({ forumId, serverUrl }) {
      unshareQuietly(forumId);
      const token = options.credentialFor(serverUrl);
      const entry: ForumEntry = { forumId, server: token === null ? null : serverFor(serverUrl, token), refused: token === null };
      if (token === null) log('ingen-enhedsnoegle', { forum: forumId, server: serverUrl });
      forums.set(forumId, entry);
      attachAll(entry);
      progressed();
    },
    unshare(forumId) {
      unshareQuietly(forumId);
      progressed();
    },
    keepInbox({ name, serverUrl }) {
      if (inboxes.has(name) || closed) return;
      const token = options.credentialFor(serverUrl);
      if (token === null) {
        log('ingen-enhedsnoegle', { dokument: name, server: serverUrl });
        return;
      }
      const server = serverFor(serverUrl, token);
      inboxes.set(name, server);
      server.attach(name, false);
      progressed();
    },
    attachNew(forumId) {
      const entry = forums.get(forumId);
      if (entry) attachAll(entry);
      progressed();
    },
    async inboxSettled(name, timeoutMs = 30_000) {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const server = inboxes.get(name) ?? forumOf(name)?.server;
        if (server?.connected && server.link(name)?.settled === true) return;
        const left = deadline - performance.now();
        if (left <= 0) throw new Error(`Indbakken ${name} kom ikke i takt med serveren inden for ${timeoutMs} ms.`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(left, 250));
          progressWaiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    networkChanged() {
      for (const server of servers.values()) server.retryNow();
    },
    statuses,
    presence: presenceOf,
    announce(forumId, presence) {
      announced.set(forumId, presence);
      indexLink(forumId)?.announce(presence);
    },
    onChange(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    async settled(forumId, timeoutMs = 30_000) {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const entry = forums.get(forumId);
        if (!entry) throw new Error(`Forummet ${forumId} deles ikke.`);
        if (isSettled(entry)) return;
        const left = deadline - performance.now();
        if (left <= 0) throw new Error(`Forummet ${forumId} kom ikke i takt med serveren inden for ${timeoutMs} ms.`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(left, 250));
          progressWaiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    close() {
      if (closed) return;
      closed = true;
      stopLocalUpdates();
      for (const server of servers.values()) server.close();
      servers.clear();
      forums.clear();
      inboxes.clear();
      statusListeners.clear();
    },
  };

  function unshareQuietly(forumId: string): void {
    const entry = forums.get(forumId);
    if (!entry) return;
    forums.delete(forumId);
    entry.server?.detachWhere((name) => parseDocumentName(name)?.forumId === forumId);
    for (const name of [...refusedDocuments]) if (parseDocumentName(name)?.forumId === forumId) refusedDocuments.delete(name);
    changeRefused.delete(forumId);
    for (const key of [...lossesTold]) if (key.startsWith(`${forumId}|`)) lossesTold.delete(key);
  }
}
