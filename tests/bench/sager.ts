/**
 * What a sag costs on a ten-year archive: finding earlier items to link to (`sager.candidates`, newest
 * first, with and without typed text) through the service, against the bare SQL a first version would
 * use: a LIKE over every title, newest meeting first, without the trigram index, the Danish folding, the
 * joins and the validation; and reading a long sag's timeline (`sager.get`).
 */
import { performance } from 'node:perf_hooks';
import { createContext } from '../../electron/services/context';
import { createServices } from '../../electron/services/dispatch';
import { openBenchCopy, percentile } from './benchCopy';

const WARMUP_ROUNDS = 5;
const ROUNDS = 40;
/** The same target as the other lists' first pages. */
export const TARGET_MS = 50;
/** Typed as a user would look for the matter; the last finds nothing, so the whole archive is read. */
const TEXTS: (string | undefined)[] = [undefined, 'vikar', 'tilsyn', 'fravær', 'Å', 'skemalægning i udskolingen', 'ingen-sådan-sag'];
/** Items linked into one sag across forums and years, for the timeline. */
const SAG_SIZE = 12;

export interface SagerBenchResult {
  candidatesP95Ms: number;
  baselineP95Ms: number;
  timelineP95Ms: number;
}

export async function runSagerBench(): Promise<SagerBenchResult> {
  const copy = openBenchCopy();
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
    const bare = db.prepare(
      `SELECT i.id FROM meeting m CROSS JOIN agenda_item i ON i.meeting_id = m.id
        WHERE m.starts_at <= ? AND lower(i.title) LIKE ? ORDER BY m.starts_at DESC LIMIT 20`,
    );
    const input = (text: string | undefined) => (text === undefined ? { itemId: newest.id } : { itemId: newest.id, text });
    const pattern = (text: string | undefined) => `%${(text ?? '').toLocaleLowerCase('da-DK')}%`;

    const candidates: number[] = [];
    const baseline: number[] = [];
    for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
      for (const text of TEXTS) {
        let start = performance.now();
        await call('sager.candidates', input(text));
        const mine = performance.now() - start;
        start = performance.now();
        bare.all(newest.starts_at, pattern(text));
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
          WHERE i.position = 1 ORDER BY m.starts_at LIMIT ?`,
      )
      .all(SAG_SIZE * 400) as { id: string }[];
    const chosen = spread.filter((_, i) => i % 400 === 0).map((r) => r.id);
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

    const result: SagerBenchResult = {
      candidatesP95Ms: percentile(candidates, 95),
      baselineP95Ms: percentile(baseline, 95),
      timelineP95Ms: percentile(timeline, 95),
    };
    const fixed = (n: number) => n.toFixed(2);
    console.log(`BENCH sag_candidates_p95_ms=${fixed(result.candidatesP95Ms)}`);
    console.log(`BENCH sag_candidates_baseline_p95_ms=${fixed(result.baselineP95Ms)}`);
    console.log(`BENCH sag_candidates_p95_ratio=${fixed(result.candidatesP95Ms / result.baselineP95Ms)}`);
    console.log(`BENCH sag_timeline_ms=${fixed(result.timelineP95Ms)}`);
    console.log('');
    console.log(`${ROUNDS} gentagelser af ${TEXTS.length} søgninger efter tidligere punkter; forløb for en sag med ${chosen.length} punkter`);
    const worst = Math.max(result.candidatesP95Ms, result.timelineP95Ms);
    console.log(`Mål: p95 ≤ ${TARGET_MS} ms (${worst <= TARGET_MS ? 'nået' : 'IKKE nået'}: ${fixed(worst)} ms)`);
    return result;
  } finally {
    copy.remove();
  }
}
