// Sign-in with the kommune's identity provider, against the built server as a real process and a real
// OpenID provider on loopback (oidc-provider): the whole flow from the laptop's browser sign-in to a document,
// and every token the server must refuse. Refusals are logged with a reason, never the token.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentName } from '../../shared/sync/documents';
import { parseServerAddress } from '../../electron/sync/device/serverAddress';
import { signInWithKommune } from '../../electron/sync/signin/kommuneLogin';
import type { ServerSession } from '../../electron/sync/signin/serverSession';
import { signInAtProvider } from '../oidc/browser';
import { startOidcProvider, type TestProvider } from '../oidc/provider';
import { invite, kommuneAdmin } from './forum';
import { acknowledged, api, within } from './laptop';
import { laptop, secrets } from './scenarios';
import { sqliteStorage, type ServerProcess } from './serverProcess';
import { serverForSuite } from './suite';

const CLOSE_SIGNED_OUT = 4411;

/** The server's flags for the provider; filled in once the provider listens, before the server starts. */
function oidcArgs(provider: () => TestProvider, extra: string[] = []): string[] {
  const args: string[] = [];
  beforeAll(() => {
    args.push('--oidc-udsteder', provider().issuer, '--oidc-klient', provider().clientId, ...extra);
  });
  return args;
}

