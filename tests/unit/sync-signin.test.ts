// The laptop's sign-in with the kommune's login: authorization code + PKCE against a real OpenID provider on
// loopback (oidc-provider), its login form filled in by a headless browser, the redirect back to the laptop's
// loopback listener, and the exchange for the real server's session; the renewal secret kept sealed (0600).
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSyncTransport } from '../../electron/sync/transport/syncTransport';
import type { Sealer } from '../../electron/sync/device/deviceCredentials';
import { parseServerAddress } from '../../electron/sync/device/serverAddress';
import { signInWithKommune } from '../../electron/sync/signin/kommuneLogin';
import { SignInError } from '../../electron/sync/signin/serverSession';
import { createSessionKeeper } from '../../electron/sync/signin/sessionKeeper';
import { signInStoreFile } from '../../electron/sync/signin/signInStore';
import { signInAtProvider } from '../oidc/browser';
import { startOidcProvider, type TestProvider } from '../oidc/provider';
import { startKommuneServer, type InProcessServer } from './sync/kommuneServer';
import { TEST_BACKOFF, forumIndex, meetingDoc } from './sync/laptop';
import { MemoryDocuments } from './sync/memoryDocuments';

/** A sealer that is not the identity, so the test sees that what lands on disk is the sealed form. */
const XOR_SEALER: Sealer = {
  seal: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((byte) => byte ^ 0x5a)),
  open: (sealed) => Buffer.from(sealed.map((byte) => byte ^ 0x5a)).toString('utf8'),
};

let provider: TestProvider;
let server: InProcessServer;
const folders: string[] = [];
const browsed: string[] = [];

function folder(): string {
  const made = mkdtempSync(join(tmpdir(), 'samtalerum-signin-'));
  folders.push(made);
  return made;
}

/** The system browser: the person signs in as `login` at the provider. */
const browserAs =
  (login: string) =>
  (url: string): void => {
    browsed.push(url);
    void signInAtProvider(url, login).catch(() => undefined);
  };

