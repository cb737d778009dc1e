// The canary property test: random archives with confidential items whose every field holds a unique
// token, random use of them, and then every shared artefact the app can produce, read back in full.
// No token may appear in any of them; the control shows each live token does appear in a full variant.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { partsOf } from './docx-readback';
import { findLeaks, leakReport } from './canary/check';
import { newTotals, removeArchive, runScenario } from './canary/run';
import { scenario, type Op } from './canary/scenario';
import { applyOp, createWorld } from './canary/world';
import type { Artefact } from './canary/artefacts';

const RUNS = Number(process.env['CANARY_RUNS'] ?? 200);
/** CANARY_SURVEY=1 goes on after a leak and lists every leak route at the end, instead of shrinking the first. */
const SURVEY = process.env['CANARY_SURVEY'] === '1';
const CLI = resolve('dist/cli/samtalerum.cjs');

/**
 * Scenarios that always run first, one per known way closed content has reached shared artefacts, so
 * each is tried on every run whatever the random ones hit. Items are numbered across the start's
 * meetings in date order: 0–1 TRIO 1 September (1 is closed), 2–3 the udviklingsråd 15 September,
 * 4–5 TRIO 6 October, 6–7 TRIO 12 January.
 */
const KNOWN_ROUTES: Op[][] = [
  // An action from a closed item comes back under «Opfølgning fra sidst» at the next meetings.
  [{ kind: 'action', item: 1, term: 'kort' }],
  // Removing a closed item with actions leaves the actions on the meeting as a whole.
  [{ kind: 'action', item: 1, term: 'kort' }, { kind: 'split', action: 0, parts: 2 }, { kind: 'remove', item: 1 }],
  // A new version of an approved referat lists its changes, naming the items.
  // (The shared referat hides lines naming a closed item's present title, but not its earlier ones.)
  [{ kind: 'approve', meeting: 0 }, { kind: 'newVersion', meeting: 0 }, { kind: 'remove', item: 1 }, { kind: 'approve', meeting: 0 }],
  [
    { kind: 'approve', meeting: 0 },
    { kind: 'newVersion', meeting: 0 },
    { kind: 'rename', item: 1 },
    { kind: 'notes', item: 1 },
    { kind: 'approve', meeting: 0 },
    { kind: 'newVersion', meeting: 0 },
    { kind: 'rename', item: 1 },
    { kind: 'approve', meeting: 0 },
  ],
  // A sag is named after the earlier item, also a closed one, and shown with an open item's decision.
  [{ kind: 'link', item: 4, earlier: 1 }, { kind: 'decide', item: 4, colour: 'gul', finalize: true }, { kind: 'link', item: 5, earlier: 1 }],
  // An input from a lyttemøde sent to an agenda, whose item is then closed: the lyttemøde names it.
  [{ kind: 'sendInput', input: 0, meeting: 2 }, { kind: 'confidential', item: 6, on: true }],
  // Opened again: what the item held may be shared from then on, and only that.
  [{ kind: 'decide', item: 1, colour: 'gul', finalize: true }, { kind: 'action', item: 1, term: 'kort' }, { kind: 'notes', item: 1 }, { kind: 'confidential', item: 1, on: false }],
  // Carried to the next meeting, shown on the projector, and moved to another archive.
  [{ kind: 'decide', item: 1, colour: 'roed', finalize: false }, { kind: 'park', item: 1 }, { kind: 'present', item: 1 }, { kind: 'action', item: 1, term: 'lang' }, { kind: 'remove', item: 1 }, { kind: 'exchange' }],
];

describe('confidential stays confidential (canary property test)', () => {
  const totals = newTotals();

  afterAll(() => {
    const leaks = totals.routes.size;
    console.log(
      `Kanarietest: ${totals.archives} arkiver, ${totals.operations} operationer, ${totals.artefacts} artefakter kontrolleret, ` +
        `${totals.canaries} kanarier, ${totals.refused} afviste operationer, ${leaks} ${leaks === 1 ? 'lækage' : 'lækager'}`,
    );
    for (const [route, example] of totals.routes) console.log(`  lækage: ${route}\n    fx ${example}`);
  });

  it(
    `no canary reaches a shared artefact in ${RUNS} random archives`,
    async () => {
      await fc.assert(
        fc.asyncProperty(scenario, async (ops) => {
          await runScenario(ops, totals, { cliEvery: 10, fullDocumentsEvery: 4, survey: SURVEY });
        }),
        { numRuns: RUNS, examples: KNOWN_ROUTES.map((ops) => [ops] as [Op[]]), ...(process.env['CANARY_SEED'] ? { seed: Number(process.env['CANARY_SEED']) } : {}) },
      );
      expect([...totals.routes.keys()]).toEqual([]);
    },
    Math.max(600_000, RUNS * 5_000),
  );
});

