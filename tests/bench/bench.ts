/**
 * `npm run bench [name]`: runs one benchmark by name, or all of them. Each prints `BENCH key=value` lines
 * that CI and people can grep, followed by a small table for humans.
 */
import { runActionsBench } from './actions';
import { runReferatBench } from './referat';
import { runRegisterBench } from './register';
import { runSagerBench } from './sager';
import { runSearchBench } from './search';
import { runStartupBench } from './startup';

const BENCHMARKS: Record<string, () => Promise<unknown>> = {
  actions: runActionsBench,
  referat: runReferatBench,
  search: runSearchBench,
  register: runRegisterBench,
  sager: runSagerBench,
  startup: runStartupBench,
};

async function main(): Promise<void> {
  const wanted = process.argv[2];
  if (wanted !== undefined && !(wanted in BENCHMARKS)) {
    console.error(`Ukendt benchmark "${wanted}". Kendte: ${Object.keys(BENCHMARKS).join(', ')}`);
    process.exitCode = 1;
    return;
  }
  const names = wanted === undefined ? Object.keys(BENCHMARKS) : [wanted];
  for (const name of names) {
    console.log(`== ${name}`);
    await BENCHMARKS[name]?.();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
