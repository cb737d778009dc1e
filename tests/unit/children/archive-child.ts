/**
 * A separate process over a real archive, for tests that need what only a process can do: be killed
 * with SIGKILL in the middle of a restore, run beside another process, or run under a file size limit.
 * Built by tests/unit/child.ts; prints one line per milestone on stdout.
 *
 *   restore <archive> <backup file name> <step to stop at | ingen>
 *   backup <archive> <count> <ISO time>   (waits for "go" on stdin, then prints the names as JSON)
 *   write <archive> <count>               (writes forums, prints SKREVET, then waits to be killed)
 *   close <archive>                       (opens the services and closes them again)
 *   noter <archive> <item id> <notes>     (saves an item's notes, prints GEMT when the write answered, then waits to be killed)
 *   samle <archive> <item id> <count>     (adds a line to a shared item's notes count times, each taken by the server, while
 *                                         the update log is compacted after every 20 writes; then three lines the server
 *                                         has not taken; prints SAMLET <rows in the log>, then waits to be killed)
 *   mistet <archive> <forum id> <scope> <reason>
 *                                         (records the server's refusal as the core does first, then waits to be killed)
 */
import { createInterface } from 'node:readline';
import { createBackup, restoreBackup, type RestoreStep } from '../../../electron/archive/backup';
import { openArchive } from '../../../electron/archive/open';
import { createContext } from '../../../electron/services/context';
import { createServices } from '../../../electron/services/dispatch';
import { recordAccessLost } from '../../../electron/sync/leaving';

/** Blocks the process for good, so the parent can kill it exactly here. */
function stopHere(what: string): never {
  console.log(`STOPPET ${what}`);
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}

const [command, archivePath = '', ...rest] = process.argv.slice(2);

if (command === 'restore') {
  const [fileName = '', stopAt] = rest;
  restoreBackup(archivePath, fileName, new Date(), (step: RestoreStep) => {
    if (step === stopAt) stopHere(step);
  });
  console.log('GENDANNET');
} else if (command === 'backup') {
  const [count = '1', at = ''] = rest;
  const archive = openArchive(archivePath);
  console.log('KLAR');
  const input = createInterface({ input: process.stdin });
  input.once('line', () => {
    input.close();
    const names: string[] = [];
    for (let n = 0; n < Number(count); n += 1) names.push(createBackup(archive.db, archivePath, 'daglig', new Date(at)).fileName);
    archive.close();
    console.log(JSON.stringify(names));
  });
} else if (command === 'write') {
  const services = createServices(createContext(openArchive(archivePath), 'test'));
  const writes = Array.from({ length: Number(rest[0] ?? '1') }, (_, n) =>
    services.call('forums.create', { kind: 'trio', name: `TRIO ${n}`, school: 'Egeskolen', purpose: `Formål ${n} `.repeat(400) }),
  );
  void Promise.all(writes).then((results) => {
    if (results.some((r) => !r.ok)) throw new Error('En skrivning fejlede.');
    stopHere('SKREVET');
  });
} else if (command === 'noter') {
  const [itemId = '', notes = ''] = rest;
  const services = createServices(createContext(openArchive(archivePath), 'test'));
  void services.call('run.saveNotes', { itemId, notes }).then((result) => {
    if (!result.ok) throw new Error(result.error.message);
    stopHere('GEMT');
  });
} else if (command === 'samle') {
  const [itemId = '', count = '0'] = rest;
  // Never quiet: only the count of writes starts the compaction.
  const archive = openArchive(archivePath);
  const services = createServices(createContext(archive, 'test'), {
    syncCompaction: { quietMs: 600_000, mostWrites: 20, leastUpdates: 10, pauseMs: 5 },
  });
  const logRows = () => archive.db.prepare('SELECT count(*) FROM sync_update').pluck().get() as number;
  void (async () => {
    const lines: string[] = [];
    for (let line = 1; line <= Number(count) + 3; line += 1) {
      lines.push(`Linje ${line}`);
      const saved = await services.call('run.saveNotes', { itemId, notes: lines.join('\n') });
      if (!saved.ok) throw new Error(saved.error.message);
      // What the transport does once the server has applied the update; the last three it never gets to.
      if (line > Number(count)) continue;
      for (const name of services.sync.documentNames()) services.sync.markAcknowledged(name, services.sync.lastLocalSeq(name));
    }
    // The compaction planned by the last writes, taken in turn after them.
    for (let tries = 0; tries < 200 && services.sync.documentsToCompact(10).length > 0; tries += 1) await new Promise((done) => setTimeout(done, 25));
    stopHere(`SAMLET ${logRows()}`);
  })();
} else if (command === 'mistet') {
  const [forumId = '', scope = '', reason = ''] = rest;
  if (scope !== 'forum' && scope !== 'fortroligt') throw new Error(`Ukendt omfang ${scope}`);
  const { db } = openArchive(archivePath);
  db.transaction(() => recordAccessLost(db, forumId, scope, reason, new Date().toISOString())).immediate();
  stopHere('AFVIST');
} else if (command === 'close') {
  const archive = openArchive(archivePath);
  createServices(createContext(archive, 'test')).close();
  console.log(`LUKKET ${archive.db.open ? 'åben' : 'lukket'}`);
} else {
  console.error(`Ukendt kommando ${command}`);
  process.exit(2);
}
