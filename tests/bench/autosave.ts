/**
 * What a notes autosave costs while a meeting runs: `run.saveNotes` through dispatch, as the notes field
 * sends it every 400 ms while someone types, plus the reads the window makes again because of it. The
 * text grows a few words at a time to several KB per item, as a referent's notes do, over several items.
 *
 * Which reads are made again follows from the change event, exactly as in the window
 * (renderer/api/queries.ts): of the queries the window holds open while a meeting runs, those whose
 * declared reads (shared/api/reads.ts) the event's changes affect.
 */
import { performance } from 'node:perf_hooks';
import { createContext } from '../../electron/services/context';
import { createServices, type Services } from '../../electron/services/dispatch';
import type { AppEvent, Method } from '../../shared/api/contract';
import { isAffected, readsOf, type ReadMethod } from '../../shared/api/reads';
import { bench, openBenchCopy, percentile } from './benchCopy';
import { describeArchive } from './generate';
import { createProse, seededRandom } from './prose';
import { loadSeedModel } from './seedModel';

const WARMUP_SAVES = 20;
const SAVES = 400;
/** Where a referent moves on to the next item. */
const NOTES_PER_ITEM_CHARS = 4000;
/** Targets from the issue, by archive size in years. */
export const TARGET_P99_MS: Record<number, number> = { 10: 5, 30: 8 };

/** A read the window holds open: a query keyed by contract method and input. */
export interface OpenRead {
  method: ReadMethod;
  input: Record<string, unknown>;
}

/**
 * What the windows hold open while a meeting runs: the run screen's meeting (views/run/useRunMeeting.ts),
 * the projector's view (presenter/usePresenterView.ts) and the forum list of the app's frame (App.tsx).
 */
export function openReads(meetingId: string): OpenRead[] {
  return [
    { method: 'meetings.get', input: { meetingId } },
    { method: 'run.presenter', input: { meetingId } },
    { method: 'forums.list', input: {} },
  ];
}

/** The open reads a change event makes the window fetch again. */
export function refetchesAfter(open: OpenRead[], event: AppEvent): OpenRead[] {
  if (event.type !== 'archive.changed') return [];
  // The input's shape is the method's own (see openReads); readsOf is typed per method.
  return open.filter((read) => isAffected(readsOf(read.method, read.input as never), event.changes));
}

async function call(services: Services, method: Method, input: unknown): Promise<unknown> {
  const result = await services.call(method, input);
  if (!result.ok) throw new Error(`${method} fejlede: ${result.error.message}`);
  return result.value;
}

export async function runAutosaveBench(years: number): Promise<void> {
  const copy = openBenchCopy(years);
  try {
    const { db } = copy.archive;
    const services = createServices(createContext(copy.archive, 'bench'));
    // The next meeting of a monthly forum: the usual meeting someone writes notes in.
    const meetingId = String(
      db
        .prepare(
          `SELECT m.id FROM meeting m JOIN forum f ON f.id = m.forum_id
            WHERE m.status = 'planlagt' AND f.cadence = 'maanedlig' ORDER BY m.starts_at LIMIT 1`,
        )
        .pluck()
        .get(),
    );
    const items = db.prepare('SELECT id FROM agenda_item WHERE meeting_id = ? ORDER BY position').pluck().all(meetingId) as string[];
    await call(services, 'run.start', { meetingId });

    const open = openReads(meetingId);
    let lastEvent: AppEvent | null = null;
    services.subscribe((event) => {
      lastEvent = event;
    });
    const prose = createProse(loadSeedModel(), seededRandom(years));
    let itemIndex = 0;
    let notes = '';
    const refetched = new Map<Method, number>();

    const save = async (): Promise<void> => {
      if (notes.length > NOTES_PER_ITEM_CHARS) {
        itemIndex = (itemIndex + 1) % items.length;
        notes = '';
      }
      // About what a person types in 400 ms of a fast stretch: a few words.
      notes = `${notes}${notes === '' ? '' : ' '}${prose.phrase(2 + (notes.length % 4))}${notes.length % 5 === 0 ? '.' : ''}`;
      lastEvent = null;
      await call(services, 'run.saveNotes', { itemId: items[itemIndex], notes });
      const event: AppEvent | null = lastEvent;
      if (event === null) throw new Error('Gemningen af noterne gav ingen ændringsbesked.');
      for (const read of refetchesAfter(open, event)) {
        await call(services, read.method, read.input);
        refetched.set(read.method, (refetched.get(read.method) ?? 0) + 1);
      }
    };
    const goTo = (itemId: string | undefined) => call(services, 'run.goTo', { meetingId, phase: 'punkt', itemId });

    await goTo(items[0]);
    for (let i = 0; i < WARMUP_SAVES; i++) await save();
    refetched.clear();
    const times: number[] = [];
    let shownItem = itemIndex;
    for (let i = 0; i < SAVES; i++) {
      // Moving on to the next item is a click, not part of an autosave.
      if (notes.length > NOTES_PER_ITEM_CHARS) await goTo(items[(itemIndex + 1) % items.length]);
      const start = performance.now();
      await save();
      times.push(performance.now() - start);
      shownItem = itemIndex;
    }
    services.close();

    const p99 = percentile(times, 99);
    bench('autosave_p50_ms', years, percentile(times, 50));
    bench('autosave_p99_ms', years, p99);
    bench('autosave_max_ms', years, Math.max(...times));
    const fixed = (n: number) => n.toFixed(2);
    console.log('');
    console.log(`Arkiv ${describeArchive(copy.info)}`);
    console.log(
      `${SAVES} gemninger af noter (op til ${NOTES_PER_ITEM_CHARS.toLocaleString('da-DK')} tegn pr. punkt, sidst punkt ${shownItem + 1} af ${items.length}); ` +
        `genhentet pr. gemning: ${[...refetched.entries()].map(([method, n]) => `${method} ${(n / SAVES).toFixed(1)}`).join(', ') || 'intet'}`,
    );
    console.log(`p50 ${fixed(percentile(times, 50))} ms, p99 ${fixed(p99)} ms, højst ${fixed(Math.max(...times))} ms`);
    const target = TARGET_P99_MS[years];
    if (target !== undefined) console.log(`Mål ved ${years} år: p99 ≤ ${target} ms (${p99 <= target ? 'nået' : 'IKKE nået'}: ${fixed(p99)} ms)`);
  } finally {
    copy.remove();
  }
}
