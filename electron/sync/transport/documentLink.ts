import { HocuspocusProvider, type HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type * as Y from 'yjs';
import { isChangeRefusal } from '../../../shared/sync/personKeys';
import { PRESENCE_FIELD, presenceOf, type AnnouncedPresence, type PresenceState } from '../../../shared/sync/presence';
import { isAccessLoss } from './accessLoss';
import type { LocalDocuments } from './localDocuments';
import type { SyncLog } from './syncLog';

/**
 * What a document shows the server when it authenticates: the device credential from an invitation, or a
 * function that gives the current session token of a sign-in with the kommune's login (asked at every
 * authentication, so a reconnect after the token ran out shows a renewed one; see electron/sync/signin).
 */
export type SyncToken = string | (() => Promise<string>);

export interface DocumentLinkEvents {
  /** The server let the document in: read-write, or read-only for a læser. */
  authenticated(name: string): void;
  /** The server refused the document; the link has already stopped. */
  denied(name: string, reason: string): void;
  /** Something the forum's status is made of has changed (synced, acknowledged, stored). */
  changed(name: string): void;
  /** A remote update of the document is now durable on this laptop. */
  remoteStored(name: string): void;
  /** Who is here on the document changed: someone came, went, or started or stopped running a meeting. */
  presenceChanged(name: string): void;
}

const FLUSH_DELAY_MS = 20;

/**
 * One shared document on the socket to its server: a provider attached to the laptop's live document.
 * What arrives is stored (applyRemoteUpdate) one update at a time and in order; what the server has
 * applied of the laptop's own writes is acknowledged to the local log.
 */
export class DocumentLink {
  readonly name: string;
  private readonly provider: HocuspocusProvider;
  private readonly doc: Y.Doc;
  /** The newest local write the provider has sent, and the newest the server has confirmed. */
  private sentSeq = 0;
  private acknowledgedSeq = 0;
  /** Remote updates are stored in arrival order; this is the tail of that chain. */
  private storing: Promise<void> = Promise.resolve();
  private unstored = 0;
  private readOnly = false;
  private stopped = false;

  constructor(
    name: string,
    socket: HocuspocusProviderWebsocket,
    token: SyncToken,
    private readonly local: LocalDocuments,
    private readonly events: DocumentLinkEvents,
    private readonly log: SyncLog,
    /**
     * Whether the document carries presence (who is here). Its renewals every few seconds also keep an
     * idle socket open: the server closes one that has said nothing for a minute. The forum index has it.
     */
    withPresence: boolean,
  ) {
    this.name = name;
    this.doc = local.docFor(name);
    this.provider = new HocuspocusProvider({
      name,
      document: this.doc,
      websocketProvider: socket,
      token,
      // Writes within this window go as one message: a burst (typing, an import, moving many items)
      // costs one document name and one acknowledgement instead of one each. Small enough that the
      // others see an edit well within a tenth of a second.
      flushDelay: FLUSH_DELAY_MS,
      ...(withPresence ? {} : { awareness: null }),
      onAuthenticated: ({ scope }) => {
        this.readOnly = scope === 'readonly';
        events.authenticated(name);
      },
      onAuthenticationFailed: ({ reason }) => this.refused(reason),
      // An open document the person may no longer have is closed by the server with the reason alone (docs/server.md),
      // and a revoked device's whole socket with 4410; a dropped network or an ended sign-in is no refusal. A change
      // the server will not take (an approval for someone else) closes the document too: sending it again would
      // only be refused again, so the link stops until the next start.
      onClose: ({ event }) => {
        if (isAccessLoss(event.reason) || isChangeRefusal(event.reason)) this.refused(event.reason);
      },
      onSynced: () => events.changed(name),
      onUnsyncedChanges: ({ number }) => this.serverApplied(number),
    });
    // Writes from before this session are in the document and go with the first exchange.
    this.sentSeq = local.lastLocalSeq(name);
    this.doc.on('update', this.remoteUpdate);
    // The laptop is present from the first exchange; the server writes in who it is (shared/sync/presence.ts).
    this.provider.awareness?.setLocalStateField(PRESENCE_FIELD, {} satisfies AnnouncedPresence);
    this.provider.awareness?.on('change', this.presenceChanged);
    this.provider.attach();
  }

  /**
   * A local write was logged with seq. The provider sends it (or queues it for the next connection) from
   * the document's 'update' event, which may run after the log's own listener: once that turn is over,
   * if nothing the provider sent is unapplied, the server has this write too (the acknowledgement came
   * before the log told us).
   */
  localWritten(seq: number): void {
    if (seq > this.sentSeq) this.sentSeq = seq;
    queueMicrotask(() => {
      if (!this.stopped && this.provider.isSynced && !this.provider.hasUnsyncedChanges) this.serverApplied(0);
    });
  }

  /** In step: the first exchange is done, the server has everything written here, and all it sent is stored. */
  get settled(): boolean {
    return this.provider.isSynced && !this.provider.hasUnsyncedChanges && this.unstored === 0;
  }

  get authenticated(): boolean {
    return this.provider.isAuthenticated;
  }

  get isReadOnly(): boolean {
    return this.readOnly;
  }

  /** Read only to this laptop, with changes sent that the server has not applied: it answers them «not applied», for good. */
  get notTaken(): boolean {
    return this.readOnly && this.provider.hasUnsyncedChanges;
  }

  /** Resolves when every remote update received so far is durable. */
  whenStored(): Promise<void> {
    return this.storing;
  }

  /** What this laptop shows the others on the document (it runs a meeting, or not). */
  announce(presence: AnnouncedPresence): void {
    this.provider.awareness?.setLocalStateField(PRESENCE_FIELD, presence);
  }

  /**
   * The others present on the document, as the server let them through; empty while the socket is down
   * (what the awareness last held is not shown as present when nobody can say whether it still is).
   */
  present(): PresenceState[] {
    const awareness = this.provider.awareness;
    if (!awareness || this.stopped || !this.provider.isAuthenticated) return [];
    const found: PresenceState[] = [];
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId === awareness.clientID) continue;
      const presence = presenceOf((state as Record<string, unknown>)[PRESENCE_FIELD]);
      if (presence) found.push(presence);
    }
    return found;
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.provider.awareness?.off('change', this.presenceChanged);
    this.doc.off('update', this.remoteUpdate);
    this.provider.destroy();
  }

  private readonly presenceChanged = (): void => this.events.presenceChanged(this.name);

  private readonly remoteUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin !== this.provider) return;
    this.unstored += 1;
    this.storing = this.storing
      .then(() => this.local.applyRemoteUpdate(this.name, update))
      .then(
        () => this.events.remoteStored(this.name),
        (error: unknown) =>
          // The document holds it in memory, so the server will not send it again in this session; the
          // next start reads the document from the log without it and fetches it anew.
          this.log('fjernopdatering-ikke-gemt', { dokument: this.name, aarsag: error instanceof Error ? error.name : 'ukendt' }),
      )
      .finally(() => {
        this.unstored -= 1;
        this.events.changed(this.name);
      });
  };

  /** The provider counts what it has sent and the server has not applied; at zero all is applied. */
  private serverApplied(unapplied: number): void {
    if (unapplied === 0 && this.sentSeq > this.acknowledgedSeq) {
      this.acknowledgedSeq = this.sentSeq;
      this.local.markAcknowledged(this.name, this.sentSeq);
    }
    this.events.changed(this.name);
  }

  private refused(reason: string): void {
    if (this.stopped) return;
    this.stop();
    this.events.denied(this.name, reason);
  }
}
