import type { Change } from '../../../shared/api/changes';
import type { InboxTarget } from '../../../shared/api/methods/inbox';
import type { JoinedForum, SignInResult, SyncServer } from '../../../shared/api/methods/sync';
import type { ArchiveServices } from '../../services/dispatch';
import { ServiceError } from '../../services/errors';
import type { Sharing } from '../../services/sharing';
import { coreDocuments } from '../coreDocuments';
import { DeviceCredentialError, type DeviceCredential, type DeviceCredentials } from '../device/deviceCredentials';
import { InvitationError, redeemInvitation } from '../device/invitation';
import { inboxDocumentName } from '../inbox';
import { parseServerAddress, ServerAddressError, type ServerAddress } from '../device/serverAddress';
import type { Backoff } from '../transport/backoff';
import type { SyncToken } from '../transport/documentLink';
import type { WebSocketClass } from '../transport/serverConnection';
import { consoleSyncLog, type SyncLog } from '../transport/syncLog';
import { createSyncTransport, type SyncStatusSource, type SyncTransport } from '../transport/syncTransport';
import type { ForumAccess } from '../types';
import { createForumOnServer, inviteToForum, isUnknownDevice, reportHistoryUploaded, whoAmI, type Me } from './serverApi';
import { createServerSignIns, type SignInSetup } from './serverSignIns';
import { forumMembers } from './forumMembers';
import { forumsTakingInput, inboxSenders } from './inboxApi';
import { forumSharing } from './sharingLater';
import { waitingCopies } from './waitingCopies';

/**
 * Sharing in a running app (or harness): the transport over the archive's shared documents, the device
 * credentials, and the calls the sharing screens make. A shared forum is stored under its server's
 * HTTPS address (the one a person types, https://deling.kommune.dk); the transport dials its WebSocket
 * address, and the credentials file is keyed by the HTTPS address too.
 */
export interface LaptopSharingOptions {
  services: ArchiveServices;
  credentials: DeviceCredentials;
  /** How the server lists this computer among the person's devices (deviceNameOf(os.hostname())). */
  deviceName: string;
  /** Sign-in with the kommune's login; without it (a test of invitation codes alone) only codes are used. */
  signIns?: SignInSetup;
  /** How long sync.shareForum waits for the upload before it answers that it goes on in the background. */
  uploadWaitMs?: number;
  log?: SyncLog;
  backoff?: Backoff;
  webSocket?: WebSocketClass;
  /** How often a member's laptop asks the server for new senders to its forums' inboxes. */
  inboxPollMs?: number;
}

export interface LaptopSharing {
  sharing: Sharing;
  transport: SyncTransport;
  /** The transport's status, and a change whenever this laptop got or lost a server (sync.servers). */
  status: SyncStatusSource;
  close(): void;
}

const UPLOAD_WAIT_MS = 20_000;
/** How long an upload that goes on in the background is awaited before the server's own limit closes the history door. */
const HISTORY_WAIT_MS = 23 * 3600 * 1000;
const NO_SIGN_IN = 'Login med kommunens login er ikke slået til i denne udgave af Samtalerum. Brug en invitationskode.';
const INBOX_POLL_MS = 30_000;
/** The WebSocket address the transport dials for a server stored by its HTTPS address, and back. */
const webSocketOf = (http: string): string => http.replace(/^http/, 'ws');
const httpOf = (webSocket: string): string => webSocket.replace(/^ws/, 'http');

