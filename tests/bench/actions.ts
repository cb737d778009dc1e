/**
 * The actions overview on a ten-year archive: the first page (50 rows) of `actions.list` through the
 * service (validation, filters, the overdue-first order, joins) for the filters people use. The
 * fixture only knows åben and udført, so the copy gets some i gang, forsinket and droppet first.
 */
import { performance } from 'node:perf_hooks';
import { createContext } from '../../electron/services/context';
import { createServices } from '../../electron/services/dispatch';
import { openBenchCopy, percentile } from './benchCopy';
import { fixtureCounts, forumIdOf } from './generate';

const WARMUP_ROUNDS = 5;
const ROUNDS = 40;
/** Target from the issue. */
export const TARGET_P95_MS = 50;

const FILTERS: { label: string; input: Record<string, unknown> }[] = [
  { label: 'alle', input: {} },
  { label: 'alle åbne', input: { status: 'alle_aabne' } },
  { label: 'i gang', input: { status: 'igang' } },
  { label: 'forsinket', input: { status: 'forsinket' } },
  { label: 'udført', input: { status: 'udfoert' } },
  { label: 'droppet', input: { status: 'droppet' } },
  { label: 'ét forum', input: { forumId: forumIdOf(7) } },
  { label: 'ét forum, åbne', input: { forumId: forumIdOf(7), status: 'alle_aabne' } },
  { label: 'hvem', input: { who: 'Mette' } },
  { label: 'hvem, åbne', input: { who: 'Mette', status: 'alle_aabne' } },
  { label: 'frist før 2020', input: { dueBefore: '2020-01-01' } },
  { label: 'åbne, frist før 2022', input: { status: 'alle_aabne', dueBefore: '2022-01-01' } },
  { label: 'side 2 af alle', input: { offset: 50 } },
];

export async function runActionsBench(): Promise<{ p50Ms: number; p95Ms: number }> {
  const copy = openBenchCopy();
  try {
    const { archive, openMs } = copy;
    archive.db.exec(`
      UPDATE action SET status = 'igang' WHERE status = 'aaben' AND rowid % 3 = 0;
      UPDATE action SET status = 'forsinket' WHERE status = 'aaben' AND rowid % 3 = 1;
      UPDATE action SET status = 'droppet', drop_reason = 'Ikke længere relevant' WHERE status = 'udfoert' AND rowid % 20 = 0;
      ANALYZE;
    `);
    const services = createServices(createContext(archive, 'bench'));
    const run = async (i: number) => {
      const result = await services.call('actions.list', { limit: 50, ...FILTERS[i]?.input });
      if (!result.ok) throw new Error(`actions.list fejlede: ${result.error.message}`);
      return result.value;
    };
    const counts: number[] = [];
    for (let round = 0; round < WARMUP_ROUNDS; round++) {
      for (let i = 0; i < FILTERS.length; i++) {
        const page = await run(i);
        if (round === 0) counts.push(page.rows.length);
      }
    }
    const times: number[][] = FILTERS.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < FILTERS.length; i++) {
        const start = performance.now();
        await run(i);
        times[i]?.push(performance.now() - start);
      }
    }
    const totals = archive.db.prepare('SELECT status, COUNT(*) AS n FROM action GROUP BY status ORDER BY status').all() as { status: string; n: number }[];
    services.close();

    const all = times.flat();
    const result = { p50Ms: percentile(all, 50), p95Ms: percentile(all, 95) };
    const fixed = (n: number) => n.toFixed(2);
    console.log(`BENCH actions_first_page_ms=${fixed(result.p95Ms)}`);
    console.log(`BENCH actions_first_page_p50_ms=${fixed(result.p50Ms)}`);
    console.log('');
    const sizes = Object.entries(fixtureCounts())
      .map(([what, n]) => `${n.toLocaleString('da-DK')} ${what}`)
      .join(', ');
    console.log(`Arkiv: ${sizes}; handlinger pr. status: ${totals.map((t) => `${t.status} ${t.n}`).join(', ')}`);
    console.log(`${ROUNDS} gentagelser pr. filter; åbning med migrering: ${fixed(openMs)} ms`);
    console.log('Filter                        rækker   p50 ms   p95 ms');
    console.log('----------------------------  ------  -------  -------');
    FILTERS.forEach(({ label }, i) => {
      const mine = times[i] ?? [];
      console.log(`${label.padEnd(28)}  ${String(counts[i]).padStart(6)}  ${fixed(percentile(mine, 50)).padStart(7)}  ${fixed(percentile(mine, 95)).padStart(7)}`);
    });
    console.log(`Mål: p95 ≤ ${TARGET_P95_MS} ms (${result.p95Ms <= TARGET_P95_MS ? 'nået' : 'IKKE nået'})`);
    return result;
  } finally {
    copy.remove();
  }
}
