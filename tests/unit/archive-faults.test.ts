/**
 * The archive under real faults: a write-protected file or folder, a disk that fills up while the app
 * closes, a restore killed with SIGKILL between its steps, two processes taking backups at once, and
 * index damage that only the full integrity check finds. Faults are real: immutable files (chattr +i,
 * which stops root too), a file size limit on a child process (writes fail with EFBIG, as on a full
 * disk), SIGKILL, and bytes changed on disk.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RESTORE_STEPS, backupFolder, createBackup, isArchiveHealthy, listBackups } from '../../electron/archive/backup';
import { openArchive } from '../../electron/archive/open';
import { CorruptArchiveError, ReadOnlyArchiveError, startServices } from '../../electron/services';
import { damageForumIdIndex } from '../faults/indexDamage';
import { killHard, startChild } from './child';
import { archiveWithBackup, forum, forumNames, names, sha256 } from './archiveFiles';
import { must, servicesWithArchive, tempArchivePath } from './support';

/**
 * Makes a file or folder write-protected in a way the test's user cannot get round. The tests run as
 * root, and root ignores permission bits, so as root the file is marked immutable (chattr +i), which
 * stops root too, just as a read-only drive or a locked file stops an ordinary user; as an ordinary
 * user the permission bits do it.
 */
function writeProtect(path: string): () => void {
  if (process.getuid?.() === 0) {
    execFileSync('chattr', ['+i', path]);
    return () => execFileSync('chattr', ['-i', path]);
  }
  const mode = statSync(path).mode & 0o777;
  chmodSync(path, statSync(path).isDirectory() ? 0o555 : 0o444);
  return () => chmodSync(path, mode);
}

function startError(path: string): unknown {
  try {
    startServices(path, 'test').close();
  } catch (error) {
    return error;
  }
  return null;
}

describe('et skrivebeskyttet arkiv', () => {
  for (const what of ['fil', 'mappe'] as const) {
    it(`meldes som skrivebeskyttet ${what} med hvad man kan gøre, aldrig som beskadiget, og tilbydes ingen gendannelse`, async () => {
      const { path } = await archiveWithBackup();
      const before = sha256(path);
      const unprotect = writeProtect(what === 'fil' ? path : dirname(path));
      try {
        const error = startError(path);
        expect(error).toBeInstanceOf(ReadOnlyArchiveError);
        // Not the damaged-archive error the startup dialog answers with an offer to restore.
        expect(error).not.toBeInstanceOf(CorruptArchiveError);
        const message = (error as Error).message;
        expect(message).toMatch(/kan kun læses/);
        expect(message).toMatch(what === 'fil' ? /skrive i arkivfilen/ : new RegExp(`skrive i mappen ${dirname(path)}`));
        expect(message).toMatch(/flyt arkivet til en mappe, du selv kan skrive i/);
        expect(message).not.toMatch(/beskadiget/);
      } finally {
        unprotect();
      }
      expect(sha256(path)).toBe(before);
      expect(readdirSync(dirname(path)).filter((name) => name.includes('FØR-GENDANNELSE'))).toEqual([]);
      // Writable again, it opens as before.
      const services = startServices(path, 'test');
      expect(await names(services)).toEqual(['TRIO A', 'TRIO B']);
      services.close();
    });
  }

  it('startforløbet (harness med gendannelse ved fejl) gendanner ikke et skrivebeskyttet arkiv', async () => {
    const { path } = await archiveWithBackup();
    const unprotect = writeProtect(dirname(path));
    try {
      const output = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = execHarness(path);
        let stderr = '';
        child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
        child.once('exit', (code) => resolve({ code, stderr }));
      });
      expect(output.code).toBe(1);
      expect(output.stderr).toMatch(/kan kun læses/);
      expect(output.stderr).not.toMatch(/beskadiget|gendannet/);
    } finally {
      unprotect();
    }
    expect(readdirSync(dirname(path)).filter((name) => name.includes('FØR-GENDANNELSE'))).toEqual([]);
    expect(forumNames(path)).toEqual(['TRIO A', 'TRIO B']);
  });
});

