import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from '@playwright/test';
import { startOidcProvider, type TestProvider } from '../oidc/provider';
import { SERVER_ENTRY, freePort, sqliteStorage, startServerProcess, type ServerProcess, type Storage } from '../server/serverProcess';
import { newArchivePath, startHarness, type Harness } from './harness';

/**
 * A kommune as the issue describes it: a real OpenID provider on loopback (oidc-provider, with its own login
 * pages), the sharing server as a process configured with it (`--oidc-udsteder`, `--oidc-klient`), and the
 * kommune's administrator, who holds the first admin code the server printed and uses the server's HTTP API.
 */
export interface Kommune {
  /** What a person types as the server's address. */
  address: string;
  provider: TestProvider;
  /** A one-time code for a person who may share forums (`npm run server -- invite --deler`). */
  inviteSharer(name: string): Promise<string>;
  /** The kommune's administrator removes a person from a forum (`DELETE /api/fora/<id>/medlemmer/<person>`). */
  removeMember(forumId: string, name: string): Promise<void>;
  /** The administrator ends the person's sign-in on all their laptops (`DELETE /api/personer/<person>/login`). */
  endSignIn(forumId: string, name: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startKommune(): Promise<Kommune> {
  const provider = await startOidcProvider();
  const storage: Storage = sqliteStorage();
  const port = String(await freePort());
  const server: ServerProcess = await startServerProcess(storage, ['--port', port, '--oidc-udsteder', provider.issuer, '--oidc-klient', provider.clientId]);
  const address = `http://127.0.0.1:${port}`;
  let adminCredential: string | null = null;

  async function api(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${address}${path}`, {
      method,
      headers: { ...(adminCredential && { authorization: `Bearer ${adminCredential}` }), ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  }

  /** The administrator's own laptop: the first admin code, redeemed once. */
  async function asAdmin(): Promise<void> {
    if (adminCredential) return;
    if (!server.firstAdminCode) throw new Error('Serveren gav ingen kode til den første administrator');
    const redeemed = await api('POST', '/api/invitationer/indloes', { kode: server.firstAdminCode, enhedsnavn: 'Kommunens IT' });
    if (typeof redeemed.body['credential'] !== 'string') throw new Error(`Administratorens kode blev ikke indløst (${redeemed.status})`);
    adminCredential = redeemed.body['credential'];
  }

  /** The person's id on the server, by the name the provider gave them, from the forum's member list. */
  async function memberNamed(forumId: string, name: string): Promise<string> {
    await asAdmin();
    const members = await api('GET', `/api/fora/${encodeURIComponent(forumId)}/medlemmer`);
    const person = (members.body['medlemmer'] as { personId: string; navn: string }[] | undefined)?.find((member) => member.navn === name);
    if (!person) throw new Error(`${name} er ikke medlem af forummet (${members.status})`);
    return person.personId;
  }

  return {
    address,
    provider,
    async inviteSharer(name) {
      const { stdout } = await promisify(execFile)(process.execPath, [SERVER_ENTRY, 'invite', '--deler', '--navn', name, ...storage.args]);
      const code = /Invitationskode: (\S+)/.exec(stdout)?.[1];
      if (!code) throw new Error(`Serveren gav ingen invitationskode:\n${stdout}`);
      return code;
    },
    async removeMember(forumId, name) {
      const personId = await memberNamed(forumId, name);
      const removed = await api('DELETE', `/api/fora/${encodeURIComponent(forumId)}/medlemmer/${encodeURIComponent(personId)}`);
      if (removed.status !== 204) throw new Error(`${name} blev ikke fjernet (${removed.status}: ${JSON.stringify(removed.body)})`);
    },
    async endSignIn(forumId, name) {
      const personId = await memberNamed(forumId, name);
      const ended = await api('DELETE', `/api/personer/${encodeURIComponent(personId)}/login`);
      if (ended.status !== 204) throw new Error(`${name}s login blev ikke afsluttet (${ended.status}: ${JSON.stringify(ended.body)})`);
    },
    async stop() {
      await server.stop();
      await storage.cleanup();
      await provider.close();
    },
  };
}

/** One person's laptop: its own harness (archive and sync folder) and its own browser context. */
export interface PersonLaptop {
  /** The person's login at the provider (its test login page takes any login). */
  login: string;
  /** The name the provider gives the person, and so the server and the screens. */
  name: string;
  harness: Harness;
  context: BrowserContext;
  page: Page;
}

export interface PersonLaptops {
  open(login: string, name: string): Promise<PersonLaptop>;
  closeAll(): Promise<void>;
}

export function personLaptopsIn(browser: Browser, contextOptions: BrowserContextOptions): PersonLaptops {
  const opened: PersonLaptop[] = [];
  return {
    async open(login, name) {
      const syncDir = mkdtempSync(join(tmpdir(), `samtalerum-e2e-${login}-`));
      // A member's laptop asks for the forum's inboxes every half second, not every 30 s as in the app.
      const harness = await startHarness(newArchivePath(), { syncDir, deviceName: `${login}s bærbare`, inboxPollMs: 500 });
      const context = await browser.newContext(contextOptions);
      const page = await context.newPage();
      await page.goto(harness.url);
      const laptop = { login, name, harness, context, page };
      opened.push(laptop);
      return laptop;
    },
    async closeAll() {
      for (const { harness, context } of opened.splice(0)) {
        await context.close();
        await harness.stop();
      }
    },
  };
}
