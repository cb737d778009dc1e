/**
 * What the decision register (beslutningslog) costs: the first page (50 rows)
 * of `decisions.list` through the service (dispatch: validation, filters, joins, colour definitions)
 * under the filters people use, plus the page a user reaches after scrolling 10,000 rows. At the end,
 * the service process's resident memory after opening the archive and running register and search.
 */
import { performance } from 'node:perf_hooks';
import { createContext } from '../../electron/services/context';
import { createServices } from '../../electron/services/dispatch';
import type { DecisionPage } from '../../shared/api/methods/register';
import { bench, openBenchCopy, percentile } from './benchCopy';
import { describeArchive, forumIdOf } from './generate';

const WARMUP_ROUNDS = 5;
const ROUNDS = 40;
/** Targets from the issue for the register's first page, by archive size in years. */
export const TARGET_FIRST_PAGE_MS: Record<number, number> = { 10: 15, 30: 25 };

/** The first page under each filter; the p95 over all of them is the BENCH figure. */
const FIRST_PAGES: { label: string; input: Record<string, unknown> }[] = [
  { label: 'ingen afgrænsning', input: {} },
  { label: 'ét forum', input: { forumId: forumIdOf(7) } },
  { label: 'farve: grøn', input: { colour: 'groen' } },
  { label: 'farve: blå', input: { colour: 'blaa' } },
  { label: 'periode: skoleåret 2025/26', input: { from: '2025-08-01', to: '2026-07-31' } },
  { label: 'forum + farve: rød', input: { forumId: forumIdOf(23), colour: 'roed' } },
  { label: 'forum + farve + periode', input: { forumId: forumIdOf(41), colour: 'gul', from: '2024-01-01', to: '2026-06-30' } },
  { label: 'tekst: tilsyn', input: { text: 'tilsyn' } },
  { label: 'tekst + forum: fravær', input: { text: 'fravær', forumId: forumIdOf(3) } },
];
/** Shown in the table, not in the p95: a page deep in the list, as after scrolling 10,000 rows. */
const DEEP_PAGE = { label: 'side ved række 10.000', input: { offset: 10_000 } };

export async function runRegisterBench(years: number): Promise<void> {
  const copy = openBenchCopy(years);
  try {
    const { archive } = copy;
    const services = createServices(createContext(archive, 'bench'));

    const page = async (input: Record<string, unknown>): Promise<DecisionPage> => {
      const result = await services.call('decisions.list', { limit: 50, ...input });
      if (!result.ok) throw new Error(`decisions.list fejlede: ${result.error.message}`);
      return result.value;
    };
    const cases = [...FIRST_PAGES, DEEP_PAGE];
    const counts: number[] = [];
    for (let round = 0; round < WARMUP_ROUNDS; round++) {
      for (const { input } of cases) {
        const result = await page(input);
        if (round === 0) counts.push(result.rows.length);
      }
    }
    const times: number[][] = cases.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, { input }] of cases.entries()) {
        const start = performance.now();
        await page(input);
        times[i]?.push(performance.now() - start);
      }
    }

    services.close();

    const firstPages = times.slice(0, FIRST_PAGES.length).flat();
    const deep = times[FIRST_PAGES.length] ?? [];
    const p95 = percentile(firstPages, 95);
    bench('register_first_page_p95_ms', years, p95);
    bench('register_first_page_p50_ms', years, percentile(firstPages, 50));
    bench('register_deep_page_ms', years, percentile(deep, 95));

    const fixed = (n: number) => n.toFixed(2);
    console.log('');
    console.log(`Arkiv ${describeArchive(copy.info)}; ${ROUNDS} gentagelser pr. afgrænsning, 50 rækker pr. side`);
    console.log('Afgrænsning                     rækker   p50 ms   p95 ms');
    console.log('------------------------------  ------  -------  -------');
    cases.forEach(({ label }, i) => {
      const mine = times[i] ?? [];
      console.log(`${label.padEnd(30)}  ${String(counts[i]).padStart(6)}  ${fixed(percentile(mine, 50)).padStart(7)}  ${fixed(percentile(mine, 95)).padStart(7)}`);
    });
    const target = TARGET_FIRST_PAGE_MS[years];
    if (target !== undefined) console.log(`Mål ved ${years} år: første side p95 ≤ ${target} ms (${p95 <= target ? 'nået' : 'IKKE nået'}: ${fixed(p95)} ms)`);
  } finally {
    copy.remove();
  }
}
