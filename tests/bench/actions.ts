/**
 * Follow-up of actions (the actions overview): the first page (50 rows) of `actions.list` through the
 * service (validation, filters, the overdue-first order, joins) for the filters people use, as the
 * screen asks for it. The archive is measured as the product leaves it: no ANALYZE, which the product
 * never runs. Also the open actions the overview loads today (`actions.listOpen`, the whole list).
 */
import { performance } from 'node:perf_hooks';
import { createContext } from '../../electron/services/context';
import { createServices } from '../../electron/services/dispatch';
import { bench, openBenchCopy, percentile } from './benchCopy';
import { describeArchive, forumIdOf } from './generate';

const WARMUP_ROUNDS = 5;
const ROUNDS = 40;
/** Targets from the issue, by archive size in years. */
export const TARGET_P95_MS: Record<number, number> = { 10: 15, 30: 25 };

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
  { label: 'frist før 2026', input: { dueBefore: '2026-01-01' } },
  { label: 'åbne, frist før december', input: { status: 'alle_aabne', dueBefore: '2026-12-01' } },
  { label: 'side 2 af alle', input: { offset: 50 } },
];

export async function runActionsBench(years: number): Promise<void> {
  const copy = openBenchCopy(years);
  try {
    const { archive } = copy;
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
    const openList: number[] = [];
    for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
      const start = performance.now();
      const result = await services.call('actions.listOpen', {});
      if (!result.ok) throw new Error(`actions.listOpen fejlede: ${result.error.message}`);
      if (round >= WARMUP_ROUNDS) openList.push(performance.now() - start);
    }
    const totals = archive.db.prepare('SELECT status, COUNT(*) AS n FROM action GROUP BY status ORDER BY status').all() as { status: string; n: number }[];
    services.close();

    const all = times.flat();
    const p95 = percentile(all, 95);
    const fixed = (n: number) => n.toFixed(2);
    bench('followup_first_page_p95_ms', years, p95);
    bench('followup_first_page_p50_ms', years, percentile(all, 50));
    bench('followup_open_actions_p95_ms', years, percentile(openList, 95));
    console.log('');
    console.log(`Arkiv ${describeArchive(copy.info)}; handlinger pr. status: ${totals.map((t) => `${t.status} ${t.n}`).join(', ')}`);
    console.log(`${ROUNDS} gentagelser pr. filter, 50 rækker pr. side`);
    console.log('Filter                        rækker   p50 ms   p95 ms');
    console.log('----------------------------  ------  -------  -------');
    FILTERS.forEach(({ label }, i) => {
      const mine = times[i] ?? [];
      console.log(`${label.padEnd(28)}  ${String(counts[i]).padStart(6)}  ${fixed(percentile(mine, 50)).padStart(7)}  ${fixed(percentile(mine, 95)).padStart(7)}`);
    });
    console.log(`${'alle åbne (actions.listOpen)'.padEnd(28)}  ${''.padStart(6)}  ${fixed(percentile(openList, 50)).padStart(7)}  ${fixed(percentile(openList, 95)).padStart(7)}`);
    const target = TARGET_P95_MS[years];
    if (target !== undefined) console.log(`Mål ved ${years} år: første side p95 ≤ ${target} ms (${p95 <= target ? 'nået' : 'IKKE nået'}: ${fixed(p95)} ms)`);
  } finally {
    copy.remove();
  }
}
