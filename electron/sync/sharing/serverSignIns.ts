import { ServiceError } from '../../services/errors';
import { DeviceCredentialError } from '../device/deviceCredentials';
import { parseServerAddress, type ServerAddress } from '../device/serverAddress';
import type { KommuneSignIn } from '../signin/kommuneLogin';
import { providerOf, SignInError } from '../signin/serverSession';
import { createSessionKeeper, type SessionKeeper } from '../signin/sessionKeeper';
import { SignInStoreError, type SignInStore } from '../signin/signInStore';
import type { SyncLog } from '../transport/syncLog';

/** What the app or the harness gives for the kommune's login: where sign-ins are kept, and how a browser is opened. */
export interface SignInSetup {
  /** The sign-ins, sealed with safeStorage in the app (signInStoreFile), a 0600 file in the harness. */
  store: SignInStore;
  /** The system browser (shell.openExternal in the app); the harness hands the address to whoever drives it. */
  openBrowser(url: string): Promise<void> | void;
}

/** Who is signed in on one server, as the sharing screens show it. */
export interface SignInState {
  kommuneLogin: boolean;
  signedInAs: string | null;
  signInEnded: boolean;
}

/**
 * The laptop's sign-ins with the kommune's login: one session keeper per server (keyed by the server's
 * HTTPS address, as the device credentials are), the one sign-in waiting for the browser per server (so
 * «Annullér» can stop it), and what each server said about offering the login this session.
 */
export interface ServerSignIns {
  /** The session token of a signed-in person, or null: then the device credential is used. */
  bearer(http: string): Promise<string | null>;
  signedIn(http: string): boolean;
  /** The keeper's token function for the transport, where this laptop has ever signed in (else null). */
  documentToken(http: string): (() => Promise<string>) | null;
  signIn(address: ServerAddress, deviceName: string): Promise<KommuneSignIn>;
  cancel(http: string): boolean;
  /** The server refused the session token: renew now, which ends the sign-in if the server ended it. */
  refused(http: string): Promise<void>;
  signOut(address: ServerAddress): Promise<void>;
  state(http: string): Promise<SignInState>;
  /** The servers this laptop has signed in to (also where it has ended). */
  servers(): string[];
}

export function createServerSignIns(setup: SignInSetup, log: SyncLog, ended: (http: string) => void): ServerSignIns {
  const keepers = new Map<string, SessionKeeper>();
  const waiting = new Map<string, AbortController>();
  const offered = new Map<string, boolean>();

  function keeperAt(address: ServerAddress): SessionKeeper {
    let keeper = keepers.get(address.http);
    if (!keeper) {
      keeper = createSessionKeeper({
        server: address,
        store: setup.store,
        onSignInEnded: () => {
          log('login-afsluttet', { server: address.http });
          ended(address.http);
        },
      });
      keepers.set(address.http, keeper);
    }
    return keeper;
  }

  /** The keeper of a server this laptop has signed in to; none for a server it only has a device credential for. */
  function knownKeeper(http: string): SessionKeeper | null {
    const existing = keepers.get(http);
    if (existing) return existing;
    if (!readStore(() => setup.store.read(http), null)) return null;
    return keeperAt(parseServerAddress(http));
  }

  /** An unreadable sign-in file counts as no sign-in: the person signs in again, which writes it anew. */
  function readStore<T>(read: () => T, fallback: T): T {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof SignInStoreError)) throw error;
      log('loginfil-ulaeselig', { aarsag: error.name });
      return fallback;
    }
  }

  async function offersLogin(http: string): Promise<boolean> {
    const known = offered.get(http);
    if (known !== undefined) return known;
    try {
      await providerOf(parseServerAddress(http));
      offered.set(http, true);
      return true;
    } catch (error) {
      // Only a server that said so is taken as without the login; one that could not be reached is asked again.
      if (error instanceof SignInError && error.reason === 'ikke-sat-op') offered.set(http, false);
      return false;
    }
  }

  return {
    async bearer(http) {
      const keeper = knownKeeper(http);
      if (!keeper || !readStore(() => keeper.signedIn(), null)) return null;
      return keeper.token().catch(() => null);
    },
    signedIn: (http) => readStore(() => knownKeeper(http)?.signedIn() ?? null, null) !== null,
    documentToken: (http) => knownKeeper(http)?.documentToken ?? null,

    async signIn(address, deviceName) {
      if (waiting.has(address.http)) {
        throw new ServiceError('konflikt', 'Login med kommunens login er allerede i gang. Fortsæt i browseren, eller annullér login først.');
      }
      const controller = new AbortController();
      waiting.set(address.http, controller);
      try {
        const signedIn = await keeperAt(address).signIn({ deviceName, openBrowser: setup.openBrowser, signal: controller.signal });
        offered.set(address.http, true);
        log('logget-ind', { server: address.http, person: signedIn.personId, enhed: signedIn.deviceId });
        return signedIn;
      } catch (error) {
        if (error instanceof SignInError) {
          if (error.reason === 'ikke-sat-op') offered.set(address.http, false);
          log('login-mislykkedes', { server: address.http, aarsag: error.reason });
          throw new ServiceError('konflikt', error.message, error.reason === 'ikke-sat-op' || error.reason === 'utilgaengelig' ? 'serverAddress' : undefined);
        }
        // The sign-in file could not be read or sealed: the person is signed in at the server, but this laptop cannot keep it.
        if (error instanceof SignInStoreError || error instanceof DeviceCredentialError) throw new ServiceError('arkivfejl', error.message);
        throw error;
      } finally {
        waiting.delete(address.http);
      }
    },

    refused: async (http) => knownKeeper(http)?.renewNow(),

    cancel(http) {
      const controller = waiting.get(http);
      controller?.abort();
      return controller !== undefined;
    },

    async signOut(address) {
      const keeper = knownKeeper(address.http);
      if (!keeper) return;
      try {
        await keeper.signOut();
      } catch (error) {
        if (error instanceof SignInError) throw new ServiceError('konflikt', `Du blev ikke logget ud. ${error.message}`);
        throw error;
      }
      log('logget-ud', { server: address.http });
    },

    async state(http) {
      const keeper = knownKeeper(http);
      const signedIn = keeper ? readStore(() => keeper.signedIn(), null) : null;
      return {
        kommuneLogin: signedIn !== null || (await offersLogin(http)),
        signedInAs: signedIn ? (signedIn.navn ?? 'ukendt navn') : null,
        signInEnded: keeper ? readStore(() => keeper.ended(), false) : false,
      };
    },

    servers: () => readStore(() => setup.store.servers(), []),
  };
}
