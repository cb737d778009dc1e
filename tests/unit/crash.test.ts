/**
 * Autosave under crashes: the service process is killed with SIGKILL at least 50 times in the
 * middle of a stream of edits. After every kill the archive must pass PRAGMA integrity_check, and
 * every edit whose HTTP response arrived (ok: true) must be in the file.
 *
 * The harness runs the real services over a real SQLite file (see tests/harness/server.ts); this
 * test needs the built dist/harness/server.cjs, so run `npm run build` first (`npm test` does).
 *
 * Design, so the check is exact despite concurrency:
 * - a few parallel edit loops; each loop owns its own agenda items and check-out answer, and sends
 *   its next edit only when the previous one answered, so at most one edit per loop is in flight;
 * - notes and decisions are "last value wins" per item: the stored value must be the last
 *   acknowledged one, or the one edit that was in flight when the process died;
 * - check-out tallies count up: stored count ∈ [acknowledged, acknowledged + in flight];
 * - actions are unique texts: every acknowledged one must exist, and nothing may exist that was
 *   never sent.
 * Timing is random but seeded, so the sequence of edits and kill delays is repeatable.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../bench/prose';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SERVER = join(ROOT, 'dist/harness/server.cjs');

const ROUNDS = 50;
const LOOPS = 4;
const KILL_DELAY_MS = { min: 20, max: 150 } as const;
const START_TIMEOUT_MS = 15_000;
const REQUEST_TIMEOUT_MS = 10_000;
const SEED = 0x5a7a1e;

const SCALE = ['meget_hoej', 'hoej', 'nogen', 'mindre', 'slet_ikke', 'ved_ikke'] as const;
type Answer = (typeof SCALE)[number];
type Colour = 'roed' | 'gul' | 'groen' | 'blaa';

type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; field?: string } };

interface Item {
  id: string;
  announcedColour: Colour | null;
}

function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

interface Running {
  child: ChildProcess;
  url: string;
  exited: Promise<void>;
}

/** Starts the harness on the given file; resolves when it prints HARNESS_READY. */
function startHarness(dbPath: string, demo: boolean): Promise<Running> {
  const child = spawn(process.execPath, [SERVER, '--db', dbPath, '--port', '0', ...(demo ? ['--demo'] : [])], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`Harness blev ikke klar inden for ${START_TIMEOUT_MS} ms.\n${stderr}`));
    }, START_TIMEOUT_MS);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^HARNESS_READY (http:\/\/127\.0\.0\.1:\d+)$/.exec(line.trim());
      if (match?.[1]) {
        clearTimeout(timer);
        ok({ child, url: match[1], exited });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`Harness stoppede (kode ${code}, signal ${signal}) før den var klar.\n${stderr}`));
    });
  });
}

