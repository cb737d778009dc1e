/**
 * A synthetic archive of 1, 10 or 30 years for benchmarks: 50 forums of ten schools that meet weekly,
 * monthly, every other month or twice a year (calendar.ts), about 500 meetings a year, agenda items with
 * background and notes from a few lines to several KB, decisions, actions that are mostly done with a tail
 * still open or overdue, some closed (confidential) items and sager that follow a subject over the years.
 * The running text is drawn from the seed model (seedModel.ts, prose.ts): real Danish words in their real
 * proportions, never a copied sentence.
 *
 * It is a fixture, not a user's archive: rows go in with prepared INSERTs in one transaction at schema
 * version 4 (before search), and then the product's own migrations bring the file to the newest schema,
 * as for a user who upgrades; the time that takes is kept as a figure. What later migrations added
 * (action statuses, sager) is written after that, again in one transaction. The same seed always gives
 * the same archive, and the result is cached under `.cache/bench` by size and generator, so reruns are fast.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MIGRATIONS } from '../../electron/archive/migrations';
import { openArchive, type SqliteDb } from '../../electron/archive/open';
import { DEFAULT_COLOURS } from '../../shared/domain/colours';
import { ARCHIVE_END, FORUM_COUNT, forumRhythms, meetingTimes } from './calendar';
import { createProse, seededRandom, type Prose, type Random } from './prose';
import { loadSeedModel } from './seedModel';
import { FORUMS, GROUPS, PEOPLE, SCHOOLS, TOPICS } from './vocabulary';

/** Raise when the generated content changes, so a cached archive from an older generator is rebuilt. */
const GENERATOR_VERSION = 5;
/** The schema version the rows are written at; the migrations after it run as in a user's upgrade. */
const FIXTURE_SCHEMA = 4;
const SEED = 20260101;
const DAY_MS = 86_400_000;

export const DEFAULT_YEARS = [1, 10, 30] as const;

export interface ArchiveCounts {
  forums: number;
  meetings: number;
  plannedMeetings: number;
  items: number;
  confidentialItems: number;
  decisions: number;
  actions: number;
  openActions: number;
  sager: number;
  notesMb: number;
  fileMb: number;
}

export interface BenchArchiveInfo {
  path: string;
  years: number;
  built: boolean;
  buildMs: number;
  /** How long the product's migrations from schema 4 to the newest took on this archive. */
  migrateMs: number;
  counts: ArchiveCounts;
}