/** The built CLI in its own process, as a secretary runs it, on a few random archives. */
describe('the built CLI shares no canary', () => {
  it('in its listings, every shared document (Word, text, CSV) and the sager’s timelines, on three archives', async () => {
    if (!existsSync(CLI)) throw new Error(`Den byggede CLI mangler (${CLI}): kør npm run build først.`);
    // Two of the known routes through the shared referat, and one random archive.
    const samples = [KNOWN_ROUTES[1] ?? [], KNOWN_ROUTES[2] ?? [], ...fc.sample(scenario, { numRuns: 1, seed: 20261206 })];
    for (const ops of samples) {
      const world = await createWorld();
      try {
        for (const [index, op] of ops.entries()) await applyOp(world, op, index + 1);
      } finally {
        world.services.close();
      }
      const artefacts: Artefact[] = [];
      const out = mkdtempSync(join(tmpdir(), 'samtalerum-kanari-bin-'));
      const cli = (...args: string[]) => {
        const run = spawnSync(process.execPath, [CLI, ...args, '--archive', world.path], {
          encoding: 'utf8',
          env: { ...process.env, SAMTALERUM_DATA_DIR: out, SAMTALERUM_DEBUG: '' },
          timeout: 60_000,
        });
        if (run.status !== 0) throw new Error(`samtalerum ${args.join(' ')} gav afslutningskode ${run.status}: ${run.stderr}`);
        artefacts.push({ name: `samtalerum ${args[0] ?? ''}`, text: `${run.stdout}\n${run.stderr}` });
        return run.stdout;
      };
      const forumIds = cli('list-forums').split('\n').filter(Boolean).map((line) => line.split(' ')[0] ?? '');
      // list-meetings: short id first, status last.
      const meetings = cli('list-meetings').split('\n').filter(Boolean).map((line) => line.split(/ {2,}/));
      for (const [id = '', ...rest] of meetings) {
        cli('export-dagsorden', '--meeting', id, '--variant', 'delt', '--out', join(out, 'dagsorden', `${id}.docx`));
        // Only a held meeting has a referat and a staff summary; the CLI refuses the others.
        if (rest.at(-1) !== 'afholdt') continue;
        cli('export-referat', '--meeting', id, '--variant', 'delt', '--out', join(out, 'enkelt', `${id}.docx`));
        cli('export-personaleresume', '--meeting', id, '--out', join(out, 'resume', `${id}.docx`));
        cli('export-personaleresume', '--meeting', id, '--out', join(out, 'resume', `${id}.txt`));
      }
      for (const id of forumIds) cli('export-referater', '--forum', id, '--from', '2000-01-01', '--to', '2100-12-31', '--variant', 'delt', '--out', join(out, id));
      cli('export-beslutningslog', '--variant', 'delt', '--out', join(out, 'beslutningslog.docx'));
      cli('export-beslutningslog', '--variant', 'delt', '--out', join(out, 'beslutningslog.csv'));
      for (const line of cli('vis-sag').split('\n').filter(Boolean)) cli('vis-sag', line.split(' ')[0] ?? '');
      const files = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((name) => /\.(docx|txt|csv)$/.test(name));
      expect(files.filter((name) => name.startsWith('dagsorden')).length).toBe(meetings.length);
      for (const name of files) {
        artefacts.push({ name: `filnavnet ${name}`, text: name });
        if (!name.endsWith('.docx')) {
          artefacts.push({ name, text: readFileSync(join(out, name), 'utf8') });
          continue;
        }
        for (const [part, xml] of await partsOf(readFileSync(join(out, name)))) {
          artefacts.push({ name: `${name} [${part}]`, text: `${xml}\n${xml.replace(/<[^>]*>/g, '')}` });
        }
      }
      removeArchive(world.path);
      rmSync(out, { recursive: true, force: true });
      const leaks = findLeaks(artefacts, world.book.secret());
      if (leaks.length > 0) throw new Error(leakReport(world.book, 'i den byggede CLI', leaks, world.log));
      expect(world.book.secret().length).toBeGreaterThan(0);
    }
  }, 180_000);
});
