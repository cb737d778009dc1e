import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SqliteDb } from '../../../electron/archive/open';
import type { Services } from '../../../electron/services/dispatch';
import { must, servicesWithArchive } from '../support';
import { collect, type Artefact, type CollectOptions } from './artefacts';
import { findLeaks, leakReport, liveCanaries, missingFromFull, route, type Leak } from './check';
import type { Op } from './scenario';
import { applyOp, attempt, createWorld, pickItem, snapshot, type World } from './world';

export interface Totals {
  archives: number;
  operations: number;
  artefacts: number;
  canaries: number;
  refused: number;
  /** Distinct leak routes (artefact and field) seen in any archive. */
  routes: Map<string, string>;
}

export function newTotals(): Totals {
  return { archives: 0, operations: 0, artefacts: 0, canaries: 0, refused: 0, routes: new Map() };
}

export interface RunOptions {
  /** Run the shared CLI commands in-process on every n-th archive at the end (they build the same documents again). */
  cliEvery: number;
  /** Build the full Word documents for the control on every n-th archive (the other archives control with the full JSON views). */
  fullDocumentsEvery: number;
  /** Keep going after a leak, to list every route (CANARY_SURVEY); the property then never fails on a leak. */
  survey: boolean;
}

/**
 * Builds one archive from the steps, checking the projector while the meeting runs and a fresh archive
 * after each exchange, then every shared artefact at the end. Throws a readable report on a leak, and
 * when the control finds a live canary in no full variant.
 */
export async function runScenario(ops: readonly Op[], totals: Totals, options: RunOptions): Promise<void> {
  const world = await createWorld();
  try {
    totals.archives += 1;
    const fail = (where: string, leaks: Leak[]) => {
      for (const leak of leaks) totals.routes.set(route(leak), `${leak.artefact}: ${world.book.describe(leak.canary)}`);
      if (leaks.length > 0 && !options.survey) throw new Error(leakReport(world.book, where, leaks, world.log));
    };
    for (const [index, op] of ops.entries()) {
      const n = index + 1;
      if (!(await applyOp(world, op, n))) continue;
      totals.operations += 1;
      if (op.kind === 'present') fail(`på projektoren (operation #${n})`, await present(world, op.item, n));
      if (op.kind === 'exchange') {
        world.log.push(`#${n} hele arkivet eksporteres og indlæses i et nyt arkiv`);
        await exchangeRoundTrip(world, totals, fail, `i et nyt arkiv efter udvekslingen i operation #${n}`);
      }
    }
    const nth = (every: number) => (totals.archives - 1) % every === 0;
    await checkpoint(world, world.services, world.archive.db, totals, fail, 'i arkivet til sidst', {
      fullDocuments: nth(options.fullDocumentsEvery),
      cliArchive: nth(options.cliEvery) ? world.path : undefined,
    });
  } finally {
    totals.canaries += world.book.count;
    totals.refused += world.refused;
    world.services.close();
    removeArchive(world.path);
  }
}

type Fail = (where: string, leaks: Leak[]) => void;

async function checkpoint(world: World, services: Services, db: SqliteDb, totals: Totals, fail: Fail, where: string, options: CollectOptions) {
  const secret = world.book.secret();
  const live = liveCanaries(db, secret);
  const tokens = { secret: secret.map((c) => c.token), live: [...live.inDocuments, ...live.elsewhere].map((c) => c.token) };
  const artefacts = await collect(services, tokens, options);
  totals.artefacts += artefacts.shared.length + artefacts.full.length;
  fail(where, findLeaks(artefacts.shared, secret));
  const missing = missingFromFull(artefacts.full, live, options.fullDocuments);
  if (missing.length > 0) {
    throw new Error(
      [
        `Kontrollen fejler ${where}: arkivet har lukket indhold, som ingen fuld variant viser, så testen kunne ikke se det lække:`,
        ...missing.map((c) => `  - ${world.book.describe(c)}`),
        'Forløbet:',
        ...world.log,
      ].join('\n'),
    );
  }
}

/** The facilitator goes to the item with confidential display off; the projector must show nothing closed. */
async function present(world: World, pick: number, n: number): Promise<Leak[]> {
  const item = pickItem(await snapshot(world.services), pick);
  if (!item) return [];
  const { meetingId } = item;
  world.log.push(`#${n} mødet ${item.startsAt.slice(0, 10)} køres, og projektoren viser punkt ${item.position} «${item.title}»`);
  await attempt(world, 'run.start', { meetingId });
  await attempt(world, 'run.showConfidential', { meetingId, show: false });
  await attempt(world, 'run.goTo', { meetingId, phase: 'punkt', itemId: item.id });
  if (item.decision) await attempt(world, 'decisions.readBack', { itemId: item.id });
  const view: Artefact = { name: 'Projektorvisningen under mødet', text: JSON.stringify(await must(world.services, 'run.presenter', { meetingId })) };
  return findLeaks([view], world.book.secret());
}

async function exchangeRoundTrip(world: World, totals: Totals, fail: Fail, where: string) {
  const file = await must(world.services, 'exchange.export', { scope: 'arkiv' });
  const fresh = servicesWithArchive();
  try {
    await must(fresh.services, 'exchange.import', { content: Buffer.from(file.base64, 'base64').toString('utf8') });
    await checkpoint(world, fresh.services, fresh.archive.db, totals, fail, where, { fullDocuments: false });
  } finally {
    fresh.services.close();
    removeArchive(fresh.archive.path);
  }
}

/** Each archive lives in a folder of its own (with its backups); hundreds of them would fill the disk. */
export function removeArchive(path: string): void {
  rmSync(dirname(path), { recursive: true, force: true });
}
