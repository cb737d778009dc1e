import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { Archive } from '../../electron/archive/open';
import { createContext } from '../../electron/services/context';
import { createServices, type Services } from '../../electron/services/dispatch';
import { openArchive } from '../../electron/archive/open';
import { must, seedSlice, tempArchivePath } from './support';

/** Another program: takes the archive's write lock, says so, and holds it for holdMs. */
const HOLDER = `
const Database = require('better-sqlite3');
const [path, holdMs] = process.argv.slice(1);
const db = new Database(path);
db.exec('BEGIN IMMEDIATE');
db.prepare("UPDATE forum SET name = name || ' (låst)'").run();
process.stdout.write('låst\\n');
setTimeout(() => { db.exec('ROLLBACK'); db.close(); process.exit(0); }, Number(holdMs));
`;

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill();
});

/** Resolves once the lock is taken; `released` resolves when the other program has let go and ended. */
async function holdLock(path: string, holdMs: number): Promise<{ released: Promise<void> }> {
  const child = spawn(process.execPath, ['-e', HOLDER, path, String(holdMs)], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const released = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`Låseprocessen sluttede med ${code}`)));
  });
  return { released };
}

/**
 * Measures the longest pause of the event loop while a call runs: the window would freeze that long.
 * Waiting inside SQLite froze it for the whole time the lock was held (2 s and more); the bound leaves
 * room for a busy test machine.
 */
const LONGEST_FREEZE_MS = 300;

function loopWatch(): { stop(): number } {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 10);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(longest, performance.now() - last);
    },
  };
}

function setup(archiveWaitMs?: number): { services: Services; archive: Archive; path: string } {
  const path = tempArchivePath();
  const archive = openArchive(path);
  return { services: createServices(createContext(archive, 'test'), { archiveWaitMs }), archive, path };
}

const contents = (archive: Archive) =>
  ['forum', 'meeting', 'agenda_item'].map((t) => JSON.stringify(archive.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all())).join('\n');

describe('når et andet program bruger arkivet', () => {
  it('venter en skrivning uden at fryse vinduet og gemmer, når låsen slippes', async () => {
    const { services, path } = setup();
    const { talkItem, meeting } = await seedSlice(services);
    const { released } = await holdLock(path, 2000);
    const watch = loopWatch();
    const started = performance.now();
    // Reads go on meanwhile (WAL): the other program's unfinished change is not seen.
    const read = await must(services, 'meetings.get', { meetingId: meeting.id });
    expect(read.forumName).toBe('TRIO');
    const saved = await services.call('run.saveNotes', { itemId: talkItem.id, notes: 'Gemt efter ventetiden' });
    const waited = performance.now() - started;
    const longestPause = watch.stop();
    await released;
    expect(saved).toMatchObject({ ok: true, value: { notes: 'Gemt efter ventetiden' } });
    expect(waited).toBeGreaterThan(1500);
    expect(longestPause).toBeLessThan(LONGEST_FREEZE_MS);
    services.close();
  });

  it('giver op efter en grænse med en dansk besked, og intet er skrevet halvt', async () => {
    const { services, archive, path } = setup(800);
    const { meeting } = await seedSlice(services);
    const before = contents(archive);
    const { released } = await holdLock(path, 3000);
    const watch = loopWatch();
    const started = performance.now();
    const refused = await services.call('agenda.addItem', { meetingId: meeting.id, title: 'Nyt punkt', type: 'droeftelse', minutes: 10 });
    const waited = performance.now() - started;
    expect(watch.stop()).toBeLessThan(LONGEST_FREEZE_MS);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'arkivfejl', message: expect.stringMatching(/bruges af et andet program.*Intet blev ændret/) },
    });
    expect(waited).toBeGreaterThan(500);
    expect(waited).toBeLessThan(2500);
    expect(contents(archive)).toBe(before);
    await released;
    await must(services, 'agenda.addItem', { meetingId: meeting.id, title: 'Nyt punkt', type: 'droeftelse', minutes: 10 });
    services.close();
  });

  it('skrivninger, der venter, gemmes i den rækkefølge, de blev sendt', async () => {
    const { services, path } = setup();
    const { talkItem } = await seedSlice(services);
    const { released } = await holdLock(path, 1000);
    const first = services.call('run.saveNotes', { itemId: talkItem.id, notes: 'Første udgave' });
    const second = services.call('run.saveNotes', { itemId: talkItem.id, notes: 'Anden udgave' });
    expect((await first).ok).toBe(true);
    expect((await second).ok).toBe(true);
    await released;
    expect((await must(services, 'meetings.get', { meetingId: talkItem.meetingId })).items[1]?.notes).toBe('Anden udgave');
    services.close();
  });

  it('en skrivning, der venter, når programmet lukker, får en dansk besked i stedet for en fejl', async () => {
    const { services, path } = setup();
    const { talkItem } = await seedSlice(services);
    const { released } = await holdLock(path, 1500);
    const pending = services.call('run.saveNotes', { itemId: talkItem.id, notes: 'Nåede ikke at blive gemt' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    services.close();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'arkivfejl', message: expect.stringMatching(/ved at lukke/) } });
    await released;
  });
});
