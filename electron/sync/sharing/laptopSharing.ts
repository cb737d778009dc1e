import type { Change } from '../../../shared/api/changes';
import type { JoinedForum, SyncServer } from '../../../shared/api/methods/sync';
import type { ArchiveServices } from '../../services/dispatch';
import { ServiceError } from '../../services/errors';
import type { Sharing } from '../../services/sharing';
import { coreDocuments } from '../coreDocuments';
import { DeviceCredentialError, type DeviceCredential, type DeviceCredentials } from '../device/deviceCredentials';
import { InvitationError, redeemInvitation } from '../device/invitation';
import { parseServerAddress, ServerAddressError, type ServerAddress } from '../device/serverAddress';
import type { Backoff } from '../transport/backoff';
import type { WebSocketClass } from '../transport/serverConnection';
import { consoleSyncLog, type SyncLog } from '../transport/syncLog';
import { createSyncTransport, type SyncStatusSource, type SyncTransport } from '../transport/syncTransport';
import type { ForumAccess } from '../types';
import { createForumOnServer, inviteToForum, isUnknownDevice, reportHistoryUploaded, whoAmI, type Me } from './serverApi';

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
  /** How long sync.shareForum waits for the upload before it answers that it goes on in the background. */
  uploadWaitMs?: number;
  log?: SyncLog;
  backoff?: Backoff;
  webSocket?: WebSocketClass;
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

  const transport = createSyncTransport({
    local: coreDocuments(core, services),
    credentialFor: (webSocket) => credentialAt(httpOf(webSocket))?.credential ?? null,
    log,
    backoff: options.backoff,
    webSocket: options.webSocket,
  });

  const serversChanged = () => {
    for (const listener of serverListeners) listener();
  };

  /** Brings what this laptop knows of the person's standing (right, admin, may share) up to the server's answer. */
  async function learn(http: string, me: Me): Promise<void> {
    mayShare.set(http, me.mayShare);
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

  /** At start: every shared forum in step again. */
  function resume(): void {
    for (const forum of core.sharedForums()) transport.share({ forumId: forum.forumId, serverUrl: webSocketOf(forum.serverUrl) });
  }

  /**
   * Each time a forum gets through to its server (at start, after being offline), the server is asked how the
   * person stands: a right lowered to læser while the laptop was away applies here from then on.
   */
  const connected = new Set<string>();
  const asking = new Set<string>();
  const stopWatchingConnections = transport.onChange(() => {
    const now = new Set(transport.statuses().filter((s) => s.state === 'forbundet').map((s) => s.forumId));
    const servers = new Set<string>();
    for (const forum of core.sharedForums()) if (now.has(forum.forumId) && !connected.has(forum.forumId)) servers.add(forum.serverUrl);
    connected.clear();
    for (const forumId of now) connected.add(forumId);
    for (const http of servers) void ask(http);
  });

  async function ask(http: string): Promise<void> {
    const held = credentialAt(http);
    if (!held || asking.has(http) || closed) return;
    asking.add(http);
    try {
      await learn(http, await whoAmI(addressOf(http), held.credential));
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

  /** Redeems the code: a new device the first time, the membership added to this device afterwards. */
  async function redeem(address: ServerAddress, code: string): Promise<DeviceCredential> {
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
    try {
      const redeemed = await redeemInvitation(address, code, options.deviceName, held ? { credential: held.credential } : {});
      if (!held) storeCredential(address.http, redeemed);
      return redeemed;
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
        if (fresh.some((forum) => forum.forumId === forumId)) core.shareForum(forumId, http, access);
        else core.recordAccess(forumId, access);
      }
      return { value: undefined, changes: forums.map(({ forumId }): Change => ({ aggregate: 'forum', id: forumId })) };
    });
    const refused = new Set(transport.statuses().filter((s) => s.state === 'adgang-fjernet').map((s) => s.forumId));
    for (const { forumId } of forums) {
      if (fresh.some((forum) => forum.forumId === forumId) || refused.has(forumId)) transport.share({ forumId, serverUrl: webSocketOf(http) });
    }
  }

  const sharing: Sharing = {
    async join({ serverAddress, code }) {
      const address = addressOf(serverAddress);
      const device = await redeem(address, code);
      const me = await whoAmI(address, device.credential);
      mayShare.set(address.http, me.mayShare);
      await keepInStep(
        address.http,
        me.forums.map((forum) => ({ forumId: forum.forumId, access: accessOf(forum) })),
        'sync.join',
      );
      serversChanged();
      const forums: JoinedForum[] = me.forums.map(({ forumId, name, right }) => ({ forumId, name, right }));
      return { serverUrl: address.http, forums };
    },

    async shareForum({ forumId, serverAddress, forumPersonId }) {
      const address = addressOf(serverAddress);
      const forum = await forumNamed(forumId);
      const already = core.sharedForums().find((shared) => shared.forumId === forumId);
      if (already && already.serverUrl !== address.http) {
        throw new ServiceError('konflikt', `Forummet deles allerede gennem ${new URL(already.serverUrl).host}. Et forum deles gennem én server.`);
      }
      const held = credentialAt(address.http);
      if (!held) {
        throw new ServiceError(
          'konflikt',
          `Denne computer er ikke tilmeldt delingsserveren på ${new URL(address.http).host} endnu. Indløs først kommunens invitation til at dele fora.`,
        );
      }
      // Who the sharer is in the forum: as named now, or as the server knows it when the forum was shared before.
      let access: ForumAccess = { right: 'medlem', admin: true, forumPersonId: already?.forumPersonId ?? forumPersonId };
      if (!already) {
        const outcome = await createForumOnServer(address, held.credential, forumId, forum.name, forumPersonId);
        if (outcome === 'findes') {
          // Shared before from here (an earlier try cut short), or by someone else, who then holds the forum's id.
          const me = await whoAmI(address, held.credential);
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
        const closing = uploaded.then(() => reportHistoryUploaded(address, held.credential, forumId));
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
      const held = credentialAt(shared.serverUrl);
      if (!held) throw new ServiceError('konflikt', 'Denne computer har ingen nøgle til forummets delingsserver. Tilmeld den igen med en invitation.');
      return inviteToForum(addressOf(shared.serverUrl), held.credential, forumId, { right, name, forumPersonId });
    },

    forum(forumId) {
      const shared = core.sharedForums().find((forum) => forum.forumId === forumId);
      if (!shared) return { shared: false };
      const me = shared.forumPersonId === null ? null : { personId: shared.forumPersonId, name: null };
      return { shared: true, serverUrl: shared.serverUrl, right: shared.right, admin: shared.admin, me };
    },

    async servers() {
      let held: string[];
      try {
        held = credentials.servers();
      } catch {
        return [];
      }
      return Promise.all(held.map(async (http): Promise<SyncServer> => ({ serverUrl: http, canShare: await askMayShare(http) })));
    },
  };

  /** Whether the person may share on the server, as it said this session; asked when not yet (false when it cannot be reached). */
  async function askMayShare(http: string): Promise<boolean> {
    const known = mayShare.get(http);
    if (known !== undefined) return known;
    const held = credentialAt(http);
    if (!held) return false;
    try {
      const me = await whoAmI(addressOf(http), held.credential);
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
