// The kommune's login as the app does it, through the services' own methods over a harness process (a laptop:
// its archive, its sync folder): sync.signIn waits for the person in the browser (the harness prints the
// provider's address, and a headless browser signs in there), an invitation redeemed while signed in makes the
// signed-in person the member, «Annullér» stops the wait, and signing out leaves nobody signed in.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { SignInResult, SyncServer } from '../../shared/api/methods/sync';
import { signInAtProvider } from '../oidc/browser';
import { bundledChild, ROOT } from '../unit/bundledChild';
import { api } from './laptop';
import { oidcArgs, useProvider } from './loginScenarios';
import { sqliteStorage, startServerProcess, type ServerProcess, type Storage } from './serverProcess';
import { serverForSuite } from './suite';

type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string; field?: string } };

interface SigningLaptop {
  url: string;
  syncDir: string;
  /** The provider's address the next time the laptop signs in, as the harness prints it. */
  nextLogin(): Promise<string>;
  child: ChildProcess;
}

const children: ChildProcess[] = [];

function startHarness(): Promise<SigningLaptop> {
  const dir = mkdtempSync(join(tmpdir(), 'samtalerum-harness-login-'));
  const syncDir = join(dir, 'deling');
  const child = spawn(process.execPath, [bundledChild('tests/harness/server.ts'), '--db', join(dir, 'a.sqlite'), '--port', '0', '--sync-dir', syncDir, '--device-name', 'Skolelederens bærbare'], {
    cwd: ROOT,
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  children.push(child);
  const printed: string[] = [];
  const waiting: ((url: string) => void)[] = [];
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const login = /^HARNESS_LOGIN (\S+)/.exec(line)?.[1];
      if (login) {
        const waiter = waiting.shift();
        if (waiter) waiter(login);
        else printed.push(login);
      }
      const url = /^HARNESS_READY (\S+)/.exec(line)?.[1];
      if (url) {
        const nextLogin = () => {
          const first = printed.shift();
          return first !== undefined ? Promise.resolve(first) : new Promise<string>((done) => waiting.push(done));
        };
        resolve({ url, syncDir, nextLogin, child });
      }
    });
    child.once('exit', (code) => reject(new Error(`Harness stoppede med kode ${code} før den var klar.`)));
  });
}

async function call<T>(laptop: SigningLaptop, method: string, input: unknown): Promise<Envelope<T>> {
  const response = await fetch(`${laptop.url}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  return (await response.json()) as Envelope<T>;
}

async function value<T>(laptop: SigningLaptop, method: string, input: unknown): Promise<T> {
  const answer = await call<T>(laptop, method, input);
  if (!answer.ok) throw new Error(`${method} fejlede: ${answer.error.message}`);
  return answer.value;
}

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

describe('login med kommunens login gennem programmets egne metoder', () => {
  const provider = useProvider();
  let server!: ServerProcess;
  let storage!: Storage;
  serverForSuite(sqliteStorage, (started, made) => void ((server = started), (storage = made)), oidcArgs(provider));

  it('logger ind i browseren, bliver medlem som sig selv med en kode, deler som sig selv og logger ud', { timeout: 120_000 }, async () => {
    const laptop = await startHarness();
    const signingIn = call<SignInResult>(laptop, 'sync.signIn', { serverAddress: server.http });
    expect(await signInAtProvider(await laptop.nextLogin(), 'skoleleder-syd')).toMatch(/Du er logget ind/);
    const signedIn = await signingIn;
    expect(signedIn).toEqual({ ok: true, value: { serverUrl: server.http, name: provider().nameOf('skoleleder-syd'), forums: [] } });
    expect(statSync(join(laptop.syncDir, 'login.json')).mode & 0o777).toBe(0o600);

    const servers = await value<SyncServer[]>(laptop, 'sync.servers', {});
    expect(servers).toEqual([{ serverUrl: server.http, canShare: false, kommuneLogin: true, signedInAs: provider().nameOf('skoleleder-syd'), signInEnded: false }]);

    // A sharing invitation redeemed while signed in: the signed-in person may share; no device key is written.
    const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'dist/server/server.cjs'), 'invite', '--deler', '--navn', 'Skoleleder', ...storage.args]);
    await value(laptop, 'sync.join', { serverAddress: server.http, code: /Invitationskode: (\S+)/.exec(stdout)?.[1] ?? '' });
    expect(existsSync(join(laptop.syncDir, 'enhedsnoegler.json'))).toBe(false);
    expect((await value<SyncServer[]>(laptop, 'sync.servers', {}))[0]?.canShare).toBe(true);

    // The forum is shared and kept in step as the signed-in person.
    const forum = await value<{ id: string }>(laptop, 'forums.create', { kind: 'trio', name: 'TRIO Sydskolen', school: 'Sydskolen' });
    expect(await value(laptop, 'sync.shareForum', { forumId: forum.id, serverAddress: server.http })).toMatchObject({ onServer: true });
    const person = server.logs().find((line) => line.event === 'signed-in')?.person;
    expect(person).toBeTruthy();
    await server.waitForLog((line) => line.event === 'connected' && line.person === person && line.reason === 'read-write');
    const mine = await value<{ code: string }>(laptop, 'sync.invite', { forumId: forum.id, right: 'medlem', name: 'TR' });
    expect(mine.code).toMatch(/^[A-Z0-9]{5}(-[A-Z0-9]{5}){3}$/i);

    await value(laptop, 'sync.signOut', { serverAddress: server.http });
    expect(await value<SyncServer[]>(laptop, 'sync.servers', {})).toEqual([
      { serverUrl: server.http, canShare: false, kommuneLogin: true, signedInAs: null, signInEnded: false },
    ]);
    await server.waitForLog((line) => line.event === 'signed-out');
    // Signed out, the laptop has nothing to call the server with: inviting says so in Danish.
    const refused = await call(laptop, 'sync.invite', { forumId: forum.id, right: 'medlem', name: 'AMR' });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Log ind med kommunens login/) } });
  });

  it('«Annullér» stopper ventetiden på browseren, og en server uden login siger det ved feltet', { timeout: 60_000 }, async () => {
    const laptop = await startHarness();
    const signingIn = call(laptop, 'sync.signIn', { serverAddress: server.http });
    await laptop.nextLogin();
    expect(await value(laptop, 'sync.cancelSignIn', { serverAddress: server.http })).toEqual({ cancelled: true });
    expect(await signingIn).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Login blev ikke gennemført/) } });

    const plainStorage = sqliteStorage();
    const plain = await startServerProcess(plainStorage);
    try {
      const answer = await call(laptop, 'sync.signIn', { serverAddress: plain.http });
      expect(answer).toMatchObject({ ok: false, error: { field: 'serverAddress', message: expect.stringMatching(/invitationskode/) } });
      expect((await api(plain.http, 'GET', '/api/login')).status).toBe(404);
    } finally {
      await plain.stop();
      await plainStorage.cleanup();
    }
  });
});
