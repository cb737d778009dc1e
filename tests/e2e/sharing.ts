import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from '@playwright/test';
import { SERVER_ENTRY, freePort, sqliteStorage, startServerProcess, type ServerProcess, type Storage } from '../server/serverProcess';
import { newArchivePath, startHarness, type Harness } from './harness';

/**
 * The kommune's sharing server as a real process (dist/server/server.cjs, as `npm run server` runs it) on
 * its own SQLite storage and a fixed loopback port, so it can be killed and started again where the
 * laptops look for it.
 */
export interface SharingServer {
  /** What a person types as the server's address. */
  address: string;
  /** A one-time code for a person who may share forums (`npm run server -- invite --deler`). */
  inviteSharer(name: string): Promise<string>;
  /** `kill -9`: no goodbye to the laptops, nothing saved on the way out. */
  kill(): Promise<void>;
  /** Starts it again on the same storage and port. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startSharingServer(): Promise<SharingServer> {
  const storage: Storage = sqliteStorage();
  const port = String(await freePort());
  let process_: ServerProcess | null = await startServerProcess(storage, ['--port', port]);
  return {
    address: `http://127.0.0.1:${port}`,
    async inviteSharer(name) {
      const { stdout } = await promisify(execFile)(process.execPath, [SERVER_ENTRY, 'invite', '--deler', '--navn', name, ...storage.args]);
      const code = /Invitationskode: (\S+)/.exec(stdout)?.[1];
      if (!code) throw new Error(`Serveren gav ingen invitationskode:\n${stdout}`);
      return code;
    },
    async kill() {
      await process_?.kill9();
      process_ = null;
    },
    async start() {
      process_ = await startServerProcess(storage, ['--port', port]);
    },
    async stop() {
      await process_?.stop();
      process_ = null;
      await storage.cleanup();
    },
  };
}

/** One laptop: its own harness over its own archive and sync folder, and its own browser context. */
export interface Laptop {
  harness: Harness;
  page: Page;
}

export interface Laptops {
  open(): Promise<Laptop>;
  closeAll(): Promise<void>;
}

/** Laptops in browser contexts of their own, made with the project's options (locale, time zone, window size). */
export function laptopsIn(browser: Browser, contextOptions: BrowserContextOptions): Laptops {
  const opened: { harness: Harness; context: BrowserContext }[] = [];
  return {
    async open() {
      const archive = newArchivePath();
      const harness = await startHarness(archive, { syncDir: mkdtempSync(join(tmpdir(), 'samtalerum-e2e-deling-')), inboxPollMs: 500 });
      // The invitation's «Kopiér koden» writes to the clipboard, and the test reads it back.
      const context = await browser.newContext({ ...contextOptions, permissions: ['clipboard-read', 'clipboard-write'] });
      opened.push({ harness, context });
      const page = await context.newPage();
      await page.goto(harness.url);
      return { harness, page };
    },
    async closeAll() {
      for (const { harness, context } of opened.splice(0)) {
        await context.close();
        await harness.stop();
      }
    },
  };
}
