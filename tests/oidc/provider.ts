// A real OpenID provider on loopback (the oidc-provider package, the certified implementation), for the sign-in
// tests: authorization code with PKCE for a native app, its own login and consent pages, ID tokens signed
// with a key this fixture made. The refusal tests sign tokens with that key (or another) and change one claim.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWTPayload } from 'jose';
import Provider from 'oidc-provider';

export const TEST_CLIENT_ID = 'samtalerum-test';

export interface TestProvider {
  issuer: string;
  clientId: string;
  /** The name the provider gives a login (as `name` in the ID token). */
  nameOf(login: string): string;
  /**
   * An ID token as this provider signs them (its key, its issuer, the client as audience, issued now, valid
   * an hour), with `claims` on top; `key` signs with another key under the same key id (a forgery).
   */
  signIdToken(claims?: JWTPayload, key?: 'provider' | 'forged'): Promise<string>;
  close(): Promise<void>;
}

export async function startOidcProvider(): Promise<TestProvider> {
  const kid = `test-${randomUUID()}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const forgedKey = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };

  let handle: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) => response.writeHead(503).end();
  const http = createServer((request, response) => handle(request, response));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const nameOf = (login: string): string => `Testperson ${login}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT_ID,
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        // RFC 8252 7.3: a native app's loopback redirect matches on any port.
        redirect_uris: ['http://127.0.0.1/login'],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [jwk] },
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub, name: nameOf(sub) }) }),
    claims: { openid: ['sub'], profile: ['name'] },
    // The name goes in the ID token itself, as Entra ID puts it there.
    conformIdTokenClaims: false,
    cookies: { keys: [randomUUID()] },
    features: { devInteractions: { enabled: true } },
    ttl: { AuthorizationCode: 60, Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 3600 },
  });
  // oidc-provider reports problems as events; a test that goes wrong says so through its assertions.
  provider.on('server_error', () => undefined);
  handle = provider.callback();

  const sign = (key: CryptoKey, claims: JWTPayload): Promise<string> => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ iss: issuer, aud: TEST_CLIENT_ID, sub: `person-${randomUUID()}`, jti: randomUUID(), iat: now, exp: now + 3600, name: 'Forfalsket Person', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .sign(key);
  };

  return {
    issuer,
    clientId: TEST_CLIENT_ID,
    nameOf,
    signIdToken: (claims = {}, key = 'provider') => sign(key === 'provider' ? privateKey : forgedKey, claims),
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}