/** The built harness (npm run build), which answers a damaged archive at start as the app's dialog does. */
function execHarness(path: string) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  return spawn(process.execPath, [join(root, 'dist/harness/server.cjs'), '--db', path, '--port', '0', '--restore-newest-if-corrupt'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('lukning', { timeout: 60_000 }, () => {
  it('kaster ikke, når loggen ikke kan skrives ind i arkivet på en fuld disk, og intet går tabt', async () => {
    const path = tempArchivePath();
    // A writer killed after its commits leaves them in the -wal file, not yet in the archive file.
    const writer = startChild(['write', path, '60']);
    await writer.line(/^STOPPET SKREVET$/);
    await killHard(writer);
    const walBytes = statSync(`${path}-wal`).size;
    const limit = 256 * 1024;
    expect(statSync(path).size).toBeLessThan(limit);
    expect(walBytes).toBeGreaterThan(limit);

    // The closing process may not make the archive file bigger than the limit: the checkpoint fails.
    const closer = startChild(['close', path], { fileSizeLimit: limit });
    expect(await closer.exited).toBe(0);
    expect(closer.stderr()).toMatch(/kunne ikke skrives ind i arkivfilen ved lukning/);
    expect(await closer.line(/^LUKKET/)).toBe('LUKKET lukket');

    // Nothing is lost: the next start reads the changes from the log.
    const services = startServices(path, 'test');
    expect(await names(services)).toHaveLength(60);
    services.close();
    expect(isArchiveHealthy(path, 'integrity_check')).toBe(true);
  });
});

describe('gendannelse tåler at blive afbrudt', { timeout: 30_000 }, () => {
  for (const step of RESTORE_STEPS) {
    it(`efter trinnet «${step}» ligger der et helt arkiv på stedet, og næste start forklarer resten`, async () => {
      const { path, backup } = await archiveWithBackup();
      const oldForums = ['TRIO A', 'TRIO B'];
      const child = startChild(['restore', path, backup, step]);
      await child.line(new RegExp(`^STOPPET ${step}$`));
      // While the process stands still at this step, and after it is killed there, the archive's path
      // holds a whole archive: the old one or the restored one.
      const during = forumNames(path);
      await killHard(child);
      const swapped = step === 'lagt-paa-plads';
      expect(isArchiveHealthy(path, 'integrity_check')).toBe(true);
      expect(forumNames(path)).toEqual(during);
      expect(during).toEqual(swapped ? ['TRIO A'] : oldForums);

      // The next start (of the app, with its demo for a first run) finds what was left and says so.
      const services = startServices(path, 'test', { demoOnFirstRun: true });
      const notices = await must(services, 'backup.notices', {});
      expect(await names(services)).toEqual(swapped ? ['TRIO A'] : oldForums);
      const kept = readdirSync(dirname(path)).filter((name) => name.startsWith('samtalerum-FØR-GENDANNELSE-'));
      if (swapped) {
        // A finished restore: nothing to explain, and the archive from before is kept.
        expect(notices).toEqual([]);
        expect(kept).toHaveLength(1);
        expect(forumNames(join(dirname(path), kept[0]!))).toEqual(oldForums);
      } else {
        expect(notices).toHaveLength(1);
        expect(notices[0]).toMatchObject({ kind: 'afbrudt-gendannelse', offer: null });
        expect(notices[0]!.message).toMatch(/blev afbrudt, før arkivet blev skiftet ud.*Arkivet er, som det var før gendannelsen, og intet er gået tabt/);
        // The second name the restore gave the archive is gone again; no staging file is left.
        expect(kept).toEqual([]);
      }
      expect(readdirSync(dirname(path)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      // Changes go on in the archive at its path.
      await must(services, 'forums.create', forum('TRIO C'));
      services.close();
      expect(forumNames(path)).toContain('TRIO C');
      // A restore taken up again works.
      const again = startServices(path, 'test');
      await must(again, 'backup.restore', { fileName: backup });
      expect(await names(again)).toEqual(['TRIO A']);
      again.close();
    });
  }

  it('et arkiv, som en ældre version efterlod midt i en gendannelse, erstattes ikke af et nyt demoarkiv', async () => {
    const { path, backup } = await archiveWithBackup();
    // The older restore renamed the archive away before it renamed its finished copy into place.
    const kept = join(dirname(path), 'samtalerum-FØR-GENDANNELSE-20261201-100000.sqlite');
    copyFileSync(join(backupFolder(path), backup), join(dirname(path), '.gendannes.tmp'));
    renameSync(path, kept);

    const services = startServices(path, 'test', { demoOnFirstRun: true });
    const [notice] = await must(services, 'backup.notices', {});
    expect(notice?.message).toMatch(/blev afbrudt, mens arkivet blev skiftet ud\. Den er nu gjort færdig.*gemt som samtalerum-FØR-GENDANNELSE-20261201-100000\.sqlite/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await names(services)).toEqual(['TRIO A']);
    services.close();
    expect(forumNames(kept)).toEqual(['TRIO A', 'TRIO B']);
  });
});

describe('sikkerhedskopier hører til deres arkiv', { timeout: 30_000 }, () => {
  it('to arkiver i samme mappe roterer, viser og gendanner aldrig hinandens sikkerhedskopier', async () => {
    const first = tempArchivePath();
    const second = join(dirname(first), 'udvalg.sqlite');
    const a = servicesWithArchive(first);
    const b = servicesWithArchive(second);
    await must(a.services, 'forums.create', forum('TRIO A'));
    await must(b.services, 'forums.create', forum('Udvalg B'));
    const ofA = await must(a.services, 'backup.create', {});
    for (let minute = 0; minute < 7; minute += 1) createBackup(b.archive.db, second, 'manuel', new Date(2030, 0, 1, 9, minute));

    expect(backupFolder(first)).not.toBe(backupFolder(second));
    expect(listBackups(first).map((x) => x.fileName)).toContain(ofA.fileName);
    expect(listBackups(first).filter((x) => x.reason === 'manuel')).toHaveLength(1);
    expect(listBackups(second).filter((x) => x.reason === 'manuel')).toHaveLength(5);
    expect(existsSync(join(backupFolder(first), ofA.fileName))).toBe(true);
    expect(listBackups(second).map((x) => x.fileName)).not.toContain(ofA.fileName);
    const refused = await b.services.call('backup.restore', { fileName: ofA.fileName });
    expect(!refused.ok && refused.error.code).toBe('ikke_fundet');
    a.services.close();
    b.services.close();
  });

  it('to processer, der tager sikkerhedskopier samtidig, støder ikke sammen', async () => {
    const path = tempArchivePath();
    const archive = openArchive(path);
    // A few megabytes, so that the copies take long enough to overlap.
    archive.db.exec('CREATE TABLE fyld (data BLOB)');
    archive.db.prepare('WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 8) INSERT INTO fyld SELECT randomblob(500000) FROM n').run();
    archive.close();

    const at = '2030-01-01T09:00:00';
    const children = [0, 1, 2].map(() => startChild(['backup', path, '2', at]));
    await Promise.all(children.map((c) => c.line(/^KLAR$/)));
    for (const child of children) child.process.stdin!.end('go\n');
    const lists = await Promise.all(children.map(async (c) => JSON.parse(await c.line(/^\[/)) as string[]));
    expect(await Promise.all(children.map((c) => c.exited))).toEqual([0, 0, 0]);

    const taken = lists.flat();
    expect(new Set(taken).size).toBe(6);
    const folder = backupFolder(path);
    expect(readdirSync(folder).sort()).toEqual([...taken].sort());
    for (const name of taken) expect(isArchiveHealthy(join(folder, name), 'integrity_check')).toBe(true);
  });
});

describe('filrettigheder', () => {
  it('arkivet, dets logfiler og sikkerhedskopierne kan kun læses af brugeren selv', async () => {
    const { services, archive } = servicesWithArchive();
    await must(services, 'forums.create', forum('TRIO A'));
    const backup = await must(services, 'backup.create', {});
    const mode = (path: string) => statSync(path).mode & 0o777;
    expect(mode(archive.path)).toBe(0o600);
    expect(mode(`${archive.path}-wal`)).toBe(0o600);
    expect(mode(`${archive.path}-shm`)).toBe(0o600);
    expect(mode(backupFolder(archive.path))).toBe(0o700);
    expect(mode(join(backupFolder(archive.path), backup.fileName))).toBe(0o600);
    services.close();

    const restored = startServices(archive.path, 'test');
    const result = await must(restored, 'backup.restore', { fileName: backup.fileName });
    expect(mode(archive.path)).toBe(0o600);
    expect(mode(join(dirname(archive.path), result.keptAs!))).toBe(0o600);
    restored.close();
  });

  it('strammer rettighederne på et arkiv og en kopimappe fra en ældre version, der kunne læses af alle', () => {
    const path = tempArchivePath();
    const archive = openArchive(path);
    createBackup(archive.db, path, 'manuel');
    archive.close();
    chmodSync(path, 0o644);
    chmodSync(backupFolder(path), 0o755);
    const again = openArchive(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    createBackup(again.db, path, 'manuel');
    again.close();
    expect(statSync(backupFolder(path)).mode & 0o777).toBe(0o700);
  });
});

describe('grundigt tjek i baggrunden', { timeout: 30_000 }, () => {
  it('finder indeksskade, som tjekket ved start ikke ser, og tilbyder den nyeste gode sikkerhedskopi', async () => {
    const path = tempArchivePath();
    const first = startServices(path, 'test');
    const trio = await must(first, 'forums.create', forum('TRIO A'));
    await must(first, 'forums.create', forum('TRIO B'));
    const good = await must(first, 'backup.create', {});
    first.close();
    damageForumIdIndex(path, trio.id);
    // The damage is of the kind the quick start-up check misses.
    expect(isArchiveHealthy(path, 'quick_check')).toBe(true);
    expect(isArchiveHealthy(path, 'integrity_check')).toBe(false);

    const services = startServices(path, 'test');
    // Not on the start-up path: the archive opens, and nothing is said until the check has run.
    expect(await must(services, 'backup.notices', {})).toEqual([]);
    const events: string[] = [];
    services.subscribe((event) => events.push(event.type));
    expect(await services.checkArchiveInBackground()).toBe(false);
    expect(events).toEqual(['archive.notice']);
    // A window whose event stream connects only now still hears it.
    const late: string[] = [];
    services.subscribe((event) => late.push(event.type));
    expect(late).toEqual(['archive.notice']);
    const [notice] = await must(services, 'backup.notices', {});
    expect(notice).toMatchObject({ kind: 'beskadiget-indeks', offer: { fileName: good.fileName } });
    expect(notice?.message).toMatch(/fundet fejl i arkivets indeks/);

    // The offer goes through the ordinary restore.
    await must(services, 'backup.restore', { fileName: notice!.offer!.fileName });
    expect(await must(services, 'backup.notices', {})).toEqual([]);
    expect(await names(services)).toEqual(['TRIO A', 'TRIO B']);
    expect(await services.checkArchiveInBackground()).toBe(true);
    services.close();
  });

  it('holder ikke skrivninger tilbage, mens det kører på et stort arkiv', async () => {
    const path = tempArchivePath();
    const archive = openArchive(path);
    archive.db.exec('CREATE TABLE fyld (data TEXT); CREATE INDEX fyld_data ON fyld (data);');
    archive.db.prepare('WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000) INSERT INTO fyld SELECT hex(randomblob(200)) FROM n').run();
    archive.close();

    const services = startServices(path, 'test');
    const order: string[] = [];
    const check = services.checkArchiveInBackground().then((healthy) => order.push(`tjek ${healthy}`));
    await must(services, 'forums.create', forum('TRIO A'));
    order.push('skrevet');
    await check;
    expect(order).toEqual(['skrevet', 'tjek true']);
    services.close();
  });

  it('et sundt arkiv giver ingen besked', async () => {
    const { path } = await archiveWithBackup();
    const services = startServices(path, 'test');
    expect(await services.checkArchiveInBackground()).toBe(true);
    expect(await must(services, 'backup.notices', {})).toEqual([]);
    services.close();
  });
});
