/**
 * What a sag costs: finding earlier items to link to (`sager.candidates`, newest first, with and without
 * typed text) through the service, against the best plain SQL on the same indexes: with three or more
 * typed letters the trigram index of the titles, otherwise meetings newest first along meeting_starts with
 * a LIKE on the title, the planner choosing the join order; ids only, without the Danish folding, the
 * joins for forum, sag and decision, and the validation. And reading a long sag's timeline (`sager.get`).
 */
import { performance } from 'node:perf_hooks';
import { createContext } from '../../electron/services/context';
import { createServices } from '../../electron/services/dispatch';
import { bench, openBenchCopy, percentile } from './benchCopy';
import { describeArchive } from './generate';

const WARMUP_ROUNDS = 5;
const ROUNDS = 40;
/** The same targets as the other lists' first pages, by archive size in years. */
export const TARGET_MS: Record<number, number> = { 10: 15, 30: 25 };
/** Typed as a user would look for the matter; the last finds nothing, so the whole archive is read. */
const TEXTS: (string | undefined)[] = [undefined, 'vikar', 'tilsyn', 'fravær', 'Å', 'skemalægning i udskolingen', 'ingen-sådan-sag'];
/** Items linked into one sag across forums and years, for the timeline. */
const SAG_SIZE = 12;

export async function runSagerBench(years: number): Promise<void> {
  const copy = openBenchCopy(years);
  try {
    const { db } = copy.archive;
    const services = createServices(createContext(copy.archive, 'bench'));
    const call = async <T>(method: 'sager.candidates' | 'sager.link' | 'sager.get', input: Record<string, unknown>): Promise<T> => {
      const result = await services.call(method, input);
      if (!result.ok) throw new Error(`${method} fejlede: ${result.error.message}`);
      return result.value as T;
    };
    // The newest meeting's first item: every other meeting in ten years is a candidate.
    const newest = db
      .prepare('SELECT i.id, m.starts_at FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id ORDER BY m.starts_at DESC, i.position LIMIT 1')
      .get() as { id: string; starts_at: string };
    const byTrigram = db.prepare(
      `SELECT i.id FROM item_title_trigram t JOIN item_title_doc d ON d.doc = t.rowid
         JOIN agenda_item i ON i.id = d.item_id JOIN meeting m ON m.id = i.meeting_id
        WHERE t.folded_title LIKE @pattern AND m.starts_at <= @startsAt ORDER BY m.starts_at DESC LIMIT 20`,
    );
    const byDate = db.prepare(
      `SELECT i.id FROM meeting m JOIN agenda_item i ON i.meeting_id = m.id
        WHERE m.starts_at <= @startsAt AND lower(i.title) LIKE @pattern ORDER BY m.starts_at DESC LIMIT 20`,
    );
    const input = (text: string | undefined) => (text === undefined ? { itemId: newest.id } : { itemId: newest.id, text });
    const baselineOf = (text: string | undefined) => {
      const pattern = `%${(text ?? '').toLocaleLowerCase('da-DK')}%`;
      return (text ?? '').length >= 3 ? byTrigram.all({ pattern, startsAt: newest.starts_at }) : byDate.all({ pattern, startsAt: newest.starts_at });
    };

    const candidates: number[] = [];
    const baseline: number[] = [];
    for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
      for (const text of TEXTS) {
        let start = performance.now();
        await call('sager.candidates', input(text));
        const mine = performance.now() - start;
        start = performance.now();
        baselineOf(text);
        const raw = performance.now() - start;
        if (round >= WARMUP_ROUNDS) {
          candidates.push(mine);
          baseline.push(raw);
        }
      }
    }

    // One sag over SAG_SIZE items spread over the years and forums, linked the way a user links them.
    const spread = db
      .prepare(
        `SELECT i.id FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id
          WHERE i.position = 1 AND i.sag_id IS NULL AND m.status = 'afholdt' ORDER BY m.starts_at`,
      )
      .all() as { id: string }[];
    const chosen = Array.from({ length: SAG_SIZE }, (_, k) => spread[Math.floor((k * spread.length) / SAG_SIZE)]?.id ?? '');
    let sagId = '';
    for (let i = 1; i < chosen.length; i++) {
      ({ sag: { id: sagId } } = await call<{ sag: { id: string } }>('sager.link', { itemId: chosen[i], earlierItemId: chosen[i - 1] }));
    }
    const timeline: number[] = [];
    for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
      const start = performance.now();
      await call('sager.get', { sagId, includeConfidential: true });
      if (round >= WARMUP_ROUNDS) timeline.push(performance.now() - start);
    }
    services.close();

    const candidatesP95 = percentile(candidates, 95);
    const baselineP95 = percentile(baseline, 95);
    const timelineP95 = percentile(timeline, 95);
    bench('sag_candidates_p95_ms', years, candidatesP95);
    bench('sag_candidates_baseline_p95_ms', years, baselineP95);
    bench('sag_candidates_p95_ratio', years, candidatesP95 / baselineP95);
    bench('sag_timeline_ms', years, timelineP95);
    const fixed = (n: number) => n.toFixed(2);
    console.log('');
    console.log(`Arkiv ${describeArchive(copy.info)}`);
    console.log(`${ROUNDS} gentagelser af ${TEXTS.length} søgninger efter tidligere punkter; forløb for en sag med ${chosen.length} punkter`);
    const target = TARGET_MS[years];
    const worst = Math.max(candidatesP95, timelineP95);
    if (target !== undefined) console.log(`Mål ved ${years} år: p95 ≤ ${target} ms (${worst <= target ? 'nået' : 'IKKE nået'}: ${fixed(worst)} ms)`);
  } finally {
    copy.remove();
  }
}
