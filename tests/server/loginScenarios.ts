// The sign-in scenarios, each on a running server configured with a running OpenID provider, so the same
// ones run on SQLite and on PostgreSQL.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect } from 'vitest';
import { documentName } from '../../shared/sync/documents';
import { parseServerAddress } from '../../electron/sync/device/serverAddress';
import { signInWithKommune } from '../../electron/sync/signin/kommuneLogin';
import type { ServerSession } from '../../electron/sync/signin/serverSession';
import { signInAtProvider } from '../oidc/browser';
import { startOidcProvider, type TestProvider } from '../oidc/provider';
import { invite, kommuneAdmin } from './forum';
import { acknowledged, api, within } from './laptop';
import { laptop, secrets } from './scenarios';
import type { ServerProcess } from './serverProcess';

const CLOSE_SIGNED_OUT = 4411;

/** The server's flags for the provider; filled in once the provider listens, before the server starts. */
export function oidcArgs(provider: () => TestProvider, extra: string[] = []): string[] {
  const args: string[] = [];
  beforeAll(() => {
    args.push('--oidc-udsteder', provider().issuer, '--oidc-klient', provider().clientId, ...extra);
  });
  return args;
}

export function useProvider(): () => TestProvider {
  let provider: TestProvider | undefined;
  beforeAll(async () => {
    provider = await startOidcProvider();
  });
  afterAll(() => provider?.close());
  return () => {
    if (!provider) throw new Error('Udbyderen kører ikke');
    return provider;
  };
}

async function exchange(server: ServerProcess, idToken: string, enhedsnavn = 'Bærbar'): Promise<{ status: number; body: ServerSession & { fejl?: string; grund?: string } }> {
  secrets.push(idToken);
  return api(server.http, 'POST', '/api/login', { body: { idToken, enhedsnavn } });
}

export async function signedIn(server: ServerProcess, provider: TestProvider, sub = `person-${randomUUID()}`): Promise<ServerSession> {
  const { status, body } = await exchange(server, await provider.signIdToken({ sub }));
  expect(status, body.fejl).toBe(201);
  secrets.push(body.sessionToken, body.fornyelse);
  return body;
}

/** The shared forum a signed-in person is invited to by the kommune's administrator, and its index document. */
export async function forumWith(server: ServerProcess, session: ServerSession, ret: 'medlem' | 'læser' = 'medlem'): Promise<string> {
  const admin = await kommuneAdmin(server);
  const forumId = randomUUID();
  expect((await api(server.http, 'POST', '/api/fora', { credential: admin.credential, body: { forumId, navn: 'TRIO Nordskolen' } })).status).toBe(201);
  const kode = await invite(server, admin, forumId, ret);
  const redeemed = await api<{ personId: string; credential?: string }>(server.http, 'POST', '/api/invitationer/indloes', { credential: session.sessionToken, body: { kode } });
  expect(redeemed.status).toBe(201);
  expect(redeemed.body).toEqual({ personId: session.personId, deviceId: session.deviceId });
  return documentName({ kind: 'forum', forumId });
}

export async function deniedReason(server: ServerProcess, token: string, name: string): Promise<string> {
  const outcome = await within(laptop(server, token).open(name).outcome, 10_000, `afvisning af ${name}`);
  return outcome.kind === 'denied' ? outcome.reason : 'synced';
}