/** Ids of the same shape as the app's (the API checks them): the kind in the first group, a counter last. */
function idOf(kind: number, n: number): string {
  return `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}
export const forumIdOf = (n: number) => idOf(1, n);

/** Returns the cached archive of `years` years, building it first when it is missing or from another generator. */
export function ensureBenchArchive(years: number): BenchArchiveInfo {
  const model = loadSeedModel();
  // The migrations by name, not only their number: checkouts sharing the cache may each add their own next migration.
  const schema = MIGRATIONS.map((m) => `${m.version}_${m.name}`).join(',');
  const key = createHash('sha256')
    .update(`${GENERATOR_VERSION}|${model.hash}|${schema}|${years}`)
    .digest('hex')
    .slice(0, 12);
  const folder = join('.cache', 'bench');
  const name = `arkiv-${years}aar`;
  const path = join(folder, `${name}-${key}.sqlite`);
  const metaPath = `${path}.json`;
  if (existsSync(path) && existsSync(metaPath)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Omit<BenchArchiveInfo, 'built'>;
    // Marks the archive as in use, so that a checkout with another generator leaves it alone (below).
    const now = new Date();
    utimesSync(path, now, now);
    utimesSync(metaPath, now, now);
    return { ...meta, path, built: false };
  }
  mkdirSync(folder, { recursive: true });
  // Archives of this size from an older generator or schema are in the way once nobody has used them for a
  // day; a younger one may belong to another checkout sharing the cache (with another schema version).
  for (const file of readdirSync(folder)) {
    const other = join(folder, file);
    if (file.startsWith(`${name}-`) && !file.startsWith(`${name}-${key}`) && Date.now() - statSync(other).mtimeMs > DAY_MS) {
      rmSync(other, { force: true });
    }
  }
  const started = performance.now();
  // Built in a folder of its own (the migration puts its backup beside the file), then moved into place.
  const work = mkdtempSync(join(folder, `bygges-${name}-`));
  try {
    const partial = join(work, 'arkiv.sqlite');
    const migrateMs = build(partial, years, createProse(model, seededRandom(SEED + 1)));
    const archive = openArchive(partial);
    const counts = countArchive(archive.db, partial);
    archive.db.pragma('wal_checkpoint(TRUNCATE)');
    archive.close();
    renameSync(partial, path);
    const info: BenchArchiveInfo = { path, years, built: true, buildMs: performance.now() - started, migrateMs, counts };
    writeFileSync(metaPath, JSON.stringify({ path, years, buildMs: info.buildMs, migrateMs, counts }));
    return info;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** An action's status, and the drop reason a dropped one must have; written after the migrations that allow them. */
interface LaterStatus {
  id: string;
  status: 'igang' | 'forsinket' | 'droppet';
}

/**
 * How an action from a meeting `ageDays` before the archive's end stands: old ones are done or dropped
 * with a small forgotten tail, recent ones are still open, in progress or overdue.
 */
function actionStatus(ageDays: number, next: Random): 'aaben' | 'igang' | 'forsinket' | 'udfoert' | 'droppet' {
  const r = next();
  const [done, dropped, open, going] =
    ageDays > 365 ? [0.92, 0.05, 0.02, 0] : ageDays > 90 ? [0.8, 0.05, 0.08, 0.04] : [0.45, 0, 0.3, 0.15];
  if (r < done) return 'udfoert';
  if (r < done + dropped) return 'droppet';
  if (r < done + dropped + open) return 'aaben';
  if (r < done + dropped + open + going) return 'igang';
  return 'forsinket';
}

/** A length in characters from a log-normal spread: most texts short, a long tail of several KB. */
function logNormalChars(next: Random, median: number, spread: number, max: number): number {
  const gauss = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return Math.min(max, Math.max(40, Math.round(median * Math.exp(spread * gauss))));
}

/** Writes the archive and returns how long the migrations from schema 4 took. */
function build(path: string, years: number, prose: Prose): number {
  const next = seededRandom(SEED);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const chance = (p: number) => next() < p;
  const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const end = Date.parse(`${ARCHIVE_END}T23:59:59Z`);
  const colourKeys = DEFAULT_COLOURS.map((c) => c.key);
  const laterStatuses: LaterStatus[] = [];
  /** Items per forum and subject, oldest first: where sager come from. */
  const subjects = new Map<string, string[]>();
  const rhythms = forumRhythms(next);
  let meetingNo = 0;
  let itemNo = 0;
  let decisionNo = 0;
  let actionNo = 0;

  const archive = openArchive(path, { targetVersion: FIXTURE_SCHEMA });
  const { db } = archive;
  const insertForum = db.prepare(
    `INSERT INTO forum (id, kind, name, school, purpose, cadence, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertColour = db.prepare(
    'INSERT INTO forum_colour (forum_id, colour, label, code, shape, meaning, hex, text_hex) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertMeeting = db.prepare(
    `INSERT INTO meeting (id, forum_id, title, starts_at, duration_minutes, place, purpose, status, run_phase, created_at)
     VALUES (?, ?, ?, ?, ?, 'Mødelokale 2', ?, ?, ?, ?)`,
  );
  const insertItem = db.prepare(
    `INSERT INTO agenda_item (id, meeting_id, position, title, type, minutes, announced_colour, owner, background, confidential, notes, run_state)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertDecision = db.prepare(
    `INSERT INTO decision (id, item_id, colour, text, dissent, decided_by, involve_context, involve_how, explain_reasoning,
                           explain_constraints, expect_given, recorded_at, final_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAction = db.prepare(
    `INSERT INTO action (id, forum_id, item_id, meeting_id, what, who, due, status, term, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const otherTypes = ['droeftelse', 'orientering', 'opfoelgning'] as const;

  db.transaction(() => {
    for (let f = 0; f < FORUM_COUNT; f++) {
      const forumId = forumIdOf(f);
      const rhythm = rhythms[f] ?? { cadence: 'maanedlig', stepDays: 30 };
      const [kind, name] = FORUMS[f % FORUMS.length] ?? FORUMS[0];
      const school = SCHOOLS[Math.floor(f / FORUMS.length)] ?? SCHOOLS[0];
      const times = meetingTimes(rhythm, years, f, next);
      const createdAt = `${(times.held[0] ?? times.planned).slice(0, 10)}T08:00:00.000Z`;
      insertForum.run(forumId, kind, name, school, prose.sentence(name), rhythm.cadence, createdAt);
      for (const c of DEFAULT_COLOURS) insertColour.run(forumId, c.key, c.label, c.code, c.shape, c.meaning, c.hex, c.textHex);

      const meetings = [...times.held.map((startsAt) => ({ startsAt, held: true })), { startsAt: times.planned, held: false }];
      for (const { startsAt, held } of meetings) {
        const meetingId = idOf(2, meetingNo++);
        const ageDays = (end - Date.parse(`${startsAt}:00Z`)) / DAY_MS;
        const main = pick(TOPICS);
        const [y, m, d] = startsAt.slice(0, 10).split('-');
        insertMeeting.run(
          meetingId,
          forumId,
          `${name}-møde ${Number(d)}.${Number(m)}.${y}`,
          startsAt,
          rhythm.stepDays === 7 ? 45 : 90,
          prose.sentence(main[1]),
          held ? 'afholdt' : 'planlagt',
          held ? 'afsluttet' : 'ikke_startet',
          `${startsAt}:00.000Z`,
        );
        // Weekly forums have short agendas; the others a handful to a dozen items.
        const itemCount = rhythm.stepDays === 7 ? between(3, 6) : between(5, 13);
        for (let position = 1; position <= itemCount; position++) {
          const itemId = idOf(3, itemNo++);
          const topicIndex = position === 1 ? TOPICS.indexOf(main) : Math.floor(next() * TOPICS.length);
          const [title, topic] = TOPICS[topicIndex] ?? main;
          const decided = chance(0.35);
          const announced = decided || chance(0.3) ? pick(colourKeys) : null;
          const confidential = chance(0.03);
          const notes = held && chance(0.75) ? prose.text(logNormalChars(next, 500, 0.9, 8000), topic) : '';
          insertItem.run(
            itemId,
            meetingId,
            position,
            confidential ? `Personalesag: ${topic}` : `${title}${chance(0.3) ? ` i ${pick(GROUPS)}` : ''}`,
            decided ? 'beslutning' : pick(otherTypes),
            5 + Math.floor(next() * 5) * 5,
            announced,
            pick(PEOPLE),
            prose.text(between(60, 400), topic),
            confidential ? 1 : 0,
            notes,
            held ? 'faerdig' : 'kommende',
          );
          if (!held) continue;
          const subject = `${f}|${topicIndex}`;
          subjects.set(subject, [...(subjects.get(subject) ?? []), itemId]);
          if (decided && chance(0.9)) {
            const fair = chance(0.5);
            const recordedAt = `${startsAt}:00.000Z`;
            insertDecision.run(
              idOf(4, decisionNo++),
              itemId,
              chance(0.1) || announced === null ? pick(colourKeys) : announced,
              prose.text(between(60, 300), topic),
              chance(0.15) ? `TR: ${prose.sentence()}` : '',
              chance(0.5) ? 'Skolelederen efter høring af TRIO' : '',
              fair ? prose.sentence() : '',
              fair ? prose.sentence() : '',
              fair ? prose.sentence() : '',
              fair ? prose.sentence() : '',
              fair ? prose.sentence() : '',
              recordedAt,
              recordedAt,
            );
          }
          const r = next();
          const actionCount = r < 0.45 ? 0 : r < 0.8 ? 1 : r < 0.95 ? 2 : 3;
          for (let a = 0; a < actionCount; a++) {
            const actionId = idOf(5, actionNo++);
            const status = actionStatus(ageDays, next);
            const due = chance(0.8) ? new Date(Date.parse(`${startsAt}:00Z`) + between(14, 120) * DAY_MS).toISOString().slice(0, 10) : null;
            insertAction.run(
              actionId,
              forumId,
              itemId,
              meetingId,
              prose.phrase(between(3, 8), topic),
              pick(PEOPLE),
              due,
              status === 'udfoert' || status === 'droppet' ? 'udfoert' : 'aaben',
              chance(0.7) ? 'kort' : 'lang',
              `${startsAt}:00.000Z`,
            );
            if (status === 'igang' || status === 'forsinket' || status === 'droppet') laterStatuses.push({ id: actionId, status });
          }
        }
      }
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  archive.close();

  const migrateStart = performance.now();
  const migrated = openArchive(path);
  const migrateMs = performance.now() - migrateStart;
  addLaterContent(migrated.db, laterStatuses, subjects, meetingNo, next);
  migrated.db.pragma('wal_checkpoint(TRUNCATE)');
  migrated.close();
  return migrateMs;
}

/** About one sag per 40 meetings: a subject one forum comes back to, linked over up to ten of its items. */
function addLaterContent(db: SqliteDb, statuses: LaterStatus[], subjects: Map<string, string[]>, meetings: number, next: Random): void {
  const setStatus = db.prepare('UPDATE action SET status = ?, drop_reason = ? WHERE id = ?');
  const insertSag = db.prepare('INSERT INTO sag (id, title, created_at) VALUES (?, ?, ?)');
  const titleOf = db.prepare('SELECT title FROM agenda_item WHERE id = ?').pluck();
  const link = db.prepare('UPDATE agenda_item SET sag_id = ? WHERE id = ?');
  const recurring = [...subjects.values()].filter((items) => items.length >= 3);
  const wanted = Math.max(3, Math.round(meetings / 40));
  db.transaction(() => {
    for (const { id, status } of statuses) setStatus.run(status, status === 'droppet' ? 'Ikke længere relevant' : null, id);
    let sagNo = 0;
    for (const items of recurring) {
      if (sagNo >= wanted) break;
      if (next() >= wanted / recurring.length) continue;
      const start = Math.floor(next() * (items.length - 2));
      const linked = items.slice(start, start + 3 + Math.floor(next() * 8));
      const sagId = idOf(6, sagNo++);
      insertSag.run(sagId, String(titleOf.get(linked[0])), '2016-06-01T08:00:00.000Z');
      for (const itemId of linked) link.run(sagId, itemId);
    }
  })();
}

function countArchive(db: SqliteDb, path: string): ArchiveCounts {
  const count = (sql: string) => Number(db.prepare(sql).pluck().get());
  return {
    forums: count('SELECT COUNT(*) FROM forum'),
    meetings: count(`SELECT COUNT(*) FROM meeting WHERE status = 'afholdt'`),
    plannedMeetings: count(`SELECT COUNT(*) FROM meeting WHERE status = 'planlagt'`),
    items: count('SELECT COUNT(*) FROM agenda_item'),
    confidentialItems: count('SELECT COUNT(*) FROM agenda_item WHERE confidential = 1'),
    decisions: count('SELECT COUNT(*) FROM decision'),
    actions: count('SELECT COUNT(*) FROM action'),
    openActions: count(`SELECT COUNT(*) FROM action WHERE status IN ('aaben', 'igang', 'forsinket')`),
    sager: count('SELECT COUNT(*) FROM sag'),
    notesMb: count('SELECT COALESCE(SUM(length(notes)), 0) FROM agenda_item') / (1024 * 1024),
    fileMb: statSync(path).size / (1024 * 1024),
  };
}

/** One line for the tables: what the archive of this size holds. */
export function describeArchive(info: BenchArchiveInfo): string {
  const c = info.counts;
  const n = (value: number) => value.toLocaleString('da-DK');
  return (
    `${info.years} år: ${n(c.forums)} fora, ${n(c.meetings)} afholdte og ${n(c.plannedMeetings)} planlagte møder, ${n(c.items)} punkter ` +
    `(${n(c.confidentialItems)} lukkede), ${n(c.decisions)} beslutninger, ${n(c.actions)} handlinger (${n(c.openActions)} åbne), ` +
    `${n(c.sager)} sager, noter ${c.notesMb.toFixed(1)} MB, fil ${c.fileMb.toFixed(0)} MB`
  );
}
