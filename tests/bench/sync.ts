/**
 * What sharing a forum costs, against the real sync server (dist/server/server.cjs) as a child process on
 * SQLite storage, on loopback, with real Hocuspocus providers over `ws`, one socket per simulated laptop:
 *
 * - `sync_converge_ms`: three laptops each make 30 edits to one meeting offline and reconnect at once; the
 *   time until all three hold the same document (p95 over rounds). Baseline: the same merge in memory.
 * - `sync_edit_propagation_p95_ms`: 200 laptops, 4 in each of 50 forums, with a meeting open; an edit on one
 *   laptop until each of its forum's other three sees it. Baseline: a bare `ws` relay in this process.
 * - `sync_pull_forum_10y_ms`: a new laptop pulls the 10-year archive's biggest forum (its index and one
 *   document per meeting, built from the archive's meetings). Baseline: applying the same updates in memory.
 * - `sync_bytes_per_100_edits`: TCP bytes on the editing laptop's socket for 100 small edits to one item's
 *   notes. Baseline: the raw size of the 100 Yjs updates.
 * - `server_rss_mb`: the server's resident memory with 2,000 meeting documents open.
 *
 * The clients run in this process, so the client side's work (200 laptops' decoding) is in the figures.
 */
import { loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { WebSocketStatus } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { MEETING_ROOT, documentName } from '../../shared/sync/documents';
import { sqliteStorage, startServerProcess, type ServerProcess } from '../server/serverProcess';
import { percentile } from './benchCopy';
import { ensureBenchArchive } from './generate';
import { BenchLaptop, allAcknowledged, firstAdmin, newMember, shareForum, type Device } from './syncClients';
import { forumsBySize, meetingDocuments, type BenchMeeting } from './syncDocuments';
import { relayBaselineMs } from './syncRelay';
import { onceFigure } from './onceFigures';

const CONVERGE_ROUNDS = 10;
const OFFLINE_EDITS = 30;
const LAPTOPS_PER_FORUM = 4;
const FORUMS = 50;
const PROPAGATION_ROUNDS = 3;
const PULLS = 3;
const LOADED_DOCUMENTS = 2000;

export async function runSyncBench(): Promise<void> {
  const archive = ensureBenchArchive(10);
  const forums = forumsBySize(archive.path);
  const storage = sqliteStorage();
  const server = await startServerProcess(storage);
  const laptops: BenchLaptop[] = [];
  const laptop = (device: Device): BenchLaptop => {
    const opened = new BenchLaptop(server.url, device.credential);
    laptops.push(opened);
    return opened;
  };
  const closeAll = (): void => laptops.splice(0).forEach((each) => each.close());
  try {
    console.log(`Server: ${server.url} (SQLite), belastning før: ${loadavg()[0]!.toFixed(1)} på ${'2'} kerner`);
    const idleRssMb = residentMb(server);
    const admin = await firstAdmin(server);
    for (const [index, forum] of forums.slice(0, FORUMS).entries()) await shareForum(server, admin, forum.forumId, `Forum ${index + 1}`);

    // Upload: the meetings of the biggest forums, one socket per forum, until there are 2,000 documents.
    const loadedForums: { forumId: string; meetings: BenchMeeting[] }[] = [];
    let documentCount = 0;
    for (const forum of forums) {
      if (documentCount >= LOADED_DOCUMENTS) break;
      const meetings = meetingDocuments(archive.path, [forum.forumId]).slice(0, LOADED_DOCUMENTS - documentCount);
      loadedForums.push({ forumId: forum.forumId, meetings });
      documentCount += meetings.length;
    }
    const uploadStarted = performance.now();
    for (const { meetings } of loadedForums) {
      const uploader = laptop(admin);
      const providers = await Promise.all(meetings.map((meeting) => uploader.open(meeting.name, docOf(meeting.update))));
      await allAcknowledged(providers);
      closeAll();
    }
    const uploadS = (performance.now() - uploadStarted) / 1000;

    // Pull: a new member's laptop fetches the biggest forum (its index and every meeting).
    const pullForum = loadedForums[0]!;
    const pullBytes = pullForum.meetings.reduce((sum, meeting) => sum + meeting.update.byteLength, 0);
    const pulls: number[] = [];
    for (let i = 0; i < PULLS; i++) {
      const fresh = laptop(await newMember(server, admin, pullForum.forumId, `Ny bærbar ${i + 1}`));
      const started = performance.now();
      const index = fresh.open(documentName({ kind: 'forum', forumId: pullForum.forumId }));
      const docs = pullForum.meetings.map((meeting) => fresh.open(meeting.name));
      await Promise.all([index, ...docs]);
      pulls.push(performance.now() - started);
      closeAll();
      // The server unloads the documents once nobody has them open; the next laptop finds them on disk.
      await sleep(500);
    }
    const pullApplyMs = applyInMemoryMs(pullForum.meetings);

    // Memory: 2,000 documents open, one laptop per forum.
    const holders = await Promise.all(
      loadedForums.map(async ({ meetings }) => {
        const holder = laptop(admin);
        await Promise.all(meetings.map((meeting) => holder.open(meeting.name)));
      }),
    );
    const loadedRssMb = residentMb(server);
    closeAll();
    void holders;

    const converge = await convergeRounds(server, admin, forums[0]!.forumId);
    const propagation = await propagationRounds(server, admin, forums.slice(0, FORUMS).map((forum) => forum.forumId));
    const relayMs = await relayBaselineMs(FORUMS, LAPTOPS_PER_FORUM, PROPAGATION_ROUNDS);
    const bytes = await bytesFor100Edits(server, admin, forums[1]!.forumId, pullForum.meetings[0]!.update);

    onceFigure('sync_converge_ms', percentile(converge.times, 95));
    onceFigure('sync_converge_p50_ms', percentile(converge.times, 50));
    onceFigure('sync_converge_memory_ms', percentile(converge.inMemory, 95));
    onceFigure('sync_edit_propagation_p95_ms', percentile(propagation, 95));
    onceFigure('sync_edit_propagation_p50_ms', percentile(propagation, 50));
    onceFigure('sync_relay_baseline_p95_ms', percentile(relayMs, 95));
    onceFigure('sync_pull_forum_10y_ms', percentile(pulls, 50));
    onceFigure('sync_pull_apply_memory_ms', pullApplyMs);
    onceFigure('sync_bytes_per_100_edits', bytes.wire, 0);
    onceFigure('sync_bytes_yjs_updates', bytes.updates, 0);
    onceFigure('server_rss_mb', loadedRssMb, 1);
    onceFigure('server_rss_idle_mb', idleRssMb, 1);

    const fixed = (n: number): string => n.toFixed(1);
    console.log('');
    console.log(`Opsætning: ${FORUMS} delte fora; ${documentCount} mødedokumenter (${(totalBytes(loadedForums) / 1e6).toFixed(1)} MB) lagt op på ${fixed(uploadS)} s`);
    console.log(`Hentning: forum med ${pullForum.meetings.length} møder (${(pullBytes / 1e6).toFixed(1)} MB, ${fixed(pullBytes / pullForum.meetings.length / 1024)} KB pr. møde), ` +
      `${PULLS} nye bærbare: ${pulls.map(fixed).join(', ')} ms (median); samme opdateringer anvendt i hukommelsen: ${fixed(pullApplyMs)} ms`);
    console.log(`Konvergens: ${CONVERGE_ROUNDS} runder, 3 × ${OFFLINE_EDITS} ændringer offline: p50 ${fixed(percentile(converge.times, 50))} ms, p95 ${fixed(percentile(converge.times, 95))} ms; ` +
      `samme fletning i hukommelsen p95 ${fixed(percentile(converge.inMemory, 95))} ms`);
    console.log(`Udbredelse: ${FORUMS * LAPTOPS_PER_FORUM} bærbare i ${FORUMS} fora, ${propagation.length} målinger: p50 ${fixed(percentile(propagation, 50))} ms, ` +
      `p95 ${fixed(percentile(propagation, 95))} ms; ren ws-relæ med samme antal: p95 ${fixed(percentile(relayMs, 95))} ms`);
    console.log(`Bytes: 100 små ændringer i et punkts noter: ${bytes.wire} B på ledningen (begge veje), rå Yjs-opdateringer ${bytes.updates} B`);
    console.log(`Serverens hukommelse: ${fixed(idleRssMb)} MB tom, ${fixed(loadedRssMb)} MB med ${documentCount} dokumenter åbne`);
    console.log(`Belastning efter: ${loadavg()[0]!.toFixed(1)}`);
  } catch (error) {
    // What the server said last (ids and reasons only) tells why a step failed.
    console.error(server.output().split('\n').filter((line) => !line.includes('"connected"')).slice(-15).join('\n'));
    throw error;
  } finally {
    closeAll();
    await server.stop();
    await storage.cleanup();
  }
}

interface Converge {
  times: number[];
  inMemory: number[];
}

/** Three laptops edit one meeting offline, then reconnect together; until their documents are equal. */
async function convergeRounds(server: ServerProcess, admin: Device, forumId: string): Promise<Converge> {
  const devices = [admin, await newMember(server, admin, forumId, 'TR'), await newMember(server, admin, forumId, 'AMR')];
  const times: number[] = [];
  const inMemory: number[] = [];
  for (let round = 0; round < CONVERGE_ROUNDS; round++) {
    const name = documentName({ kind: 'moede', forumId, meetingId: meetingIdOf(round) });
    const laptops = devices.map((device) => new BenchLaptop(server.url, device.credential));
    try {
      const docs = devices.map(() => new Y.Doc());
      const providers = await Promise.all(laptops.map((laptop, i) => laptop.open(name, docs[i])));
      docs[0]!.transact(() => {
        const punkter = new Y.Array<Y.Map<unknown>>();
        docs[0]!.getMap(MEETING_ROOT).set('punkter', punkter);
        for (let i = 0; i < 6; i++) {
          const punkt = new Y.Map<unknown>();
          punkter.push([punkt]);
          punkt.set('titel', `Punkt ${i + 1}`);
          punkt.set('noter', new Y.Text(''));
        }
      });
      await allAcknowledged(providers);
      await until(() => docs.every((doc) => doc.getMap(MEETING_ROOT).get('punkter') !== undefined));
      laptops.forEach((laptop) => laptop.socket.disconnect());
      // The socket closes asynchronously; connect() before it has closed does nothing.
      await until(() => laptops.every((laptop) => laptop.socket.status === WebSocketStatus.Disconnected));
      docs.forEach((doc, who) => editOffline(doc, who));

      const memoryStart = performance.now();
      const copies = docs.map((doc) => docOf(Y.encodeStateAsUpdate(doc)));
      for (const copy of copies) for (const other of docs) Y.applyUpdate(copy, Y.encodeStateAsUpdate(other, Y.encodeStateVector(copy)));
      inMemory.push(performance.now() - memoryStart);

      const started = performance.now();
      laptops.forEach((laptop) => void laptop.socket.connect());
      await until(() => sameState(docs), 30_000);
      times.push(performance.now() - started);
    } finally {
      laptops.forEach((laptop) => laptop.close());
    }
  }
  return { times, inMemory };
}

/** A person's 30 offline edits: notes typed word by word, a field changed, an action added. */
function editOffline(doc: Y.Doc, who: number): void {
  const punkter = doc.getMap(MEETING_ROOT).get('punkter') as Y.Array<Y.Map<unknown>>;
  for (let i = 0; i < OFFLINE_EDITS; i++) {
    const punkt = punkter.get((who * 2 + i) % punkter.length);
    doc.transact(() => {
      if (i % 10 === 9) punkt.set('farve', ['groen', 'gul', 'roed'][who] ?? 'blaa');
      else if (i % 10 === 4) punkt.set('handling', `Følge op (${who}, ${i})`);
      else {
        const noter = punkt.get('noter') as Y.Text;
        noter.insert(noter.length, `ord${who}-${i} `);
      }
    });
  }
}

/** 200 laptops, 4 in each forum, each with the forum's meeting open; an edit until the other three see it. */
async function propagationRounds(server: ServerProcess, admin: Device, forumIds: string[]): Promise<number[]> {
  const groups: { laptops: BenchLaptop[]; docs: Y.Doc[] }[] = [];
  const latencies: number[] = [];
  try {
    for (const [index, forumId] of forumIds.entries()) {
      // A meeting id belongs to one forum on the server, so each forum's meeting has its own.
      const name = documentName({ kind: 'moede', forumId, meetingId: meetingIdOf(1000 + index) });
      const members: Device[] = [];
      for (let i = 0; i < LAPTOPS_PER_FORUM; i++) members.push(await newMember(server, admin, forumId, `Bærbar ${i + 1}`));
      const laptops = members.map((member) => new BenchLaptop(server.url, member.credential));
      const docs = members.map(() => new Y.Doc());
      groups.push({ laptops, docs });
      await Promise.all(laptops.map((laptop, i) => laptop.open(name, docs[i])));
    }
    for (let round = 0; round < PROPAGATION_ROUNDS; round++) {
      // Every forum edits at once, staggered by 5 ms, as 50 meetings running in the same hour do.
      await Promise.all(
        groups.map(async ({ docs }, forum) => {
          await sleep(forum * 5);
          for (let editor = 0; editor < docs.length; editor++) {
            const text = docs[editor]!.getText('noter');
            const length = text.length + `r${round}e${editor} `.length;
            const seen = docs.filter((_, i) => i !== editor).map((doc) => seenAt(doc, length));
            const started = performance.now();
            text.insert(text.length, `r${round}e${editor} `);
            for (const at of await Promise.all(seen)) latencies.push(at - started);
          }
        }),
      );
    }
  } finally {
    groups.forEach(({ laptops }) => laptops.forEach((laptop) => laptop.close()));
  }
  return latencies;
}

/** When the document's notes reach `length` characters. */
function seenAt(doc: Y.Doc, length: number): Promise<number> {
  const text = doc.getText('noter');
  return new Promise((resolve) => {
    const check = (): void => {
      if (text.length >= length) {
        doc.off('update', check);
        resolve(performance.now());
      }
    };
    doc.on('update', check);
  });
}

/** 100 small edits to one item's notes on a realistic meeting, each acknowledged; bytes on the wire and raw. */
async function bytesFor100Edits(server: ServerProcess, admin: Device, forumId: string, meeting: Uint8Array): Promise<{ wire: number; updates: number }> {
  const laptop = new BenchLaptop(server.url, admin.credential);
  try {
    const doc = docOf(meeting);
    const provider = await laptop.open(documentName({ kind: 'moede', forumId, meetingId: meetingIdOf(950) }), doc);
    await allAcknowledged([provider]);
    await sleep(200);
    const punkt = (doc.getMap(MEETING_ROOT).get('punkter') as Y.Array<Y.Map<unknown>>).toArray().find((each) => each.get('noter') instanceof Y.Text);
    if (!punkt) throw new Error('Mødet har intet punkt med noter.');
    const noter = punkt.get('noter') as Y.Text;
    let updates = 0;
    doc.on('update', (update: Uint8Array) => (updates += update.byteLength));
    const before = laptop.wireBytes();
    for (let i = 0; i < 100; i++) {
      noter.insert(noter.length, ` ord${i}`);
      await allAcknowledged([provider]);
    }
    return { wire: laptop.wireBytes() - before, updates };
  } finally {
    laptop.close();
  }
}

function sameState(docs: Y.Doc[]): boolean {
  const first = Buffer.from(Y.encodeStateVector(docs[0]!));
  return docs.every((doc) => first.equals(Buffer.from(Y.encodeStateVector(doc))));
}

function applyInMemoryMs(meetings: BenchMeeting[]): number {
  const started = performance.now();
  for (const meeting of meetings) docOf(meeting.update).destroy();
  return performance.now() - started;
}

function docOf(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

function totalBytes(forums: { meetings: BenchMeeting[] }[]): number {
  return forums.reduce((sum, forum) => sum + forum.meetings.reduce((each, meeting) => each + meeting.update.byteLength, 0), 0);
}

/** A meeting id of the app's shape for meetings the benchmark makes itself (not from the archive). */
function meetingIdOf(n: number): string {
  return `0000beef-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

function residentMb(server: ServerProcess): number {
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]) / 1024;
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!check()) {
    if (performance.now() > deadline) throw new Error('Dokumenterne blev ikke ens i tide.');
    await sleep(1);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
