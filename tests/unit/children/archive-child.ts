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