export function startLaptopSharing(options: LaptopSharingOptions): LaptopSharing {
  const { services, credentials } = options;
  const core = services.sync;
  const log = options.log ?? consoleSyncLog;
  const serverListeners = new Set<() => void>();
  /** What each server last said about sharing, this session; asked again when unknown. */
  const mayShare = new Map<string, boolean>();
  /** This laptop's person on each server, as it said this session. */
  const personIdAt = new Map<string, string>();
  let closed = false;

  function credentialAt(http: string): DeviceCredential | null {
    try {
      return credentials.read(http);
    } catch (error) {
      // An unreadable key file leaves the forums offline; joining again writes a new one.
      log('noeglefil-ulaeselig', { server: http, aarsag: error instanceof Error ? error.name : 'ukendt' });
      return null;
    }
  }

  const signIns = options.signIns
    ? createServerSignIns(options.signIns, log, (http) => {
        // The server ended the sign-in: the forums go on with the device's own key, if it has one, and the screens
        // ask to sign in again. After the turn: this is called from inside the transport's asking for a token.
        setTimeout(() => {
          if (credentialAt(http)) reconnect(http);
          serversChanged();
        }, 0);
      })
    : null;

  /** The session token while the person is signed in there; otherwise the device credential (or a sign-in waiting to be renewed). */
  function tokenAt(http: string): SyncToken | null {
    const device = credentialAt(http)?.credential ?? null;
    const session = signIns?.documentToken(http) ?? null;
    return session && (device === null || signIns?.signedIn(http)) ? session : device;
  }

  /** What the server's API is called with: the session token while signed in there, else the device credential. */
  async function bearerAt(http: string): Promise<string | null> {
    return (await signIns?.bearer(http)) ?? credentialAt(http)?.credential ?? null;
  }

  const transport = createSyncTransport({
    local: coreDocuments(core, services),
    credentialFor: (webSocket) => tokenAt(httpOf(webSocket)),
    log,
    backoff: options.backoff,
    webSocket: options.webSocket,
  });

  const copies = waitingCopies({ core, services, transport, log, closed: () => closed });

  const serversChanged = () => {
    for (const listener of serverListeners) listener();
  };

  /** Brings what this laptop knows of the person's standing (right, admin, may share) up to the server's answer. */
  async function learn(http: string, me: Me): Promise<void> {
    mayShare.set(http, me.mayShare);
    personIdAt.set(http, me.personId);
    const held = new Map(core.sharedForums().map((forum) => [forum.forumId, forum]));
    const changed = me.forums.filter((forum) => {
      const here = held.get(forum.forumId);
      return (
        here !== undefined &&
        here.serverUrl === http &&
        (here.right !== forum.right || here.admin !== forum.admin || here.forumPersonId !== forum.forumPersonId)
      );
    });
    if (changed.length === 0 || closed) return;
    await services.inTurn('sync.remote', () => {
      for (const forum of changed) core.recordAccess(forum.forumId, accessOf(forum));
      return { value: undefined, changes: changed.map((forum): Change => ({ aggregate: 'forum', id: forum.forumId })) };
    });
  }

  /** At start: every shared forum in step again, and every inbox this laptop has sent to. */
  function resume(): void {
    for (const forum of core.sharedForums()) transport.share({ forumId: forum.forumId, serverUrl: webSocketOf(forum.serverUrl) });
    for (const inbox of core.inboxes()) {
      if (inbox.role === 'afsender') transport.keepInbox({ name: inbox.document, serverUrl: webSocketOf(inbox.serverUrl) });
    }
    copies.resume();
  }

  /** Signed in or out: the server's forums connect again with what identifies the laptop there now. */
  function reconnect(http: string): void {
    if (closed) return;
    for (const forum of core.sharedForums()) if (forum.serverUrl === http) transport.share({ forumId: forum.forumId, serverUrl: webSocketOf(http) });
  }

  /**
   * A member's laptop keeps the inboxes of its forums in step: the server lists the senders who have written to
   * a forum's inbox, and each new one's document is attached. Asked when a forum connects and every little while.
   */
  let discovering = false;
  async function discoverInboxes(): Promise<void> {
    if (discovering || closed) return;
    discovering = true;
    try {
      // Only forums that are through to their server: offline, asking would only fail.
      const connectedNow = new Set(transport.statuses().filter((s) => s.state === 'forbundet').map((s) => s.forumId));
      for (const forum of core.sharedForums()) {
        const bearer = forum.right === 'medlem' && connectedNow.has(forum.forumId) ? await bearerAt(forum.serverUrl) : null;
        const personId = personIdAt.get(forum.serverUrl) ?? credentialAt(forum.serverUrl)?.personId;
        if (!bearer || closed) continue;
        let senders: { personId: string; name: string }[];
        try {
          senders = await inboxSenders(addressOf(forum.serverUrl), bearer, forum.forumId);
        } catch (error) {
          log('indbakker-ikke-hentet', { forum: forum.forumId, aarsag: error instanceof Error ? error.name : 'ukendt' });
          continue;
        }
        const known = new Set(core.inboxes().map((inbox) => inbox.document));
        const fresh = senders.filter((sender) => sender.personId !== personId && !known.has(inboxDocumentName(forum.forumId, sender.personId)));
        if (fresh.length === 0 || closed) continue;
        const forumName = (await forumNamed(forum.forumId).catch(() => ({ name: '' }))).name;
        await services.inTurn('sync.remote', () => {
          for (const sender of fresh) {
            const document = inboxDocumentName(forum.forumId, sender.personId);
            core.keepInbox({ document, forumId: forum.forumId, forumName, senderId: sender.personId, senderName: sender.name, serverUrl: forum.serverUrl, role: 'modtager' });
          }
          return { value: undefined, changes: [{ aggregate: 'forum', id: forum.forumId }] };
        });
        transport.attachNew(forum.forumId);
      }
    } finally {
      discovering = false;
    }
  }
  const inboxPoll = setInterval(() => void discoverInboxes(), options.inboxPollMs ?? INBOX_POLL_MS);
  inboxPoll.unref?.();

  /**
   * Each time a forum gets through to its server (at start, after being offline), the server is asked how the
   * person stands: a right lowered to læser while the laptop was away applies here from then on.
   */
  const connected = new Set<string>();
  const asking = new Set<string>();
  const stopWatchingConnections = transport.onChange(() => {
    const now = new Set(transport.statuses().filter((s) => s.state === 'forbundet').map((s) => s.forumId));
    const servers = new Set<string>();
    const dropped = new Set<string>();
    for (const forum of core.sharedForums()) {
      if (now.has(forum.forumId) && !connected.has(forum.forumId)) servers.add(forum.serverUrl);
      if (!now.has(forum.forumId) && connected.has(forum.forumId)) dropped.add(forum.serverUrl);
    }
    connected.clear();
    for (const forumId of now) connected.add(forumId);
    for (const http of servers) void ask(http);
    for (const http of dropped) void checkSignIn(http);
    if (servers.size > 0) void discoverInboxes();
  });

  /**
   * A forum lost its connection while the person is signed in there: the server may have ended the sign-in
   * (signed out elsewhere, an admin). It is asked; a refused token is renewed at once, or the sign-in ends and
   * the screens ask to sign in again. Offline is no answer: the transport goes on trying.
   */
  async function checkSignIn(http: string): Promise<void> {
    if (!signIns?.signedIn(http) || closed) return;
    try {
      const bearer = await signIns.bearer(http);
      if (bearer) await whoAmI(addressOf(http), bearer);
    } catch (error) {
      if (isUnknownDevice(error)) await signIns.refused(http);
    }
  }

  async function ask(http: string): Promise<void> {
    if (asking.has(http) || closed) return;
    asking.add(http);
    try {
      const bearer = await bearerAt(http);
      if (!bearer) return;
      await learn(http, await whoAmI(addressOf(http), bearer));
      serversChanged();
    } catch (error) {
      // Offline again, or the device revoked: the transport says so per forum; the stored right stands meanwhile.
      log('server-ikke-spurgt', { server: http, aarsag: error instanceof Error ? error.name : 'ukendt' });
    } finally {
      asking.delete(http);
    }
  }

  function storeCredential(http: string, credential: DeviceCredential): void {
    try {
      credentials.write(http, credential);
    } catch (error) {
      const reason = error instanceof DeviceCredentialError ? error.message : 'Computerens nøgle til delingsserveren kunne ikke gemmes.';
      throw new ServiceError('arkivfejl', `${reason} Invitationskoden er brugt; bed om en ny, når det er rettet.`);
    }
  }

  /**
   * Redeems the code: while signed in with the kommune's login, the signed-in person becomes the member; else a new
   * device the first time, the membership added to this device afterwards. Answers what to ask the server with.
   */
  async function redeem(address: ServerAddress, code: string): Promise<string> {
    const session = await signIns?.bearer(address.http);
    if (session) return redeemWith(address, code, session);
    let held = credentialAt(address.http);
    if (held) {
      // A device the server revoked (or a server set up anew) cannot add a membership: the code makes a new device.
      try {
        await whoAmI(address, held.credential);
      } catch (error) {
        if (!isUnknownDevice(error)) throw error;
        held = null;
      }
    }
    return redeemWith(address, code, held?.credential ?? null);
  }

  /** With a credential or session token, the server adds the membership to its person; without, it issues a device credential. */
  async function redeemWith(address: ServerAddress, code: string, credential: string | null): Promise<string> {
    try {
      const redeemed = await redeemInvitation(address, code, options.deviceName, credential ? { credential } : {});
      if (!credential) storeCredential(address.http, redeemed);
      return redeemed.credential;
    } catch (error) {
      if (!(error instanceof InvitationError)) throw error;
      const aboutCode = error.reason === 'ukendt' || error.reason === 'brugt' || error.reason === 'udloebet' || error.reason === 'ugyldig';
      throw new ServiceError(aboutCode ? 'ugyldigt_input' : 'konflikt', error.message, aboutCode ? 'code' : undefined);
    }
  }

  /** Records forums as shared here (or their right anew) and starts keeping the new ones in step. */
  async function keepInStep(http: string, forums: readonly { forumId: string; access: ForumAccess }[], method: 'sync.join' | 'sync.shareForum'): Promise<void> {
    const held = new Map(core.sharedForums().map((forum) => [forum.forumId, forum]));
    const fresh = forums.filter(({ forumId }) => held.get(forumId)?.serverUrl !== http);
    await services.inTurn(method, () => {
      for (const { forumId, access } of forums) {
        if (fresh.some((forum) => forum.forumId === forumId)) core.shareForum(forumId, http, access, method === 'sync.shareForum');
        else core.recordAccess(forumId, access);
      }
      return { value: undefined, changes: forums.map(({ forumId }): Change => ({ aggregate: 'forum', id: forumId })) };
    });
    const refused = new Set(transport.statuses().filter((s) => s.state === 'adgang-fjernet').map((s) => s.forumId));
    for (const { forumId } of forums) {
      if (fresh.some((forum) => forum.forumId === forumId) || refused.has(forumId)) transport.share({ forumId, serverUrl: webSocketOf(http) });
      copies.merge(forumId);
    }
  }

  /** Asks the server which forums the person may reach there, and keeps each in step from now on. */
  async function keepReachableInStep(address: ServerAddress, bearer: string): Promise<JoinedForum[]> {
    const me = await whoAmI(address, bearer);
    mayShare.set(address.http, me.mayShare);
    personIdAt.set(address.http, me.personId);
    await keepInStep(
      address.http,
      me.forums.map((forum) => ({ forumId: forum.forumId, access: accessOf(forum) })),
      'sync.join',
    );
    serversChanged();
    return me.forums.map(({ forumId, name, right }) => ({ forumId, name, right }));
  }
  const members = forumMembers({
    transport,
    async reach(forumId) {
      const shared = core.sharedForums().find((forum) => forum.forumId === forumId);
      if (!shared) throw new ServiceError('konflikt', 'Forummet er ikke delt. Del det først; så kan du se, hvem der er med.');
      const bearer = await bearerAt(shared.serverUrl);
      if (!bearer) throw new ServiceError('konflikt', 'Denne computer har ingen nøgle til forummets delingsserver. Log ind med kommunens login, eller tilmeld den igen med en invitation.');
      return { http: shared.serverUrl, address: addressOf(shared.serverUrl), credential: bearer };
    },
    async whoAmIAt(http, credential) {
      const known = personIdAt.get(http);
      if (known) return known;
      const me = await whoAmI(addressOf(http), credential);
      await learn(http, me);
      return me.personId;
    },
    personIdAt: (http) => personIdAt.get(http) ?? null,
    serverOf: (forumId) => core.sharedForums().find((forum) => forum.forumId === forumId)?.serverUrl ?? null,
    // A right changed here may be this laptop's own: the server is asked again how the person stands.
    changed: (http) => void ask(http),
    // Kept without a change event: the panel that asked shows the list already.
    keep: (forumId, known) => services.inTurn('sync.members', () => ({ value: core.keepMembers(forumId, known), changes: [] })),
    lastKnown: (forumId) => core.knownMembers(forumId),
  });

  /** The kommune's forums that take input: those sent to before (also offline), and every server's current list. */
  async function inboxTargets(): Promise<{ targets: InboxTarget[]; unreachable: string | null }> {
    const sharedHere = new Set(core.sharedForums().map((forum) => forum.forumId));
    const targets = new Map<string, InboxTarget>();
    for (const inbox of core.inboxes()) {
      // Offline, the kind of a forum sent to before is not known: the server says it.
      if (inbox.role === 'afsender') targets.set(`${inbox.serverUrl} ${inbox.forumId}`, { serverUrl: inbox.serverUrl, forumId: inbox.forumId, name: inbox.forumName, kind: null });
    }
    let unreachable: string | null = null;
    let servers: string[];
    try {
      servers = credentials.servers();
    } catch {
      servers = [];
    }
    for (const http of new Set([...servers, ...(signIns?.servers() ?? [])])) {
      const bearer = await bearerAt(http);
      if (!bearer) continue;
      try {
        for (const forum of await forumsTakingInput(addressOf(http), bearer)) {
          // A forum this laptop shares is one of its own: the dialog offers it with the archive's forums.
          if (!sharedHere.has(forum.forumId)) targets.set(`${http} ${forum.forumId}`, { serverUrl: http, ...forum });
        }
      } catch (error) {
        unreachable = error instanceof ServiceError ? error.message : 'Delingsserveren kunne ikke nås.';
      }
    }
    return { targets: [...targets.values()].sort((a, b) => a.name.localeCompare(b.name, 'da') || a.forumId.localeCompare(b.forumId)), unreachable };
  }

  const sharing: Sharing = {
    ...members,
    personAt: (serverUrl) => personIdAt.get(serverUrl) ?? credentialAt(serverUrl)?.personId ?? null,
    inboxTargets,
    keepInbox(inbox) {
      core.keepInbox(inbox);
      if (inbox.role === 'afsender') transport.keepInbox({ name: inbox.document, serverUrl: webSocketOf(inbox.serverUrl) });
    },
    inboxWritten: (document) => core.inboxWritten(document),

    async join({ serverAddress, code }) {
      const address = addressOf(serverAddress);
      const forums = await keepReachableInStep(address, await redeem(address, code));
      return { serverUrl: address.http, forums };
    },

    async signIn({ serverAddress }): Promise<SignInResult> {
      const address = addressOf(serverAddress);
      if (!signIns) throw new ServiceError('konflikt', NO_SIGN_IN);
      serversChanged();
      let signedIn: Awaited<ReturnType<typeof signIns.signIn>>;
      try {
        signedIn = await signIns.signIn(address, options.deviceName);
      } finally {
        serversChanged();
      }
      reconnect(address.http);
      const forums = await keepReachableInStep(address, signedIn.sessionToken);
      return { serverUrl: address.http, name: signedIn.navn, forums };
    },

    async cancelSignIn({ serverAddress }) {
      return { cancelled: signIns?.cancel(addressOf(serverAddress).http) ?? false };
    },

    async signOut({ serverAddress }) {
      const address = addressOf(serverAddress);
      await signIns?.signOut(address);
      mayShare.delete(address.http);
      reconnect(address.http);
      serversChanged();
      return { serverUrl: address.http };
    },

    async shareForum({ forumId, serverAddress, forumPersonId }) {
      const address = addressOf(serverAddress);
      const forum = await forumNamed(forumId);
      const already = core.sharedForums().find((shared) => shared.forumId === forumId);
      if (already && already.serverUrl !== address.http) {
        throw new ServiceError('konflikt', `Forummet deles allerede gennem ${new URL(already.serverUrl).host}. Et forum deles gennem én server.`);
      }
      const bearer = await bearerAt(address.http);
      if (!bearer) {
        throw new ServiceError(
          'konflikt',
          `Denne computer er ikke tilmeldt delingsserveren på ${new URL(address.http).host} endnu. Log ind med kommunens login, eller indløs først kommunens invitation til at dele fora.`,
        );
      }
      // Who the sharer is in the forum: as named now, or as the server knows it when the forum was shared before.
      let access: ForumAccess = { right: 'medlem', admin: true, forumPersonId: already?.forumPersonId ?? forumPersonId };
      if (!already) {
        const outcome = await createForumOnServer(address, bearer, forumId, forum.name, forumPersonId);
        if (outcome === 'findes') {
          // Shared before from here (an earlier try cut short), or by someone else, who then holds the forum's id.
          const me = await whoAmI(address, bearer);
          const mine = me.forums.find((f) => f.forumId === forumId);
          if (!mine?.admin || mine.right !== 'medlem') {
            throw new ServiceError(
              'konflikt',
              'Forummet er allerede delt på serveren af en anden. Bed den, der delte det, om en invitation, så jeres kopier flettes sammen.',
            );
          }
          access = accessOf(mine);
        }
        mayShare.set(address.http, true);
      }
      await keepInStep(address.http, [{ forumId, access }], 'sync.shareForum');
      serversChanged();
      const onServer = await transport.settled(forumId, options.uploadWaitMs ?? UPLOAD_WAIT_MS).then(
        () => true,
        () => false,
      );
      if (!already) {
        // The history (everyone's old approvals) is on the server: the door the server kept open for it closes now,
        // or once the upload that goes on in the background is done.
        const uploaded = onServer ? Promise.resolve() : transport.settled(forumId, HISTORY_WAIT_MS);
        const closing = uploaded.then(() => reportHistoryUploaded(address, bearer, forumId));
        const logged = closing.catch((error: unknown) => log('historik-ikke-meldt', { forum: forumId, aarsag: error instanceof Error ? error.name : 'ukendt' }));
        if (onServer) await logged;
      }
      return { forumId, serverUrl: address.http, onServer };
    },

    async invite({ forumId, right, name, forumPersonId }) {
      const shared = core.sharedForums().find((forum) => forum.forumId === forumId);
      if (!shared) {
        await forumNamed(forumId);
        throw new ServiceError('konflikt', 'Forummet er ikke delt endnu. Del det først; så kan du invitere andre til det.');
      }
      const bearer = await bearerAt(shared.serverUrl);
      if (!bearer) throw new ServiceError('konflikt', 'Denne computer har ingen nøgle til forummets delingsserver. Log ind med kommunens login, eller tilmeld den igen med en invitation.');
      return inviteToForum(addressOf(shared.serverUrl), bearer, forumId, { right, name, forumPersonId });
    },

    forum: (forumId) => forumSharing(core, forumId),

    async servers() {
      let held: string[];
      try {
        held = credentials.servers();
      } catch {
        held = [];
      }
      const known = [...new Set([...held, ...(signIns?.servers() ?? [])])];
      return Promise.all(
        known.map(async (http): Promise<SyncServer> => {
          const [canShare, signIn] = await Promise.all([askMayShare(http), signIns?.state(http)]);
          return { serverUrl: http, canShare, ...(signIn ?? { kommuneLogin: false, signedInAs: null, signInEnded: false }) };
        }),
      );
    },
  };

  /** Whether the person may share on the server, as it said this session; asked when not yet (false when it cannot be reached). */
  async function askMayShare(http: string): Promise<boolean> {
    const known = mayShare.get(http);
    if (known !== undefined) return known;
    try {
      const bearer = await bearerAt(http);
      if (!bearer) return false;
      const me = await whoAmI(addressOf(http), bearer);
      await learn(http, me);
      return me.mayShare;
    } catch {
      return false;
    }
  }

  /** The forum as the services read it; its Danish «findes ikke» when the archive does not hold it. */
  async function forumNamed(forumId: string): Promise<{ name: string }> {
    const found = await services.call('forums.get', { forumId });
    if (!found.ok) throw new ServiceError(found.error.code, found.error.message, 'forumId');
    return found.value;
  }

  resume();

  return {
    sharing,
    transport,
    status: {
      statuses: () => transport.statuses(),
      onChange(listener) {
        serverListeners.add(listener);
        const stop = transport.onChange(listener);
        return () => {
          serverListeners.delete(listener);
          stop();
        };
      },
    },
    close() {
      if (closed) return;
      closed = true;
      serverListeners.clear();
      clearInterval(inboxPoll);
      stopWatchingConnections();
      transport.close();
    },
  };
}

/** The person's standing in one forum, as the server's answer to GET /api/mig gives it. */
function accessOf(forum: Me['forums'][number]): ForumAccess {
  return { right: forum.right, admin: forum.admin, forumPersonId: forum.forumPersonId };
}

/** The address as typed, or a Danish message at the field. */
function addressOf(typed: string): ServerAddress {
  try {
    return parseServerAddress(typed);
  } catch (error) {
    if (error instanceof ServerAddressError) throw new ServiceError('ugyldigt_input', error.message, 'serverAddress');
    throw error;
  }
}
