import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../electron/archive/open';
import { createContext } from '../../electron/services/context';
import { createServices } from '../../electron/services/dispatch';
import { documentName } from '../../shared/sync/documents';
import { killHard, startChild } from './child';
import { itemOf, laptop, sharedTrio, type Laptop } from './sync-support';
import { must } from './support';

const logRows = (l: Laptop, document: string): number => l.db.prepare('SELECT count(*) FROM sync_update WHERE document = ?').pluck().get(document) as number;

/** The notes of an item as its meeting document holds them, loaded from the stored state and log alone. */
function notesInDocument(l: Laptop, document: string, itemId: string): string | null {
  const record = l.services.sync.docFor(document).getMap('punkter').get(itemId);
  return record instanceof Y.Map ? String(record.get('notes')) : null;
}

const linesUpTo = (count: number): string => Array.from({ length: count }, (_, n) => `Linje ${n + 1}`).join('\n');

async function until(done: () => boolean, what: string): Promise<void> {
  for (let tries = 0; tries < 400; tries += 1) {
    if (done()) return;
    await new Promise((wait) => setTimeout(wait, 25));
  }
  throw new Error(`Det skete ikke: ${what}`);
}

describe('den lokale log over et delt forums ændringer samles i baggrunden', () => {
  it('når arkivet er stille, samles hvert dokuments log, og efter en genstart står hver ændring der', async () => {
    const { laptops, meeting, items } = await sharedTrio(1);
    const first = laptops[0]!;
    first.services.close();
    const archive = openArchive(first.path);
    const a: Laptop = {
      services: createServices(createContext(archive, 'test'), { syncCompaction: { quietMs: 50, mostWrites: 10_000, leastUpdates: 10, pauseMs: 5 } }),
      db: archive.db,
      path: first.path,
    };
    const item = items[1]!;
    const name = documentName({ kind: 'moede', forumId: meeting.forumId, meetingId: meeting.id });

    // Sixty edits, one line more each time; the server takes each, as the transport marks it.
    for (let line = 1; line <= 60; line += 1) {
      await must(a.services, 'run.saveNotes', { itemId: item.id, notes: linesUpTo(line) });
      for (const document of a.services.sync.documentNames()) a.services.sync.markAcknowledged(document, a.services.sync.lastLocalSeq(document));
    }
    const before = logRows(a, name);
    expect(before).toBeGreaterThanOrEqual(60);

    await until(() => logRows(a, name) < 10, 'loggen blev samlet');
    a.services.close();

    const again = laptop(first.path);
    expect((await itemOf(again, item.id)).notes).toBe(linesUpTo(60));
    expect(notesInDocument(again, name, item.id)).toBe(linesUpTo(60));
    expect(again.services.sync.pendingCount(meeting.forumId)).toBe(0);
    again.services.close();
  }, 60_000);

  it('kill -9 under mange ændringer, der aldrig er stille: loggen er samlet undervejs, og hver ændring læses ved næste start', async () => {
    const { laptops, forum, meeting, items } = await sharedTrio(1);
    const a = laptops[0]!;
    const item = items[0]!;
    a.services.close();

    const child = startChild(['samle', a.path, item.id, '100']);
    const stopped = await child.line(/^STOPPET SAMLET \d+$/);
    await killHard(child);
    // Over a hundred updates were logged; the compaction after every twenty writes kept only a few.
    expect(Number(stopped.split(' ').at(-1))).toBeLessThan(50);

    const again = laptop(a.path);
    const name = documentName({ kind: 'moede', forumId: forum.id, meetingId: meeting.id });
    expect((await itemOf(again, item.id)).notes).toBe(linesUpTo(103));
    expect(notesInDocument(again, name, item.id)).toBe(linesUpTo(103));
    // The three the server never took still wait in the log to be sent.
    expect(again.services.sync.pendingCount(forum.id)).toBeGreaterThanOrEqual(3);
    again.services.close();
  }, 90_000);
});
