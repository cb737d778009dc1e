// Two loopback harnesses (two laptops: two archives, two sync dirs) against one real sync server, over
// HTTP exactly as the browser tests use them. A laptop killed with SIGKILL right after a write it was
// told was saved, while the server was down, still delivers that write when both come back.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/api/types';
import { bundledChild, ROOT } from '../unit/bundledChild';
import { until } from './laptop';
import { freePort, sqliteStorage, startServerProcess, stopAllServers, type ServerProcess, type Storage } from './serverProcess';

type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

interface HarnessLaptop {
  url: string;
  db: string;
  syncDir: string;
  child: ChildProcess;
  exited: Promise<void>;
}

let harness = '';
const laptops = new Set<HarnessLaptop>();

function startHarness(db: string, syncDir: string): Promise<HarnessLaptop> {
  const child = spawn(process.execPath, [harness, '--db', db, '--port', '0', '--sync-dir', syncDir, '--device-name', 'Harness-bærbar'], {
    cwd: ROOT,
    // The bundle lies in a temporary folder; better-sqlite3 is loaded from the checkout.
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const url = /^HARNESS_READY (\S+)/.exec(line)?.[1];
      if (!url) return;
      const laptop = { url, db, syncDir, child, exited };
      laptops.add(laptop);
      void exited.then(() => laptops.delete(laptop));
      resolve(laptop);
    });
    child.once('exit', (code) => reject(new Error(`Harness stoppede med kode ${code} før den var klar.\n${stderr}`)));
  });
}

async function call<T>(laptop: HarnessLaptop, method: string, input: unknown): Promise<T> {
  const response = await fetch(`${laptop.url}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  const answer = (await response.json()) as Envelope;
  if (!answer.ok) throw new Error(`${method} fejlede: ${answer.error.message}`);
  return answer.value as T;
}

async function kill9(laptop: HarnessLaptop): Promise<void> {
  laptop.child.kill('SIGKILL');
  await laptop.exited;
}

describe('to harness-processer er to bærbare', () => {
  let storage: Storage;
  let server: ServerProcess;
  let port: string;
  beforeAll(async () => {
    harness = bundledChild('tests/harness/server.ts');
    storage = sqliteStorage();
    port = String(await freePort());
    server = await startServerProcess(storage, ['--port', port]);
  });
  afterAll(async () => {
    for (const laptop of [...laptops]) await kill9(laptop);
    await stopAllServers();
    await storage.cleanup();
  });

  it('deler et forum, ser hinandens ændringer og mister intet ved kill -9', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samtalerum-harness-deling-'));
    const first = await startHarness(join(dir, 'a.sqlite'), join(dir, 'a-deling'));
    const second = await startHarness(join(dir, 'b.sqlite'), join(dir, 'b-deling'));
    const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'dist/server/server.cjs'), 'invite', '--deler', ...storage.args]);
    const code = /Invitationskode: (\S+)/.exec(stdout)?.[1] ?? '';

    await call(first, 'sync.join', { serverAddress: server.http, code });
    // The credential lies in the sync dir given, readable by the user alone.
    expect(statSync(join(first.syncDir, 'enhedsnoegler.json')).mode & 0o777).toBe(0o600);
    const forum = await call<{ id: string }>(first, 'forums.create', { kind: 'trio', name: 'TRIO Harness', school: 'Vestskolen' });
    const meeting = await call<{ id: string }>(first, 'meetings.create', { forumId: forum.id, title: 'Møde', startsAt: '2026-12-10T14:00', durationMinutes: 60 });
    const item = await call<{ id: string }>(first, 'agenda.addItem', { meetingId: meeting.id, title: 'Skemalægning', type: 'droeftelse', minutes: 15 });
    expect(await call(first, 'sync.shareForum', { forumId: forum.id, serverAddress: server.http })).toMatchObject({ onServer: true });
    const { code: memberCode } = await call<{ code: string }>(first, 'sync.invite', { forumId: forum.id, right: 'medlem', name: 'TR' });

    await call(second, 'sync.join', { serverAddress: server.http, code: memberCode });
    const meetingAt = (laptop: HarnessLaptop) => call<MeetingDetail>(laptop, 'meetings.get', { meetingId: meeting.id });
    await until(async () => (await meetingAt(second).catch(() => null))?.items.length === 1, 20_000, 'mødet på den anden bærbar');

    await call(second, 'agenda.updateItem', { itemId: item.id, title: 'Skemalægning for 7. årgang', type: 'droeftelse', minutes: 15 });
    await until(async () => (await meetingAt(first)).items[0]?.title === 'Skemalægning for 7. årgang', 20_000, 'ændringen hos den første');

    // The server goes down; the second laptop saves an edit (acknowledged locally) and is killed at once.
    await server.kill9();
    await call(second, 'agenda.updateItem', { itemId: item.id, title: 'Skrevet uden server', type: 'droeftelse', minutes: 20 });
    await kill9(second);
    server = await startServerProcess(storage, ['--port', port]);
    const restarted = await startHarness(second.db, second.syncDir);
    await until(async () => (await meetingAt(first)).items[0]?.title === 'Skrevet uden server', 30_000, 'den skrevne ændring efter genstart');
    expect((await meetingAt(restarted)).items[0]).toMatchObject({ title: 'Skrevet uden server', minutes: 20 });
    const status = () => call<{ forumId: string; state: string; waiting: number }[]>(restarted, 'sync.status', {});
    await until(async () => JSON.stringify(await status()) === JSON.stringify([{ forumId: forum.id, state: 'forbundet', waiting: 0 }]), 20_000, 'forbundet uden ventende ændringer');
  });
});