async function call(http: string, method: string, path: string, bearer: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${http}${path}`, {
    method,
    headers: { authorization: `Bearer ${bearer}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

async function me(http: string, token: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${http}/api/mig`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  provider = await startOidcProvider();
  server = await startKommuneServer({ issuer: provider.issuer, clientId: provider.clientId }, { tokenSeconds: 90, sessionSeconds: 3600 });
});
afterAll(async () => {
  await server.stop();
  await provider.close();
});
afterEach(() => {
  folders.splice(0).forEach((made) => rmSync(made, { recursive: true, force: true }));
});

describe('login med kommunens login på den bærbare', () => {
  it('logger ind i systembrowseren med PKCE og en loopback-adresse og får serverens session', async () => {
    const session = await signInWithKommune({ server: parseServerAddress(server.http), deviceName: 'Skolelederens bærbar', openBrowser: browserAs('skoleleder') });
    const asked = new URL(browsed.at(-1) ?? '');
    expect(asked.origin).toBe(provider.issuer);
    expect(asked.searchParams.get('client_id')).toBe(provider.clientId);
    expect(asked.searchParams.get('code_challenge_method')).toBe('S256');
    expect(asked.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(asked.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/login$/);
    expect(asked.searchParams.get('state')).toBeTruthy();
    expect(asked.searchParams.get('nonce')).toBeTruthy();

    const mine = await me(server.http, session.sessionToken);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ personId: session.personId, deviceId: session.deviceId, kommuneAdmin: false, fora: [] });
    expect(server.logs).toContainEqual(expect.objectContaining({ event: 'signed-in', person: session.personId }));
    // The same person at the provider is the same person at the server, also on another laptop.
    const again = await signInWithKommune({ server: parseServerAddress(server.http), deviceName: 'TR-bærbar', openBrowser: browserAs('skoleleder') });
    expect(again.personId).toBe(session.personId);
    expect(again.deviceId).not.toBe(session.deviceId);
  });

  it('gemmer fornyelsen forseglet (0600), fornyer nøglen selv og logger ud', async () => {
    const file = join(folder(), 'login.bin');
    const store = signInStoreFile(file, XOR_SEALER);
    let now = Date.now();
    const keeper = createSessionKeeper({ server: parseServerAddress(server.http), store, now: () => now });
    expect(await keeper.token()).toBeNull();
    const session = await keeper.signIn({ deviceName: 'AMR-bærbar', openBrowser: browserAs('amr') });

    expect(statSync(file).mode & 0o777).toBe(0o600);
    const raw = readFileSync(file);
    expect(raw.includes(Buffer.from(session.fornyelse))).toBe(false);
    expect(store.read(server.http)).toMatchObject({ personId: session.personId, deviceId: session.deviceId, fornyelse: session.fornyelse });
    expect(await keeper.token()).toBe(session.sessionToken);

    // Less than a minute left of the token's 90 seconds: the keeper renews it, and the renewal secret rotates.
    now += 45_000;
    const renewed = await keeper.token();
    expect(renewed).not.toBe(session.sessionToken);
    expect(renewed).toMatch(/^s\./);
    expect(store.read(server.http)?.fornyelse).not.toBe(session.fornyelse);
    expect((await me(server.http, renewed ?? '')).status).toBe(200);

    // A later sign-in on this laptop keeps its device at the server.
    const later = await keeper.signIn({ deviceName: 'AMR-bærbar', openBrowser: browserAs('amr') });
    expect(later.deviceId).toBe(session.deviceId);

    await keeper.signOut();
    expect(await keeper.token()).toBeNull();
    expect(keeper.signedIn()).toBeNull();
    const refused = await me(server.http, later.sessionToken);
    expect(refused.status).toBe(401);
    expect(refused.body['grund']).toBe('logget-ud');
  });

  it('husker navnet, og efter en genstart er et login, der er logget ud, ikke udløbet og ikke logget ind', async () => {
    const file = join(folder(), 'login.bin');
    const address = parseServerAddress(server.http);
    const keeper = createSessionKeeper({ server: address, store: signInStoreFile(file) });
    const session = await keeper.signIn({ deviceName: 'TR-bærbar', openBrowser: browserAs('tr-nord') });
    expect(session.navn).toBe(provider.nameOf('tr-nord'));
    expect(keeper.signedIn()).toEqual({ personId: session.personId, deviceId: session.deviceId, navn: provider.nameOf('tr-nord') });

    await keeper.signOut();
    // The program starts again: the stored sign-in says it ended by the person's own doing.
    const restarted = createSessionKeeper({ server: address, store: signInStoreFile(file) });
    expect(restarted.signedIn()).toBeNull();
    expect(restarted.ended()).toBe(false);
    expect(await restarted.token()).toBeNull();
    // Signing in again keeps the laptop's device at the server.
    const again = await restarted.signIn({ deviceName: 'TR-bærbar', openBrowser: browserAs('tr-nord') });
    expect(again.deviceId).toBe(session.deviceId);
    expect(restarted.signedIn()?.navn).toBe(provider.nameOf('tr-nord'));
  });

  it('«Annullér» stopper ventetiden på browseren med en dansk besked og lukker loopback-adressen', async () => {
    const cancel = new AbortController();
    let redirectUri = '';
    const error = await signInWithKommune({
      server: parseServerAddress(server.http),
      deviceName: 'Bærbar',
      signal: cancel.signal,
      openBrowser: (url) => {
        redirectUri = new URL(url).searchParams.get('redirect_uri') ?? '';
        setTimeout(() => cancel.abort(), 50);
      },
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: 'afbrudt', message: expect.stringMatching(/ikke gennemført/) });
    await expect(fetch(redirectUri)).rejects.toThrow();
  });

  it('en brugt fornyelse, der vises igen, afslutter sessionen', async () => {
    const store = signInStoreFile(join(folder(), 'login.bin'));
    const ended: string[] = [];
    let now = Date.now();
    const keeper = createSessionKeeper({ server: parseServerAddress(server.http), store, now: () => now, onSignInEnded: () => ended.push('slut') });
    await keeper.signIn({ deviceName: 'Sekretærens pc', openBrowser: browserAs('sekretaer') });
    const stolen = store.read(server.http)?.fornyelse ?? '';
    now += 45_000;
    const renewed = (await keeper.token()) ?? '';
    // A copy of the old secret is shown again (as by someone who copied the file): the whole sign-in ends.
    const replay = await fetch(`${server.http}/api/login/forny`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fornyelse: stolen }) });
    expect(replay.status).toBe(401);
    expect((await me(server.http, renewed)).status).toBe(401);
    now += 45_000;
    expect(await keeper.token()).toBeNull();
    expect(ended).toEqual(['slut']);
    expect(keeper.ended()).toBe(true);
    expect(server.logs).toContainEqual(expect.objectContaining({ event: 'renew-refused', reason: 'renewal-replayed' }));
    // After a restart too, the laptop asks the person to sign in again, and does not show them as signed in.
    const restarted = createSessionKeeper({ server: parseServerAddress(server.http), store });
    expect(restarted.ended()).toBe(true);
    expect(restarted.signedIn()).toBeNull();
  });

  it('en server uden kommunens login siger det på dansk', async () => {
    const plain = await startKommuneServer(null);
    try {
      const error = await signInWithKommune({ server: parseServerAddress(plain.http), deviceName: 'Bærbar', openBrowser: browserAs('x') }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SignInError);
      expect(error).toMatchObject({ reason: 'ikke-sat-op', message: expect.stringMatching(/invitationskode/) });
    } finally {
      await plain.stop();
    }
  });

  it('et login, der ikke gennemføres i browseren, giver en dansk besked og lukker loopback-adressen', async () => {
    let redirectUri = '';
    const error = await signInWithKommune({
      server: parseServerAddress(server.http),
      deviceName: 'Bærbar',
      timeoutMs: 500,
      openBrowser: (url) => {
        redirectUri = new URL(url).searchParams.get('redirect_uri') ?? '';
      },
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: 'afbrudt', message: expect.stringMatching(/ikke gennemført/) });
    await expect(fetch(redirectUri)).rejects.toThrow();
  });

  it('et svar med en fremmed state tages ikke imod', async () => {
    const error = await signInWithKommune({
      server: parseServerAddress(server.http),
      deviceName: 'Bærbar',
      timeoutMs: 1500,
      openBrowser: async (url) => {
        const redirectUri = new URL(url).searchParams.get('redirect_uri') ?? '';
        const forged = await fetch(`${redirectUri}?code=stjaalet&state=en-anden`);
        expect(forged.status).toBe(404);
      },
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: 'afbrudt' });
  });

  it('transporten holder et forum i takt med login og viser en fornyet nøgle, når den gamle er udløbet', async () => {
    const shortLived = await startKommuneServer({ issuer: provider.issuer, clientId: provider.clientId }, { tokenSeconds: 2, sessionSeconds: 3600 });
    let closeTransport: () => void = () => undefined;
    try {
      const anonymous = await fetch(`${shortLived.http}/api/invitationer/indloes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kode: await shortLived.adminInvitation(), enhedsnavn: 'IT-afdelingens pc' }),
      });
      const admin = ((await anonymous.json()) as { credential: string }).credential;
      const forumId = randomUUID();
      expect((await call(shortLived.http, 'POST', '/api/fora', admin, { forumId, navn: 'TRIO Østskolen' })).status).toBe(201);
      const invitation = await call(shortLived.http, 'POST', `/api/fora/${forumId}/invitationer`, admin, { ret: 'medlem', navn: 'Skoleleder' });

      const keeper = createSessionKeeper({ server: parseServerAddress(shortLived.http), store: signInStoreFile(join(folder(), 'login.bin')) });
      const session = await keeper.signIn({ deviceName: 'Skolelederens bærbar', openBrowser: browserAs('skoleleder-oest') });
      expect((await call(shortLived.http, 'POST', '/api/invitationer/indloes', session.sessionToken, { kode: invitation.body['kode'] })).status).toBe(201);

      const docs = new MemoryDocuments();
      const sync = createSyncTransport({ local: docs, credentialFor: () => keeper.documentToken, backoff: TEST_BACKOFF, log: () => undefined });
      closeTransport = () => sync.close();
      sync.share({ forumId, serverUrl: shortLived.url });
      await sync.settled(forumId, 10_000);

      // The first token has run out; a meeting added now opens a document, which authenticates with a renewed one.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      const meetingId = randomUUID();
      docs.write(forumIndex(forumId), (doc) => doc.getMap('moeder').set(meetingId, true));
      docs.write(meetingDoc(forumId, meetingId), (doc) => doc.getText('punkt').insert(0, 'Trivsel'));
      await sync.settled(forumId, 10_000);
      expect(shortLived.logs).toContainEqual(expect.objectContaining({ event: 'connected', document: meetingDoc(forumId, meetingId), person: session.personId }));
      expect(shortLived.logs).toContainEqual(expect.objectContaining({ event: 'renewed', person: session.personId }));
      expect(shortLived.logs.some((line) => line.event === 'denied')).toBe(false);
    } finally {
      closeTransport();
      await shortLived.stop();
    }
  });

  it('et login, der afsluttes (4411), er ikke en fjernelse: den bærbare mister intet og skal blot logge ind igen', { timeout: 30_000 }, async () => {
    const forumId = randomUUID();
    const anonymous = await fetch(`${server.http}/api/invitationer/indloes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kode: await server.adminInvitation(), enhedsnavn: 'IT-afdelingens pc' }),
    });
    const admin = ((await anonymous.json()) as { credential: string }).credential;
    expect((await call(server.http, 'POST', '/api/fora', admin, { forumId, navn: 'TRIO Vestskolen' })).status).toBe(201);
    const invitation = await call(server.http, 'POST', `/api/fora/${forumId}/invitationer`, admin, { ret: 'medlem', navn: 'AMR' });
    const keeper = createSessionKeeper({ server: parseServerAddress(server.http), store: signInStoreFile(join(folder(), 'login.bin')) });
    const session = await keeper.signIn({ deviceName: 'AMR-bærbar', openBrowser: browserAs('amr-vest') });
    expect((await call(server.http, 'POST', '/api/invitationer/indloes', session.sessionToken, { kode: invitation.body['kode'] })).status).toBe(201);

    const docs = new MemoryDocuments();
    const sync = createSyncTransport({ local: docs, credentialFor: () => keeper.documentToken, backoff: TEST_BACKOFF, log: () => undefined });
    try {
      const meetingId = randomUUID();
      docs.write(forumIndex(forumId), (doc) => doc.getMap('moeder').set(meetingId, true));
      sync.share({ forumId, serverUrl: server.url });
      await sync.settled(forumId, 10_000);

      expect((await call(server.http, 'DELETE', '/api/login', session.sessionToken)).status).toBe(204);
      // The socket is closed with 4411 and the laptop tries again with a session that no longer counts.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      expect(server.logs).toContainEqual(expect.objectContaining({ person: session.personId, reason: 'revoked-session' }));
      expect(docs.losses).toEqual([]);
    } finally {
      sync.close();
    }
  });
});
