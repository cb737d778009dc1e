import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../../electron/archive/open';
import { createContext } from '../../electron/services/context';
import { createServices, type Services, type ServiceOptions } from '../../electron/services/dispatch';
import { must, tempArchivePath } from './support';

/** SQLite's own limit: a commit that takes the log past this many pages checkpoints inside itself. */
const SQLITE_DEFAULT_LIMIT_PAGES = 1000;
const WAL_HEADER_BYTES = 32;
const FRAME_HEADER_BYTES = 24;

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Pages in the log since it last began from the start (a checkpoint lets the next write start it over). */
function logPages(archive: Archive): number {
  const pageSize = archive.db.pragma('page_size', { simple: true }) as number;
  const size = statSync(`${archive.path}-wal`).size;
  return size <= WAL_HEADER_BYTES ? 0 : (size - WAL_HEADER_BYTES) / (pageSize + FRAME_HEADER_BYTES);
}

/** Notes as a referent writes them: long, and different at every save. */
const notesAt = (save: number) =>
  Array.from({ length: 220 }, (_, i) => `Runde ${save}.${i}: fravær, forberedelse og tilsyn i ${save % 7 === 0 ? 'udskolingen' : 'indskolingen'}.`).join(' ');

async function runningItem(options: ServiceOptions): Promise<{ archive: Archive; services: Services; itemId: string }> {
  const archive = openArchive(tempArchivePath());
  const services = createServices(createContext(archive, 'test'), options);
  const forum = await must(services, 'forums.create', { kind: 'trio', name: 'TRIO', school: 'Egeskolen' });
  const meeting = await must(services, 'meetings.create', { forumId: forum.id, title: 'Møde', startsAt: '2026-12-01T14:00', durationMinutes: 60 });
  const item = await must(services, 'agenda.addItem', { meetingId: meeting.id, title: 'Noter', type: 'droeftelse', minutes: 10 });
  return { archive, services, itemId: item.id };
}

/** The notes as the archive file alone holds them, without its log: what a checkpoint has copied in (nothing before the first). */
function notesInFileAlone(archive: Archive, itemId: string): string | undefined {
  const copy = join(mkdtempSync(join(tmpdir(), 'samtalerum-test-')), 'uden-log.sqlite');
  copyFileSync(archive.path, copy);
  const db = new Database(copy, { readonly: true });
  try {
    const hasItems = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'agenda_item'").get() !== undefined;
    return hasItems ? (db.prepare('SELECT notes FROM agenda_item WHERE id = ?').get(itemId) as { notes: string } | undefined)?.notes : undefined;
  } catch (error) {
    // Copied while a checkpoint was writing its pages: half old, half new, as no reader of the archive sees it
    // (they read through the log). Not there yet; a file that stays malformed runs out the time.
    if (error instanceof Database.SqliteError && ['SQLITE_CORRUPT', 'SQLITE_NOTADB'].includes(error.code)) return undefined;
    throw error;
  } finally {
    db.close();
  }
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Det skete ikke inden for tidsfristen: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('arkivets log skrives ind ved siden af gemningerne, aldrig i dem', () => {
  it('ingen gemning af noter checkpointer loggen, heller ikke når den når SQLites standardgrænse', async () => {
    const { archive, services, itemId } = await runningItem({ logCheckpoint: { quietMs: 60_000, mostWrites: 100_000 } });
    const file = sha256(archive.path);
    const pagesBefore = logPages(archive);
    let save = 0;
    // Until the log has passed SQLite's limit twice over; a checkpoint would start it over and keep it below.
    while (logPages(archive) - pagesBefore <= 2 * SQLITE_DEFAULT_LIMIT_PAGES && save < 300) {
      save += 1;
      await must(services, 'run.saveNotes', { itemId, notes: notesAt(save) });
    }
    // The log only grew (a checkpoint lets the next write start it over), and the archive file is as it was.
    expect(logPages(archive)).toBeGreaterThan(pagesBefore + 2 * SQLITE_DEFAULT_LIMIT_PAGES);
    expect(sha256(archive.path)).toBe(file);
    services.close();
    // Closing checkpoints: the file alone holds everything.
    expect(notesInFileAlone(archive, itemId)).toBe(notesAt(save));
  });

  it('når arkivet har været stille, står alt i arkivfilen', async () => {
    const { archive, services, itemId } = await runningItem({ logCheckpoint: { quietMs: 200 } });
    for (let save = 1; save <= 30; save++) await must(services, 'run.saveNotes', { itemId, notes: notesAt(save) });
    expect(notesInFileAlone(archive, itemId)).not.toBe(notesAt(30));
    await until(() => notesInFileAlone(archive, itemId) === notesAt(30), 'de sidste noter står i arkivfilen');
    services.close();
  });

  it('skrives der uden pause, checkpointes loggen alligevel efter et antal gemninger, så den ikke vokser uden grænse', async () => {
    const { archive, services, itemId } = await runningItem({ logCheckpoint: { quietMs: 60_000, mostWrites: 20, pauseMs: 0 } });
    // As the window sends them: one save, then the next a moment later; the archive is never quiet for a minute.
    for (let save = 1; save <= 20; save++) {
      await must(services, 'run.saveNotes', { itemId, notes: notesAt(save) });
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(notesInFileAlone(archive, itemId)).not.toBe(notesAt(20));
    await until(() => notesInFileAlone(archive, itemId) === notesAt(20), 'loggen er checkpointet efter den 20. gemning');
    services.close();
  });
});