export async function signsInInBrowserAndOpensForum(server: ServerProcess, provider: TestProvider): Promise<void> {
    const browsed: Promise<string>[] = [];
    const session = await signInWithKommune({
      server: parseServerAddress(server.http),
      deviceName: 'Skolelederens bærbar',
      openBrowser: (url) => void browsed.push(signInAtProvider(url, 'skoleleder-nordskolen')),
    });
    secrets.push(session.sessionToken, session.fornyelse);
    expect(await browsed[0]).toMatch(/Du er logget ind/);
    expect(session.sessionToken).toMatch(/^s\./);
    expect(Date.parse(session.udloeber) - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    // A new person has no forum until a forum administrator invites them.
    const mine = await api<{ fora: unknown[] }>(server.http, 'GET', '/api/mig', { credential: session.sessionToken });
    expect(mine.body.fora).toEqual([]);
    const index = await forumWith(server, session);
    const opened = await laptop(server, session.sessionToken).sync(index);
    expect(opened.provider.isAuthenticated).toBe(true);
    opened.doc.getMap('forum').set('navn', 'TRIO Nordskolen');
    await acknowledged(opened.provider);
    await server.waitForLog((line) => line.event === 'connected' && line.person === session.personId && line.reason === 'read-write');
    const members = await api<{ medlemmer: { personId: string; navn: string }[] }>(server.http, 'GET', `/api/fora/${index.split('/')[1]}/medlemmer`, { credential: session.sessionToken });
    expect(members.body.medlemmer).toContainEqual(expect.objectContaining({ personId: session.personId, navn: provider.nameOf('skoleleder-nordskolen') }));
}

export async function refusesBadIdTokens(server: ServerProcess, provider: TestProvider): Promise<void> {
    const other = await startOidcProvider();
    try {
      const hourAgo = Math.floor(Date.now() / 1000) - 3600;
      const cases: [string, Promise<string>][] = [
        ['expired', provider.signIdToken({ iat: hourAgo - 600, exp: hourAgo })],
        ['wrong-audience', provider.signIdToken({ aud: 'en-anden-app' })],
        ['wrong-audience', provider.signIdToken({ aud: [provider.clientId, 'en-anden-app'], azp: 'en-anden-app' })],
        ['bad-signature', provider.signIdToken({}, 'forged')],
        ['wrong-issuer', provider.signIdToken({ iss: other.issuer })],
        ['bad-signature', other.signIdToken({ aud: provider.clientId })],
        ['not-yet-valid', provider.signIdToken({ nbf: Math.floor(Date.now() / 1000) + 600 })],
        ['too-old', provider.signIdToken({ iat: hourAgo })],
        ['malformed', Promise.resolve('ikke.et.token')],
      ];
      for (const [reason, token] of cases) {
        const before = server.logs().length;
        const { status, body } = await exchange(server, await token);
        expect(status, reason).toBe(401);
        expect(body.fejl).toMatch(/kommunens login/);
        expect(body.grund).toBe('login-afvist');
        const logged = server.logs().slice(before).find((line) => line.event === 'login-refused');
        expect(logged?.reason, reason).toBe(reason);
      }
      // A good token is exchanged once; the same token again is refused.
      const good = await provider.signIdToken();
      expect((await exchange(server, good)).status).toBe(201);
      expect((await exchange(server, good)).body.grund).toBe('login-afvist');
      await server.waitForLog((line) => line.event === 'login-refused' && line.reason === 'id-token-reused');
      for (const secret of secrets) expect(server.output()).not.toContain(secret);
    } finally {
      await other.close();
    }
}

export async function signOutCutsOffAtOnce(server: ServerProcess, provider: TestProvider): Promise<void> {
    const session = await signedIn(server, provider);
    const index = await forumWith(server, session);
    const open = laptop(server, session.sessionToken);
    await open.sync(index);
    const closed = new Promise<number>((resolve) => open.socket.on('disconnect', ({ event }: { event: { code: number } }) => resolve(event.code)));
    expect((await api(server.http, 'DELETE', '/api/login', { credential: session.sessionToken })).status).toBe(204);
    expect(await within(closed, 5000, 'lukning af socketten')).toBe(CLOSE_SIGNED_OUT);
    expect(await deniedReason(server, session.sessionToken, index)).toBe('revoked-session');
    const after = await api<{ grund?: string }>(server.http, 'GET', '/api/mig', { credential: session.sessionToken });
    expect(after.status).toBe(401);
    expect(after.body.grund).toBe('logget-ud');
    expect((await api(server.http, 'POST', '/api/login/forny', { body: { fornyelse: session.fornyelse } })).status).toBe(401);
}

export async function adminSignsPersonOutAndRevokesDevice(server: ServerProcess, provider: TestProvider): Promise<void> {
    const sub = `person-${randomUUID()}`;
    const first = await signedIn(server, provider, sub);
    const second = await signedIn(server, provider, sub);
    expect(second.personId).toBe(first.personId);
    const admin = await kommuneAdmin(server);
    expect((await api(server.http, 'DELETE', `/api/personer/${first.personId}/login`, { credential: admin.credential })).status).toBe(204);
    for (const session of [first, second]) expect((await api(server.http, 'GET', '/api/mig', { credential: session.sessionToken })).status).toBe(401);
    await server.waitForLog((line) => line.event === 'sessions-revoked' && line.person === first.personId && line.count === 2);

    const third = await signedIn(server, provider, sub);
    const index = await forumWith(server, third);
    expect((await api(server.http, 'DELETE', `/api/enheder/${third.deviceId}`, { credential: admin.credential })).status).toBe(204);
    expect(await deniedReason(server, third.sessionToken, index)).toBe('revoked-device');
    expect((await api(server.http, 'POST', '/api/login/forny', { body: { fornyelse: third.fornyelse } })).status).toBe(401);
    // Someone else may not sign a person out.
    const stranger = await signedIn(server, provider);
    expect((await api(server.http, 'DELETE', `/api/personer/${third.personId}/login`, { credential: stranger.sessionToken })).status).toBe(403);
}