function useProvider(): () => TestProvider {
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

async function signedIn(server: ServerProcess, provider: TestProvider, sub = `person-${randomUUID()}`): Promise<ServerSession> {
  const { status, body } = await exchange(server, await provider.signIdToken({ sub }));
  expect(status, body.fejl).toBe(201);
  secrets.push(body.sessionToken, body.fornyelse);
  return body;
}

/** The shared forum a signed-in person is invited to by the kommune's administrator, and its index document. */
async function forumWith(server: ServerProcess, session: ServerSession, ret: 'medlem' | 'læser' = 'medlem'): Promise<string> {
  const admin = await kommuneAdmin(server);
  const forumId = randomUUID();
  expect((await api(server.http, 'POST', '/api/fora', { credential: admin.credential, body: { forumId, navn: 'TRIO Nordskolen' } })).status).toBe(201);
  const kode = await invite(server, admin, forumId, ret);
  const redeemed = await api<{ personId: string; credential?: string }>(server.http, 'POST', '/api/invitationer/indloes', { credential: session.sessionToken, body: { kode } });
  expect(redeemed.status).toBe(201);
  expect(redeemed.body).toEqual({ personId: session.personId, deviceId: session.deviceId });
  return documentName({ kind: 'forum', forumId });
}

async function deniedReason(server: ServerProcess, token: string, name: string): Promise<string> {
  const outcome = await within(laptop(server, token).open(name).outcome, 10_000, `afvisning af ${name}`);
  return outcome.kind === 'denied' ? outcome.reason : 'synced';
}

describe('login med kommunens identitetsudbyder', () => {
  const provider = useProvider();
  let server!: ServerProcess;
  serverForSuite(sqliteStorage, (started) => void (server = started), oidcArgs(provider));

  it('en bærbar logger ind i browseren, får serverens session og åbner forummet som medlem', async () => {
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
    expect(members.body.medlemmer).toContainEqual(expect.objectContaining({ personId: session.personId, navn: provider().nameOf('skoleleder-nordskolen') }));
  });

  it('udløbne, fremmede, forfalskede og genbrugte ID-tokens afvises med en årsag i loggen', async () => {
    const other = await startOidcProvider();
    try {
      const hourAgo = Math.floor(Date.now() / 1000) - 3600;
      const cases: [string, Promise<string>][] = [
        ['expired', provider().signIdToken({ iat: hourAgo - 600, exp: hourAgo })],
        ['wrong-audience', provider().signIdToken({ aud: 'en-anden-app' })],
        ['wrong-audience', provider().signIdToken({ aud: [provider().clientId, 'en-anden-app'], azp: 'en-anden-app' })],
        ['bad-signature', provider().signIdToken({}, 'forged')],
        ['wrong-issuer', provider().signIdToken({ iss: other.issuer })],
        ['bad-signature', other.signIdToken({ aud: provider().clientId })],
        ['not-yet-valid', provider().signIdToken({ nbf: Math.floor(Date.now() / 1000) + 600 })],
        ['too-old', provider().signIdToken({ iat: hourAgo })],
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
      const good = await provider().signIdToken();
      expect((await exchange(server, good)).status).toBe(201);
      expect((await exchange(server, good)).body.grund).toBe('login-afvist');
      await server.waitForLog((line) => line.event === 'login-refused' && line.reason === 'id-token-reused');
      for (const secret of secrets) expect(server.output()).not.toContain(secret);
    } finally {
      await other.close();
    }
  });

  it('et login, der logges ud, afbrydes med det samme og afvises bagefter', async () => {
    const session = await signedIn(server, provider());
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
  });

  it('en administrator logger en person ud på alle bærbare og spærrer en enhed', async () => {
    const sub = `person-${randomUUID()}`;
    const first = await signedIn(server, provider(), sub);
    const second = await signedIn(server, provider(), sub);
    expect(second.personId).toBe(first.personId);
    const admin = await kommuneAdmin(server);
    expect((await api(server.http, 'DELETE', `/api/personer/${first.personId}/login`, { credential: admin.credential })).status).toBe(204);
    for (const session of [first, second]) expect((await api(server.http, 'GET', '/api/mig', { credential: session.sessionToken })).status).toBe(401);
    await server.waitForLog((line) => line.event === 'sessions-revoked' && line.person === first.personId && line.count === 2);

    const third = await signedIn(server, provider(), sub);
    const index = await forumWith(server, third);
    expect((await api(server.http, 'DELETE', `/api/enheder/${third.deviceId}`, { credential: admin.credential })).status).toBe(204);
    expect(await deniedReason(server, third.sessionToken, index)).toBe('revoked-device');
    expect((await api(server.http, 'POST', '/api/login/forny', { body: { fornyelse: third.fornyelse } })).status).toBe(401);
    // Someone else may not sign a person out.
    const stranger = await signedIn(server, provider());
    expect((await api(server.http, 'DELETE', `/api/personer/${third.personId}/login`, { credential: stranger.sessionToken })).status).toBe(403);
  });
});

describe('serverens login-nøgle har en kort levetid', () => {
  const provider = useProvider();
  let server!: ServerProcess;
  serverForSuite(sqliteStorage, (started) => void (server = started), oidcArgs(provider, ['--login-sekunder', '2']));

  it('en nøgle efter sin levetid afvises, og fornyelsen giver en ny', async () => {
    const session = await signedIn(server, provider());
    const index = await forumWith(server, session);
    await laptop(server, session.sessionToken).sync(index);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const expired = await api<{ grund?: string }>(server.http, 'GET', '/api/mig', { credential: session.sessionToken });
    expect(expired.status).toBe(401);
    expect(expired.body.grund).toBe('login-udloebet');
    expect(await deniedReason(server, session.sessionToken, index)).toBe('expired-session');
    const renewed = await api<ServerSession>(server.http, 'POST', '/api/login/forny', { body: { fornyelse: session.fornyelse } });
    expect(renewed.status).toBe(200);
    secrets.push(renewed.body.sessionToken, renewed.body.fornyelse);
    expect(renewed.body.personId).toBe(session.personId);
    await laptop(server, renewed.body.sessionToken).sync(index);
  });

  it('en server uden udbyder siger, at den ikke bruger kommunens login', async () => {
    const { startServerProcess } = await import('./serverProcess');
    const storage = sqliteStorage();
    const plain = await startServerProcess(storage);
    try {
      const answer = await api<{ fejl: string }>(plain.http, 'GET', '/api/login');
      expect(answer.status).toBe(404);
      expect(answer.body.fejl).toMatch(/invitationskode/);
    } finally {
      await plain.stop();
      await storage.cleanup();
    }
  });
});
