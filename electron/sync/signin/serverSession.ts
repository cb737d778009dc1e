import type { ServerSession } from '../../../shared/sync/session';
import type { ServerAddress } from '../device/serverAddress';

export type { ServerSession };

/**
 * Why signing in or renewing gave no session:
 *   'ikke-sat-op'       the server is not set up for the kommune's login (use an invitation code);
 *   'utilgaengelig'     the server or the kommune's login could not be reached;
 *   'afbrudt'           the sign-in in the browser was cancelled, refused by the provider, or not finished in time;
 *   'afvist'            the server did not accept the provider's answer;
 *   'log-ind-igen'      the sign-in has ended (expired, signed out, revoked): sign in again;
 *   'serverfejl'        the server answered, but not as it should.
 */
export type SignInRefusal = 'ikke-sat-op' | 'utilgaengelig' | 'afbrudt' | 'afvist' | 'log-ind-igen' | 'serverfejl';

export class SignInError extends Error {
  override readonly name = 'SignInError';
  constructor(
    readonly reason: SignInRefusal,
    message: string,
  ) {
    super(message);
  }
}

export const SIGN_IN_MESSAGES: Record<SignInRefusal, string> = {
  'ikke-sat-op': 'Delingsserveren er ikke sat op til login med kommunens login. Brug en invitationskode fra forummets administrator.',
  utilgaengelig: 'Delingsserveren eller kommunens login kan ikke nås. Tjek computerens netværk, og prøv igen.',
  afbrudt: 'Login blev ikke gennemført i browseren. Prøv igen.',
  afvist: 'Delingsserveren godkendte ikke login fra kommunens login. Prøv igen; sker det igen, så kontakt kommunens IT.',
  'log-ind-igen': 'Dit login er udløbet eller afsluttet. Log ind med kommunens login igen; dine ændringer venter på computeren.',
  serverfejl: 'Delingsserveren svarede ikke, som den skulle. Prøv igen senere, eller kontakt kommunens IT.',
};

export const refused = (reason: SignInRefusal): SignInError => new SignInError(reason, SIGN_IN_MESSAGES[reason]);

const TIMEOUT_MS = 15_000;

export async function callServer(server: ServerAddress, method: string, path: string, options: { body?: unknown; bearer?: string } = {}): Promise<{ status: number; body: unknown }> {
  let response: Response;
  try {
    response = await fetch(`${server.http}${path}`, {
      method,
      headers: {
        ...(options.body !== undefined && { 'content-type': 'application/json' }),
        ...(options.bearer && { authorization: `Bearer ${options.bearer}` }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'error',
    });
  } catch {
    throw refused('utilgaengelig');
  }
  return { status: response.status, body: await response.json().catch(() => null) };
}

function isServerSession(value: unknown): value is ServerSession {
  if (typeof value !== 'object' || value === null) return false;
  const fields = value as Record<string, unknown>;
  return ['personId', 'deviceId', 'sessionToken', 'udloeber', 'fornyelse', 'fornyelseUdloeber'].every(
    (key) => typeof fields[key] === 'string' && fields[key] !== '' && (fields[key] as string).length <= 4096,
  );
}

function sessionIn(body: unknown): ServerSession {
  if (!isServerSession(body)) throw refused('serverfejl');
  const { personId, deviceId, sessionToken, udloeber, fornyelse, fornyelseUdloeber } = body;
  return { personId, deviceId, sessionToken, udloeber, fornyelse, fornyelseUdloeber };
}

/** The provider the server trusts: the laptop signs in there, with the client id the server checks. */
export async function providerOf(server: ServerAddress): Promise<{ issuer: string; clientId: string }> {
  const { status, body } = await callServer(server, 'GET', '/api/login');
  if (status === 404) throw refused('ikke-sat-op');
  const { udsteder, klientId } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (status !== 200 || typeof udsteder !== 'string' || typeof klientId !== 'string') throw refused('serverfejl');
  return { issuer: udsteder, clientId: klientId };
}

/** Exchanges the provider's ID token for the server's session (POST /api/login). */
export async function exchangeIdToken(server: ServerAddress, idToken: string, deviceName: string, previousRenewal: string | null): Promise<ServerSession> {
  const { status, body } = await callServer(server, 'POST', '/api/login', {
    body: { idToken, enhedsnavn: deviceName, ...(previousRenewal && { tidligereFornyelse: previousRenewal }) },
  });
  if (status === 201) return sessionIn(body);
  throw refused(status === 401 || status === 400 ? 'afvist' : status === 503 ? 'utilgaengelig' : status === 404 ? 'ikke-sat-op' : 'serverfejl');
}

/** Exchanges the renewal secret for the next session token and secret (POST /api/login/forny). */
export async function renewSession(server: ServerAddress, renewal: string): Promise<ServerSession> {
  const { status, body } = await callServer(server, 'POST', '/api/login/forny', { body: { fornyelse: renewal } });
  if (status === 200) return sessionIn(body);
  throw refused(status === 401 || status === 400 ? 'log-ind-igen' : 'serverfejl');
}

/** Ends the sign-in at the server (DELETE /api/login); its token and renewal secret are refused from then on. */
export async function signOutAtServer(server: ServerAddress, sessionToken: string): Promise<void> {
  const { status } = await callServer(server, 'DELETE', '/api/login', { bearer: sessionToken });
  // Already ended is as good as ended.
  if (status !== 204 && status !== 401) throw refused('serverfejl');
}
