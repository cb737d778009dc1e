import type { ServerAddress } from '../device/serverAddress';
import { signInWithKommune, type SignInOptions } from './kommuneLogin';
import { SignInError, renewSession, signOutAtServer, type ServerSession } from './serverSession';
import type { SignInStore } from './signInStore';

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
  signIn(options: Omit<SignInOptions, 'server' | 'previousRenewal'>): Promise<ServerSession>;
  signOut(): Promise<void>;
  /** Who is signed in, as the server knows them; null when not signed in. */
  signedIn(): { personId: string; deviceId: string } | null;
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
  /** Set once the server refused the renewal: the stored secret stays only to keep the device at the next sign-in. */
  let ended = false;

  const remember = (session: ServerSession): string => {
    store.write(key, { personId: session.personId, deviceId: session.deviceId, fornyelse: session.fornyelse, fornyelseUdloeber: session.fornyelseUdloeber });
    current = { token: session.sessionToken, expiresAt: Date.parse(session.udloeber) };
    ended = false;
    return session.sessionToken;
  };

  const renew = async (): Promise<string | null> => {
    const stored = store.read(key);
    if (!stored || ended) return null;
    try {
      return remember(await renewSession(server, stored.fornyelse));
    } catch (error) {
      if (error instanceof SignInError && error.reason === 'log-ind-igen') {
        ended = true;
        current = null;
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
      return signInWithKommune({ ...signInOptions, server, previousRenewal }).then((session) => (remember(session), session));
    },
    async signOut() {
      const token = current?.token ?? (await renew());
      if (token) await signOutAtServer(server, token);
      current = null;
      ended = true;
    },
    signedIn() {
      const stored = store.read(key);
      return stored && !ended ? { personId: stored.personId, deviceId: stored.deviceId } : null;
    },
  };
}