async function call(url: string, method: string, input: unknown): Promise<Envelope> {
  const response = await fetch(`${url}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  return (await response.json()) as Envelope;
}

async function must<T>(url: string, method: string, input: unknown): Promise<T> {
  const result = await call(url, method, input);
  if (!result.ok) throw new Error(`${method} fejlede: ${result.error.message}`);
  return result.value as T;
}

/** What the test knows about the archive: confirmed values, plus what may have landed unconfirmed. */
interface Expected {
  /** Per item: the notes / decision text that must be stored (after the last verified round). */
  notes: Map<string, string>;
  decisions: Map<string, string | null>;
  /** Per check-out cell "q:answer": the count that must be stored at least. */
  tallies: Map<string, number>;
  /** Every acknowledged action text. */
  actions: Set<string>;
}

/** One round's unconfirmed edits: at most one per loop, sent when the process died. */
interface InFlight {
  notes: Map<string, string>;
  decisions: Map<string, string>;
  tallies: Map<string, number>;
  actions: Set<string>;
}

interface RoundResult {
  acknowledged: number;
  rejected: string[];
}

describe('autosave overlever SIGKILL', () => {
  const cleanup: (() => void)[] = [];
  afterAll(() => {
    for (const step of cleanup.reverse()) step();
  });

  it(
    `mister ingen bekræftet ændring over ${ROUNDS} nedbrud, og arkivet er helt hver gang`,
    async () => {
      if (!existsSync(SERVER)) {
        throw new Error(`${SERVER} mangler: nedbrudstesten kører mod den byggede harness — kør npm run build først.`);
      }
      const dir = mkdtempSync(join(tmpdir(), 'samtalerum-crash-'));
      cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
      const dbPath = join(dir, 'samtalerum.sqlite');
      let current: Running | null = null;
      cleanup.push(() => {
        if (current && current.child.exitCode === null && current.child.signalCode === null) current.child.kill('SIGKILL');
      });

      // Setup, once: a demo archive, its upcoming meeting and items; the meeting is started.
      current = await startHarness(dbPath, true);
      const setupUrl = current.url;
      let upcoming: { id: string } | undefined;
      for (let attempt = 0; attempt < 50 && !upcoming; attempt++) {
        const meetings = await must<{ id: string; status: string; itemCount: number }[]>(setupUrl, 'meetings.list', {});
        upcoming = meetings.find((m) => m.status === 'planlagt' && m.itemCount > 0);
        if (!upcoming) await new Promise((r) => setTimeout(r, 100));
      }
      if (!upcoming) throw new Error('Demoarkivet har intet kommende møde med punkter.');
      const meetingId = upcoming.id;
      const detail = await must<{ items: (Item & { notes: string })[] }>(setupUrl, 'meetings.get', { meetingId });
      const items: Item[] = detail.items.map((i) => ({ id: i.id, announcedColour: i.announcedColour }));
      const loops = Math.min(LOOPS, items.length);
      expect(loops, 'demomødet skal have mindst to punkter').toBeGreaterThanOrEqual(2);
      await must(setupUrl, 'run.start', { meetingId });
      await must(setupUrl, 'run.goTo', { meetingId, phase: 'punkt', itemId: items[0]!.id });
      current.child.kill('SIGTERM');
      await current.exited;

      // Each loop owns the items i, i + loops, i + 2·loops, … and the check-out answer SCALE[i].
      const owned = Array.from({ length: loops }, (_, loop) => items.filter((_, index) => index % loops === loop));

      const expected: Expected = { notes: new Map(), decisions: new Map(), tallies: new Map(), actions: new Set() };
      {
        const db = new Database(dbPath);
        try {
          for (const item of items) {
            const row = db.prepare('SELECT notes FROM agenda_item WHERE id = ?').get(item.id) as { notes: string };
            expected.notes.set(item.id, row.notes);
            const decision = db.prepare('SELECT text FROM decision WHERE item_id = ?').get(item.id) as { text: string } | undefined;
            expected.decisions.set(item.id, decision?.text ?? null);
          }
        } finally {
          db.close();
        }
      }

      const random = seededRandom(SEED);
      let totalAcknowledged = 0;
      let lost = 0;
      const integrityFailures: string[] = [];
      const problems: string[] = [];
      let sequence = 0;
      let killedMidWrite = 0;

      for (let round = 1; round <= ROUNDS; round++) {
        const harness = await startHarness(dbPath, false);
        current = harness;
        const inFlight: InFlight = { notes: new Map(), decisions: new Map(), tallies: new Map(), actions: new Set() };
        const acked: InFlight = { notes: new Map(), decisions: new Map(), tallies: new Map(), actions: new Set() };
        const result: RoundResult = { acknowledged: 0, rejected: [] };
        let killing = false;

        const editLoop = async (loop: number): Promise<void> => {
          const pick = seededRandom(SEED ^ (round * 7919 + loop * 104_729));
          const mine = owned[loop]!;
          const answer: Answer = SCALE[loop % SCALE.length]!;
          while (!killing) {
            const n = ++sequence;
            const item = mine[Math.floor(pick() * mine.length)]!;
            const kind = pick();
            let method: string;
            let input: unknown;
            let settle: (into: InFlight) => void;
            if (kind < 0.5) {
              const notes = `Nedbrudstest: runde ${round} redigering ${n} (løkke ${loop})`;
              method = 'run.saveNotes';
              input = { itemId: item.id, notes };
              settle = (into) => into.notes.set(item.id, notes);
            } else if (kind < 0.7) {
              const questionIndex = Math.floor(pick() * 3);
              const cell = `${questionIndex}:${answer}`;
              method = 'checkout.record';
              input = { meetingId, questionIndex, answer, change: 1 };
              settle = (into) => into.tallies.set(cell, (into.tallies.get(cell) ?? 0) + 1);
            } else if (kind < 0.85) {
              const what = `Nedbrudstest handling runde ${round} redigering ${n}`;
              method = 'actions.create';
              input = { itemId: item.id, what, who: 'Nedbrudstesten', due: null };
              settle = (into) => into.actions.add(what);
            } else {
              const text = `Nedbrudstest beslutning runde ${round} redigering ${n}`;
              method = 'decisions.record';
              input = { itemId: item.id, colour: item.announcedColour ?? 'groen', text, colourReason: '' };
              settle = (into) => into.decisions.set(item.id, text);
            }
            let reply: Envelope;
            try {
              reply = await call(harness.url, method, input);
            } catch {
              // No answer: the process died with this edit in flight. It may or may not have landed.
              settle(inFlight);
              return;
            }
            if (!reply.ok) {
              result.rejected.push(`${method}: ${reply.error.code} ${reply.error.message}`);
              return;
            }
            settle(acked);
            result.acknowledged++;
          }
        };

        // The harness listens before its services have loaded (so a window can draw meanwhile): the round's
        // writes and its clock start once the services answer.
        await must(harness.url, 'app.info', {});
        const running = Array.from({ length: loops }, (_, loop) => editLoop(loop));
        const delay = KILL_DELAY_MS.min + Math.floor(random() * (KILL_DELAY_MS.max - KILL_DELAY_MS.min + 1));
        await new Promise((r) => setTimeout(r, delay));
        killing = true;
        process.kill(harness.child.pid!, 'SIGKILL');
        await harness.exited;
        await Promise.all(running);
        current = null;
        if (harness.child.signalCode !== 'SIGKILL') problems.push(`runde ${round}: harness endte uden SIGKILL (${harness.child.exitCode})`);
        const unconfirmedTallies = [...inFlight.tallies.values()].reduce((a, b) => a + b, 0);
        if (inFlight.notes.size + inFlight.decisions.size + inFlight.actions.size + unconfirmedTallies > 0) killedMidWrite++;

        totalAcknowledged += result.acknowledged;
        for (const message of result.rejected) problems.push(`runde ${round}: afvist ${message}`);

        // Open the file directly (read-write, so the WAL is recovered) and compare.
        const db = new Database(dbPath);
        try {
          const integrity = db.pragma('integrity_check', { simple: true });
          if (integrity !== 'ok') integrityFailures.push(`runde ${round}: ${String(integrity)}`);

          for (const item of items) {
            const stored = (db.prepare('SELECT notes FROM agenda_item WHERE id = ?').get(item.id) as { notes: string } | undefined)?.notes;
            const wanted = acked.notes.get(item.id) ?? expected.notes.get(item.id)!;
            const maybe = inFlight.notes.get(item.id);
            if (stored !== wanted && stored !== maybe) {
              lost++;
              problems.push(`runde ${round}: noter på ${item.id} er «${stored}», ventede «${wanted}»${maybe ? ` eller «${maybe}»` : ''}`);
            }
            if (stored !== undefined) expected.notes.set(item.id, stored);

            const decision = (db.prepare('SELECT text FROM decision WHERE item_id = ?').get(item.id) as { text: string } | undefined)?.text ?? null;
            const mustDecision = acked.decisions.get(item.id) ?? expected.decisions.get(item.id) ?? null;
            const maybeDecision = inFlight.decisions.get(item.id);
            if (decision !== mustDecision && decision !== maybeDecision) {
              lost++;
              problems.push(`runde ${round}: beslutning på ${item.id} er «${decision}», ventede «${mustDecision}»`);
            }
            expected.decisions.set(item.id, decision);
          }

          const rows = db.prepare('SELECT question_index, answer, count FROM checkout_tally WHERE meeting_id = ?').all(meetingId) as {
            question_index: number;
            answer: string;
            count: number;
          }[];
          const storedTallies = new Map(rows.map((r) => [`${r.question_index}:${r.answer}`, r.count]));
          const cells = new Set([...storedTallies.keys(), ...acked.tallies.keys(), ...inFlight.tallies.keys(), ...expected.tallies.keys()]);
          for (const cell of cells) {
            const stored = storedTallies.get(cell) ?? 0;
            const least = (expected.tallies.get(cell) ?? 0) + (acked.tallies.get(cell) ?? 0);
            const most = least + (inFlight.tallies.get(cell) ?? 0);
            if (stored < least) {
              lost += least - stored;
              problems.push(`runde ${round}: check-out ${cell} er ${stored}, ventede mindst ${least}`);
            } else if (stored > most) {
              problems.push(`runde ${round}: check-out ${cell} er ${stored}, men højst ${most} blev sendt`);
            }
            expected.tallies.set(cell, stored);
          }

          const storedActions = new Set(
            (db.prepare("SELECT what FROM action WHERE what LIKE 'Nedbrudstest handling %'").all() as { what: string }[]).map((r) => r.what),
          );
          for (const what of acked.actions) expected.actions.add(what);
          for (const what of expected.actions) {
            if (!storedActions.has(what)) {
              lost++;
              problems.push(`runde ${round}: handlingen «${what}» mangler`);
              expected.actions.delete(what); // counted once, not again every later round
            }
          }
          for (const what of storedActions) {
            if (!expected.actions.has(what) && !inFlight.actions.has(what)) {
              problems.push(`runde ${round}: handlingen «${what}» findes, men blev aldrig sendt`);
            }
            // An unconfirmed action that landed is in the archive from now on.
            expected.actions.add(what);
          }
        } finally {
          db.close();
        }
      }

      const integrityText = integrityFailures.length === 0 ? 'integrity_check ok hver gang' : `integrity_check fejlede ${integrityFailures.length} gange`;
      console.log(
        `Nedbrudstest: ${ROUNDS} runder, ${thousands(totalAcknowledged)} bekræftede ændringer, ${thousands(lost)} tabt, ${integrityText} (${killedMidWrite} af nedbruddene ramte midt i en skrivning)`,
      );

      expect(integrityFailures).toEqual([]);
      expect(problems).toEqual([]);
      expect(lost).toBe(0);
      // The stream must really have been a stream: at least one confirmed edit per round on average.
      expect(totalAcknowledged).toBeGreaterThanOrEqual(ROUNDS);
      // …and the kills must really have hit writes in flight, not an idle process.
      expect(killedMidWrite).toBeGreaterThanOrEqual(ROUNDS / 2);
    },
    90_000,
  );
});
