import type { ServerAddress } from '../device/serverAddress';
import { signInWithKommune, type KommuneSignIn, type SignInOptions } from './kommuneLogin';
import { SignInError, renewSession, signOutAtServer, type ServerSession } from './serverSession';
import type { SignInEnd, SignInStore } from './signInStore';

/** A token with less than this left is renewed before it is shown: a document may authenticate a little later. */
const RENEW_MARGIN_MS = 60_000;

/**
 * Keeps one server's sign-in: signs in through the browser, hands out a session token that is valid (renewing
 * it with the stored renewal secret when it is about to run out, one renewal at a time), and signs out. The
 * transport asks `token()` each time a document authenticates (Hocuspocus' provider takes a token function).
 */
export interface SessionKeeper {
  /** A valid session token, or null when this laptop is not signed in there (then sign in again). */
  token(): Promise<string | null>;
  /**
   * The token function for the transport (`credentialFor`), the same function every time: a valid session
   * token, or '' when signed out, which the server refuses (onSignInEnded has then asked for a sign-in).
   */
  readonly documentToken: () => Promise<string>;
  signIn(options: Omit<SignInOptions, 'server' | 'previousRenewal'>): Promise<KommuneSignIn>;
  signOut(): Promise<void>;
  /** Who is signed in, as the server knows them; null when not signed in. */
  signedIn(): { personId: string; deviceId: string; navn: string | null } | null;
  /** This laptop was signed in here, and the sign-in has ended without the person signing out (sign in again). */
  ended(): boolean;
  /**
   * The server refused the session token before its time (signed out elsewhere, revoked by an admin): renews at
   * once, which either gives a new token or ends the sign-in (onSignInEnded).
   */
  renewNow(): Promise<void>;
}

export interface SessionKeeperOptions {
  server: ServerAddress;
  store: SignInStore;
  /** Called when the server ended the sign-in (expired, signed out elsewhere, revoked): the app asks to sign in again. */
  onSignInEnded?: () => void;
  now?: () => number;
}

export function createSessionKeeper(options: SessionKeeperOptions): SessionKeeper {
  const { server, store } = options;
  const key = server.http;
  const now = options.now ?? Date.now;
  let current: { token: string; expiresAt: number } | null = null;
  let renewing: Promise<string | null> | null = null;
  /**
   * How the sign-in ended this session, also when the store could not be written; the store says it across
   * restarts. The secret stays only to keep the device at the next sign-in.
   */
  let endedBy: SignInEnd | null = null;

  const remember = (session: ServerSession, navn: string | undefined): string => {
    const { personId, deviceId, fornyelse, fornyelseUdloeber } = session;
    store.write(key, { personId, deviceId, fornyelse, fornyelseUdloeber, ...(navn !== undefined && { navn }) });
    current = { token: session.sessionToken, expiresAt: Date.parse(session.udloeber) };
    endedBy = null;
    return session.sessionToken;
  };

  /** Marks the stored sign-in as over, so a restart does not take the laptop as signed in. */
  const end = (by: SignInEnd): void => {
    current = null;
    endedBy = by;
    const stored = store.read(key);
    if (stored) store.write(key, { ...stored, afsluttet: by });
  };

  const renew = async (): Promise<string | null> => {
    const stored = store.read(key);
    if (!stored || stored.afsluttet || endedBy) return null;
    try {
      return remember(await renewSession(server, stored.fornyelse), stored.navn);
    } catch (error) {
      if (error instanceof SignInError && error.reason === 'log-ind-igen') {
        end('server');
        options.onSignInEnded?.();
        return null;
      }
      throw error;
    }
  };

  const token = async (): Promise<string | null> => {
    if (current && current.expiresAt - now() > RENEW_MARGIN_MS) return current.token;
    renewing ??= renew().finally(() => (renewing = null));
    return renewing;
  };

  return {
    token,
    // A renewal that fails for want of network leaves '' too: the transport retries, and asks again.
    documentToken: async () => (await token().catch(() => null)) ?? '',
    async signIn(signInOptions) {
      const previousRenewal = store.read(key)?.fornyelse ?? null;
      const signedIn = await signInWithKommune({ ...signInOptions, server, previousRenewal });
      remember(signedIn, signedIn.navn);
      return signedIn;
    },
    async signOut() {
      const token = current?.token ?? (await renew());
      if (token) await signOutAtServer(server, token);
      end('person');
    },
    signedIn() {
      const stored = store.read(key);
      return stored && !stored.afsluttet && !endedBy ? { personId: stored.personId, deviceId: stored.deviceId, navn: stored.navn ?? null } : null;
    },
    ended() {
      return (endedBy ?? store.read(key)?.afsluttet) === 'server';
    },
    async renewNow() {
      current = null;
      // Offline now: the next token() tries again.
      await token().catch(() => null);
    },
  };
}
