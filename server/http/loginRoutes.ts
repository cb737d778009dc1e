import { IdTokenRefused, type IdTokenVerifier, type OidcSettings } from '../auth/idTokens';
import type { ServerSession } from '../../shared/sync/session';
import type { Sessions } from '../auth/sessions';
import type { Log } from '../log';
import { Refusal } from '../membership/refusal';
import type { Registry } from '../membership/registry';
import type { Scope } from '../sync/enforcement';
import { id, send, text } from './json';
import type { Call, Route } from './routes';

/** An ID token is a few KB at most; Entra's with many groups stays well under this. */
const MAX_TOKEN_LENGTH = 16_384;
const SIGN_IN_AGAIN = 'Login er udløbet eller afsluttet. Log ind med kommunens login igen.';

export interface Login {
  settings: OidcSettings;
  verifier: IdTokenVerifier;
}

function issued(session: ServerSession): ServerSession {
  const { personId, deviceId, sessionToken, udloeber, fornyelse, fornyelseUdloeber } = session;
  return { personId, deviceId, sessionToken, udloeber, fornyelse, fornyelseUdloeber };
}

/**
 * Sign-in with the kommune's identity provider. The laptop signs in at the provider itself (authorization
 * code with PKCE in the system browser) and brings the ID token here: the token OpenID Connect issues to the
 * app (its audience is the client id laptops and server share), always a JWT signed with the provider's
 * published keys. An access token would do only if the server were registered as an API of its own at the
 * provider (Entra's default access token is for Microsoft Graph and not meant to be checked by others). The
 * server answers with its own session token and renewal secret (server/auth/sessions.ts).
 */
export function loginRoutes(login: Login | null, sessions: Sessions, registry: Registry, log: Log, enforce: (scope: Scope) => Promise<void>): Route[] {
  const configured = (): Login => {
    if (!login) throw new Refusal(404, 'Serveren er ikke sat op til login med kommunens login. Brug en invitationskode i stedet.');
    return login;
  };

  return [
    {
      method: 'GET',
      path: /^\/api\/login$/,
      handle: async ({ response }) => {
        const { settings } = configured();
        send(response, 200, { udsteder: settings.issuer, klientId: settings.clientId });
      },
    },
    {
      method: 'POST',
      path: /^\/api\/login$/,
      handle: async ({ body, response }) => {
        const { verifier } = configured();
        const idToken = text(body, 'idToken', 'Login-beviset', MAX_TOKEN_LENGTH);
        const enhedsnavn = text(body, 'enhedsnavn', 'Enhedens navn', 100);
        const previous = typeof body['tidligereFornyelse'] === 'string' && body['tidligereFornyelse'].length <= 200 ? body['tidligereFornyelse'] : null;
        const identity = await verifier.verify(idToken).catch((error: unknown) => {
          if (!(error instanceof IdTokenRefused)) throw error;
          log({ event: 'login-refused', reason: error.reason });
          if (error.reason === 'provider-unreachable') throw new Refusal(503, 'Serveren kan ikke nå kommunens login lige nu. Prøv igen om lidt.');
          throw new Refusal(401, 'Serveren kunne ikke godkende login fra kommunens login. Log ind igen; sker det igen, så kontakt kommunens IT.', 'login-afvist');
        });
        const session = await sessions.signIn(identity, enhedsnavn, previous);
        if (session === 'id-token-reused') {
          log({ event: 'login-refused', reason: session });
          throw new Refusal(401, 'Det login er allerede brugt. Log ind med kommunens login igen.', 'login-afvist');
        }
        log({ event: 'signed-in', person: session.personId, device: session.deviceId });
        send(response, 201, issued(session));
      },
    },
    {
      method: 'POST',
      path: /^\/api\/login\/forny$/,
      handle: async ({ body, response }) => {
        const renewal = text(body, 'fornyelse', 'Fornyelsen', 200);
        const renewed = await sessions.renew(renewal);
        if (typeof renewed === 'string') {
          log({ event: 'renew-refused', reason: renewed });
          // A replayed secret ended its session: connections still open on it close now.
          if (renewed === 'renewal-replayed') await enforce({});
          throw new Refusal(401, SIGN_IN_AGAIN, 'logget-ud');
        }
        log({ event: 'renewed', person: renewed.personId, device: renewed.deviceId });
        send(response, 200, issued(renewed));
      },
    },
    {
      method: 'DELETE',
      path: /^\/api\/login$/,
      handle: async ({ caller, response }) => {
        if (!caller?.sessionId) throw new Refusal(400, 'Kun et login med kommunens login kan logges ud; en enhed fra en invitation spærres under enheder.');
        await sessions.signOut(caller.sessionId);
        log({ event: 'signed-out', person: caller.personId, device: caller.deviceId });
        await enforce({ sessionId: caller.sessionId });
        send(response, 204);
      },
    },
    {
      method: 'DELETE',
      path: /^\/api\/personer\/([^/]+)\/login$/,
      handle: async (call: Call) => {
        const caller = call.caller;
        if (!caller) throw new Refusal(401, 'Enheden er ikke kendt på serveren eller er spærret.');
        const personId = id(call.params[0], 'Personens id');
        const allowed = personId === caller.personId || caller.kommuneAdmin || (await registry.administersPerson(caller.personId, personId));
        if (!allowed) throw new Refusal(403, 'Kun personen selv, en administrator af et af personens fora eller en kommuneadministrator må logge personen ud.');
        const ended = await sessions.revokePerson(personId);
        log({ event: 'sessions-revoked', person: personId, device: caller.deviceId, count: ended });
        await enforce({ personId });
        send(call.response, 204);
      },
    },
  ];
}
