import * as oidc from 'openid-client';
import type { ServerAddress } from '../device/serverAddress';
import { openLoopbackRedirect } from './loopbackRedirect';
import { exchangeIdToken, providerOf, refused, type ServerSession, SignInError } from './serverSession';

export interface SignInOptions {
  server: ServerAddress;
  /** How the computer is named in the server's list of devices, e.g. «Skolelederens bærbare». */
  deviceName: string;
  /** Opens the provider's login page in the system browser: Electron's shell.openExternal in the app. */
  openBrowser(url: string): Promise<void> | void;
  /** The renewal secret of this laptop's last sign-in at the server, so it keeps its device there. */
  previousRenewal?: string | null;
  /** How long the person has to sign in in the browser. */
  timeoutMs?: number;
  /** Aborts the wait for the browser (the person pressed «Annullér»): the sign-in ends as 'afbrudt'. */
  signal?: AbortSignal;
}

/** The server's session, and the person's name as the provider gave it (as the server names the person). */
export type KommuneSignIn = ServerSession & { navn: string };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const DEFAULT_TIMEOUT_MS = 5 * 60_000;

/**
 * Signs this laptop in with the kommune's identity provider, as RFC 8252 describes for native apps: the
 * authorization code flow with PKCE (S256), state and nonce, in the system browser, back to a loopback
 * redirect on a random port; then the provider's ID token is exchanged for the server's own session.
 * Throws a SignInError with a Danish message; no token or code is ever part of a message.
 */
export async function signInWithKommune(options: SignInOptions): Promise<KommuneSignIn> {
  const deviceName = options.deviceName.trim();
  if (deviceName === '' || deviceName.length > 100) {
    throw new SignInError('afvist', 'Giv computeren et navn på højst 100 tegn, fx «Skolelederens bærbare», så den kan kendes på serverens liste.');
  }
  const provider = await providerOf(options.server);
  let config: oidc.Configuration;
  try {
    const issuer = new URL(provider.issuer);
    // Plain http only for a provider on this computer (a try-out, the tests); the server refuses others anyway.
    const execute = issuer.protocol === 'http:' && LOOPBACK_HOSTS.has(issuer.hostname) ? [oidc.allowInsecureRequests] : [];
    config = await oidc.discovery(issuer, provider.clientId, undefined, oidc.None(), { execute, timeout: 15 });
  } catch {
    throw refused('utilgaengelig');
  }

  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  if (options.signal?.aborted) throw refused('afbrudt');
  const redirect = await openLoopbackRedirect(state, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const cancel = () => redirect.close();
  options.signal?.addEventListener('abort', cancel, { once: true });
  let idToken: string | undefined;
  let navn = NO_NAME;
  try {
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirect.redirectUri,
      scope: 'openid profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    await options.openBrowser(url.href);
    const answer = await redirect.answer.catch(() => {
      throw refused('afbrudt');
    });
    const tokens = await oidc.authorizationCodeGrant(config, answer, { pkceCodeVerifier: codeVerifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true });
    idToken = tokens.id_token;
    navn = nameIn(tokens.claims());
  } catch (error) {
    if (error instanceof SignInError) throw error;
    // The provider refused (access_denied in the redirect), or its answer did not hold up (state, nonce, signature).
    throw refused(error instanceof oidc.AuthorizationResponseError || error instanceof oidc.ResponseBodyError ? 'afbrudt' : 'afvist');
  } finally {
    options.signal?.removeEventListener('abort', cancel);
    redirect.close();
  }
  if (!idToken) throw refused('afvist');
  const session = await exchangeIdToken(options.server, idToken, deviceName, options.previousRenewal ?? null);
  return { ...session, navn };
}

const NO_NAME = 'Ukendt navn';

/** The name the server gives the person, from the same claims (server/auth/idTokens.ts). */
function nameIn(claims: oidc.IDToken | undefined): string {
  for (const claim of [claims?.['name'], claims?.['preferred_username']]) {
    if (typeof claim === 'string' && claim !== '' && claim.length <= 255) return claim;
  }
  return NO_NAME;
}
