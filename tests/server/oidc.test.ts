// Sign-in with the kommune's identity provider, against the built server as a real process and a real
// OpenID provider on loopback (oidc-provider): the whole flow from the laptop's browser sign-in to a document,
// and every token the server must refuse. Refusals are logged with a reason, never the token.
import { describe, expect, it } from 'vitest';
import type { ServerSession } from '../../electron/sync/signin/serverSession';
import * as login from './loginScenarios';
import { api } from './laptop';
import { laptop, secrets } from './scenarios';
import { postgresStorage } from './postgresStorage';
import { sqliteStorage, startServerProcess, type ServerProcess, type Storage } from './serverProcess';
import { serverForSuite } from './suite';

function loginSuite(title: string, storage: () => Storage | Promise<Storage>): void {
  describe(title, () => {
    const provider = login.useProvider();
    let server!: ServerProcess;
    serverForSuite(storage, (started) => void (server = started), login.oidcArgs(provider));

    it('en bærbar logger ind i browseren, får serverens session og åbner forummet som medlem', () => login.signsInInBrowserAndOpensForum(server, provider()));
    it('udløbne, fremmede, forfalskede og genbrugte ID-tokens afvises med en årsag i loggen', () => login.refusesBadIdTokens(server, provider()));
    it('et login, der logges ud, afbrydes med det samme og afvises bagefter', () => login.signOutCutsOffAtOnce(server, provider()));
    it('en administrator logger en person ud på alle bærbare og spærrer en enhed', () => login.adminSignsPersonOutAndRevokesDevice(server, provider()));
  });
}

loginSuite('login med kommunens identitetsudbyder (SQLite)', sqliteStorage);
loginSuite('login med kommunens identitetsudbyder (PostgreSQL)', postgresStorage);

describe('serverens login-nøgle har en kort levetid', () => {
  const provider = login.useProvider();
  let server!: ServerProcess;
  serverForSuite(sqliteStorage, (started) => void (server = started), login.oidcArgs(provider, ['--login-sekunder', '2']));

  it('en nøgle efter sin levetid afvises, og fornyelsen giver en ny', async () => {
    const session = await login.signedIn(server, provider());
    const index = await login.forumWith(server, session);
    await laptop(server, session.sessionToken).sync(index);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const expired = await api<{ grund?: string }>(server.http, 'GET', '/api/mig', { credential: session.sessionToken });
    expect(expired.status).toBe(401);
    expect(expired.body.grund).toBe('login-udloebet');
    expect(await login.deniedReason(server, session.sessionToken, index)).toBe('expired-session');
    const renewed = await api<ServerSession>(server.http, 'POST', '/api/login/forny', { body: { fornyelse: session.fornyelse } });
    expect(renewed.status).toBe(200);
    secrets.push(renewed.body.sessionToken, renewed.body.fornyelse);
    expect(renewed.body.personId).toBe(session.personId);
    await laptop(server, renewed.body.sessionToken).sync(index);
  });

  it('en server uden udbyder siger, at den ikke bruger kommunens login', async () => {
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

describe('en sessionsnøgle fra en anden kommunes server', () => {
  const provider = login.useProvider();
  const otherProvider = login.useProvider();
  let server!: ServerProcess;
  serverForSuite(sqliteStorage, (started) => void (server = started), login.oidcArgs(provider));

  it('afvises af HTTP-API’et, af dokumenterne og ved fornyelse, med en årsag i loggen', async () => {
    const storage = sqliteStorage();
    const other = await startServerProcess(storage, ['--oidc-udsteder', otherProvider().issuer, '--oidc-klient', otherProvider().clientId]);
    try {
      const index = await login.forumWith(server, await login.signedIn(server, provider()));
      // Signed in at the other kommune's server with the other kommune's provider: a real session, there.
      const foreign = await login.signedIn(other, otherProvider());
      expect((await api(other.http, 'GET', '/api/mig', { credential: foreign.sessionToken })).status).toBe(200);

      const before = server.logs().length;
      const me = await api<{ grund?: string }>(server.http, 'GET', '/api/mig', { credential: foreign.sessionToken });
      expect(me.status).toBe(401);
      expect(me.body.grund).toBe('logget-ud');
      expect(server.logs().slice(before).find((line) => line.event === 'refused')?.reason).toBe('unknown-session');
      expect(await login.deniedReason(server, foreign.sessionToken, index)).toBe('unknown-session');
      const renewed = await api<{ grund?: string }>(server.http, 'POST', '/api/login/forny', { body: { fornyelse: foreign.fornyelse } });
      expect(renewed.status).toBe(401);
      await server.waitForLog((line) => line.event === 'renew-refused' && line.reason === 'unknown-renewal');
      for (const secret of secrets) expect(server.output()).not.toContain(secret);
    } finally {
      await other.stop();
      await storage.cleanup();
    }
  });
});
